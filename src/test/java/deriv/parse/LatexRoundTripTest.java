package deriv.parse;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import deriv.diff.Differentiator;
import deriv.eval.Evaluator;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import deriv.expr.RandomExprs;
import deriv.latex.LatexPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading deriv's own LaTeX gives back the expression it was printed from. */
class LatexRoundTripTest {
    static final int CASES = 1500;

    /**
     * Names the LaTeX printer writes alike are read one way: {@code b_1} and {@code b1} are both
     * {@code b_{1}}, read as {@code b1}. The random trees use the names that can come back.
     */
    private static final Map<String, String> READABLE = Map.of("b_1", "b1", "theta_0", "theta0", "_h", "h");

    private static Expr readable(Expr e) {
        return switch (e) {
            case Var v -> var(READABLE.getOrDefault(v.name(), v.name()));
            case Diff d -> new Diff(readable(d.body()), READABLE.getOrDefault(d.var(), d.var()));
            default -> Exprs.mapChildren(e, LatexRoundTripTest::readable);
        };
    }

    private static void check(String what, List<Expr> trees) {
        List<String> failures = new ArrayList<>();
        for (Expr e : trees) {
            String tex = LatexPrinter.exact(e);
            try {
                Expr back = LatexParsing.expr(tex);
                if (!back.equals(e)) failures.add(tex + "\n    tree: " + e + "\n    back: " + back);
            } catch (DerivException x) {
                failures.add(tex + "\n    tree:  " + e + "\n    error: " + x.diagnostic().render());
            }
        }
        if (!failures.isEmpty()) {
            fail(what + ": " + failures.size() + " of " + trees.size() + " did not read back; the first:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(6, failures.size()))));
        }
    }

    @Test
    void exactLatexOfRandomTreesReadsBackEqual() {
        RandomExprs gen = new RandomExprs(20261122L);
        List<Expr> trees = new ArrayList<>();
        for (int i = 0; i < CASES; i++) trees.add(readable(gen.next(1 + i % 5)));
        check("shared generator", trees);
    }

    // ------------------------------------------------------------------------------ more names

    private static final String[] NAMES = {"x", "y", "a", "W1", "b2", "theta0", "alpha", "sigma", "Theta", "loss",
        "lr", "loss1", "w_ij", "h_theta", "x_alpha1", "a_b_c", "W1_2", "y_hat", "x_max", "epsilon", "z12"};
    private static final List<Fn> FUNCTIONS = Fn.TABLE;

    /** Trees over many name shapes, rationals, decimals and every built-in. */
    private static Expr tree(Random r, int depth) {
        if (depth == 0 || r.nextInt(5) == 0) {
            return switch (r.nextInt(7)) {
                case 0 -> num(r.nextInt(10));
                case 1 -> num(-1 - r.nextInt(5));
                case 2 -> num(1 + r.nextInt(5), 2 + r.nextInt(7));
                case 3 -> r.nextBoolean() ? Const.E : Const.PI;
                case 4 -> num(r.nextInt(300) - 100, 100);
                default -> var(NAMES[r.nextInt(NAMES.length)]);
            };
        }
        int d = depth - 1;
        return switch (r.nextInt(11)) {
            case 0 -> add(tree(r, d), tree(r, d));
            case 1 -> sub(tree(r, d), tree(r, d));
            case 2 -> mul(tree(r, d), tree(r, d));
            case 3 -> div(tree(r, d), tree(r, d));
            case 4 -> neg(tree(r, d));
            case 5 -> pow(tree(r, d), switch (r.nextInt(4)) {
                case 0 -> num(r.nextInt(5) - 2);
                case 1 -> num(1, 2 + r.nextInt(3));
                case 2 -> tree(r, d);
                default -> num(2);
            });
            case 6, 7 -> {
                Fn fn = FUNCTIONS.get(r.nextInt(FUNCTIONS.size()));
                int n = fn.minArgs() + (fn.maxArgs() > fn.minArgs() && r.nextBoolean() ? 1 : 0);
                List<Expr> args = new ArrayList<>();
                for (int i = 0; i < n; i++) args.add(tree(r, d));
                yield new Call(fn.name(), args);
            }
            case 8 -> new Piecewise(List.of(new Branch(new Cond(tree(r, d), Rel.values()[r.nextInt(4)], tree(r, d)), tree(r, d))),
                tree(r, d));
            case 9 -> new Diff(tree(r, d), NAMES[r.nextInt(NAMES.length)]);
            default -> mul(tree(r, 0), tree(r, d));
        };
    }

    @Test
    void exactLatexOfTreesOverManyNamesReadsBackEqual() {
        Random r = new Random(11);
        List<Expr> trees = new ArrayList<>();
        for (int i = 0; i < 800; i++) trees.add(tree(r, 1 + i % 5));
        check("names and built-ins", trees);
    }

    @Test
    void namesThatReadBackAndNamesThePrinterWritesAlike() {
        for (String n : NAMES) assertEquals(var(n), LatexParsing.expr(LatexPrinter.exact(var(n))), n);
        // W_1 and W1 print alike, as do theta_0 and theta0: they read as the name without the underscore
        assertEquals(var("W1"), LatexParsing.expr(LatexPrinter.exact(var("W_1"))));
        assertEquals(var("theta0"), LatexParsing.expr(LatexPrinter.exact(var("theta_0"))));
    }

    @Test
    void programsWithUserFunctionsReadBackEqual() {
        Parsed plain = Parsing.program("""
            Linear(W, b, x) := W*x + b
            f(t) := t^2 - 1
            phi(u) := 1/(1 + exp(-u))
            k := Linear(W1, b1, x)
            LeakyReLU(k) + f(k)*phi(k) - diff(f(k)^2, W1)
            """);
        StringBuilder tex = new StringBuilder();
        for (var d : plain.program().definitions().all()) {
            Expr head = switch (d) {
                case deriv.expr.Definition.Function fn -> new Call(fn.name(), fn.params().stream().map(Expr::var).map(v -> (Expr) v).toList());
                case deriv.expr.Definition.Intermediate i -> var(i.name());
            };
            tex.append(LatexPrinter.exact(head)).append(" := ").append(LatexPrinter.exact(d.body())).append(" \\\\\n");
        }
        tex.append(LatexPrinter.exact(plain.program().body()));
        Parsed back = LatexParsing.program(tex.toString());
        assertEquals(plain.program().definitions().all(), back.program().definitions().all(), tex.toString());
        assertEquals(plain.program().body(), back.program().body(), tex.toString());
    }

    // ------------------------------------------------------------------------------ textbook form

    @Test
    void textbookLatexReadsBackToTheSameValues() {
        // \sqrt{u} for u^(1/2) and \frac{1}{y} for 1*y^-1 read as sqrt(u) and y^-1: equal in value
        RandomExprs gen = new RandomExprs(99L);
        Random points = new Random(5);
        int compared = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Expr e = readable(gen.next(1 + i % 5));
            String tex = LatexPrinter.print(e);
            Expr back = LatexParsing.expr(tex);
            Differentiator diff = new Differentiator();
            Expr x = diff.resolve(e), y = diff.resolve(back);
            Map<String, Double> at = new HashMap<>();
            for (String n : Exprs.freeVars(x)) at.put(n, 0.3 + 1.5 * points.nextDouble());
            double vx = Evaluator.eval(x, at), vy = Evaluator.eval(y, at);
            if (!Double.isFinite(vx) || !Double.isFinite(vy)) continue;
            compared++;
            if (Math.abs(vx - vy) > 1e-9 * Math.max(1, Math.abs(vx))) failures.add(tex + "\n    " + vx + " vs " + vy);
        }
        if (!failures.isEmpty()) fail(failures.size() + " differ; the first:\n  " + String.join("\n  ", failures.subList(0, Math.min(5, failures.size()))));
        if (compared < 90) fail("only " + compared + " trees had a finite value");
    }
}
