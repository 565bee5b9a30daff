package deriv.expr;

import static deriv.expr.Expr.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of expressions built with the factories of {@link Expr}, covering every node
 * kind: numbers (negative, rational, large), variables, constants, sums, differences, products,
 * quotients, negations, nested powers, calls of every built-in (two-argument ones too), piecewise
 * values and unevaluated derivatives.
 */
public final class RandomExprs {
    private static final String[] NAMES = {"x", "y", "z", "W1", "b_1", "theta_0", "alpha", "w2x", "_h", "sigma"};
    private static final String[] UNARY = {"sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "sinh",
        "cosh", "tanh", "exp", "ln", "sqrt", "abs", "sign", "sigmoid", "relu", "LeakyReLU", "softplus"};
    private static final String[] BINARY = {"min", "max", "LeakyReLU"};

    private final Random random;
    private final boolean withDiff;

    public RandomExprs(long seed) { this(seed, true); }

    public RandomExprs(long seed, boolean withDiff) {
        this.random = new Random(seed);
        this.withDiff = withDiff;
    }

    public Expr next(int depth) {
        if (depth <= 0 || random.nextInt(5) == 0) return leaf();
        int d = depth - 1;
        return switch (random.nextInt(withDiff ? 17 : 16)) {
            case 0 -> add(list(d, 2 + random.nextInt(3)));
            case 1 -> sub(next(d), next(d));
            case 2 -> mul(list(d, 2 + random.nextInt(3)));
            case 3 -> neg(next(d));
            case 4 -> div(next(d), next(d));
            case 5 -> pow(next(d), smallNumber());
            case 6 -> pow(next(d), next(d));
            case 7 -> pow(pow(next(d), next(d)), next(d));
            case 8 -> pow(next(d), pow(next(d), next(d)));
            case 9 -> mul(number(), next(d));
            case 10 -> reciprocal(next(d));
            case 11, 12 -> call(UNARY[random.nextInt(UNARY.length)], next(d));
            case 13 -> call(BINARY[random.nextInt(BINARY.length)], next(d), next(d));
            case 14 -> piecewise(d);
            case 15 -> add(next(d), mul(number(), next(d)));
            default -> new Diff(next(d), NAMES[random.nextInt(NAMES.length)]);
        };
    }

    private List<Expr> list(int depth, int n) {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(next(depth));
        return out;
    }

    private Expr piecewise(int depth) {
        List<Branch> branches = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            Rel rel = Rel.values()[random.nextInt(4)];
            branches.add(new Branch(new Cond(next(depth), rel, next(depth)), next(depth)));
        }
        return new Piecewise(branches, next(depth));
    }

    private Expr leaf() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> number();
            case 2 -> random.nextBoolean() ? Const.E : Const.PI;
            default -> var(NAMES[random.nextInt(NAMES.length)]);
        };
    }

    private Num smallNumber() {
        return random.nextInt(3) == 0 ? Num.of(random.nextInt(7) - 3, 1 + random.nextInt(3)) : Num.of(random.nextInt(9) - 4);
    }

    /** Integers (zero and negatives too), fractions, and now and then a big number. */
    public Num number() {
        return switch (random.nextInt(5)) {
            case 0 -> Num.of(random.nextInt(11) - 5, 1 + random.nextInt(6));
            case 1 -> new Num(new java.math.BigInteger(90, random).negate(), java.math.BigInteger.valueOf(7));
            default -> Num.of(random.nextInt(21) - 10);
        };
    }
}
