package deriv.simplify;

import static deriv.expr.Expr.*;

import deriv.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random expressions for property tests, seeded. Besides plain random trees it builds the shapes
 * the rules look for (like terms, products of sums, fractions, sigmoid and trig identities,
 * piecewise factors), with random parts, so that every rule fires often.
 */
final class Generator {
    static final List<String> VARS = List.of("x", "y", "z");
    private static final String[] UNARY = {"sin", "cos", "tanh", "exp", "ln", "sqrt", "abs", "sigmoid", "relu", "LeakyReLU",
                                           "atan", "sinh", "cosh", "softplus", "sign"};
    private final Random r;

    Generator(long seed) { r = new Random(seed); }

    Expr next(int depth) {
        return r.nextInt(4) == 0 ? pattern(depth) : tree(depth);
    }

    Expr leaf() {
        int k = r.nextInt(20);
        if (k < 12) return var(VARS.get(r.nextInt(VARS.size())));
        if (k < 17) return num(r.nextInt(7) - 3);
        if (k < 19) return num(r.nextInt(7) - 3, r.nextInt(3) + 2);
        return r.nextBoolean() ? Const.PI : Const.E;
    }

    Expr tree(int depth) {
        if (depth <= 0 || r.nextInt(5) == 0) return leaf();
        return switch (r.nextInt(10)) {
            case 0, 1 -> add(tree(depth - 1), tree(depth - 1));
            case 2 -> add(tree(depth - 1), tree(depth - 1), tree(depth - 1));
            case 3, 4 -> mul(tree(depth - 1), tree(depth - 1));
            case 5 -> sub(tree(depth - 1), tree(depth - 1));
            case 6 -> div(tree(depth - 1), tree(depth - 1));
            case 7 -> pow(tree(depth - 1), num(r.nextInt(5) - 2));
            case 8 -> call(UNARY[r.nextInt(UNARY.length)], tree(depth - 1));
            default -> new Piecewise(List.of(new Branch(new Cond(tree(depth - 1), Rel.GT, num(0)), tree(depth - 1))), tree(depth - 1));
        };
    }

    /** A shape some rule rewrites, with random parts. */
    Expr pattern(int depth) {
        Expr u = tree(depth - 1), v = tree(depth - 1), w = tree(depth - 1);
        Expr c = num(r.nextInt(5) + 1);
        return switch (r.nextInt(16)) {
            case 0 -> add(mul(c, u, v), mul(num(2), v, u), neg(mul(u, v)));                       // like terms
            case 1 -> add(mul(u, add(v, w)), neg(mul(u, v)));                                     // expand and cancel
            case 2 -> add(mul(u, v), mul(u, w));                                                  // common factor
            case 3 -> div(call("exp", neg(u)), pow(add(num(1), call("exp", neg(u))), 2));          // sigmoid derivative
            case 4 -> mul(v, add(pow(call("sin", u), 2), pow(call("cos", u), 2)));                // pythagoras
            case 5 -> sub(mul(c, call("sin", u), call("cos", v)), mul(c, call("cos", u), call("sin", v)));  // angle difference
            case 6 -> add(div(u, add(num(1), pow(v, 2))), neg(div(mul(num(2), pow(v, 2)), pow(add(num(1), pow(v, 2)), 2))));
            case 7 -> mul(call("sqrt", pow(u, 2)), call("exp", call("ln", add(pow(v, 2), num(1)))));
            case 8 -> mul(new Piecewise(List.of(new Branch(new Cond(u, Rel.GT, num(0)), num(1))), num(1, 100)), v, sub(num(1), pow(call("tanh", w), 2)));
            case 9 -> mul(neg(u), add(neg(v), neg(w)), pow(sub(neg(v), w), 3));                    // signs
            case 10 -> pow(mul(c, u, v), -2);                                                     // power of product
            case 11 -> mul(u, pow(u, -1), pow(v, 3), pow(v, -2));                                 // cancel
            case 12 -> sub(mul(c, call("sigmoid", u)), mul(c, pow(call("sigmoid", u), 2)));       // sigmoid factored
            case 13 -> add(mul(neg(u), sub(num(1), v)), mul(sub(num(1), u), v));                  // logistic-loss shape
            case 14 -> sub(pow(call("cos", u), 2), pow(call("sin", u), 2));                       // double angle
            default -> add(mul(num(3), new Piecewise(List.of(new Branch(new Cond(add(mul(num(2), var("x")), num(-1)), Rel.GT, num(0)), num(1))), num(0))), u);
        };
    }

    /** Every variable the generator uses, for the samplers. */
    static List<String> vars() { return new ArrayList<>(VARS); }
}
