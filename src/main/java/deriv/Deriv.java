package deriv;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.parse.DerivException;
import java.util.IdentityHashMap;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import deriv.simplify.Simplifier;
import java.util.List;
import java.util.Map;

/**
 * The library in a few calls, as the command line and the web page use it:
 * <pre>{@code
 * Parsed p = Deriv.parse("LeakyReLU(W2*tanh(W1*x + b1) + b2)");
 * Derivation d = Deriv.diff(p, List.of("W1"), true);   // steps + simplified result
 * String text = Printer.print(d.result());
 * double v = Deriv.eval(p, d.result(), Map.of("W1", 0.5, "x", 1.0, "b1", 0.0, "W2", 2.0, "b2", 0.1));
 * }</pre>
 */
public final class Deriv {
    private Deriv() {}

    public static Parsed parse(String text) { return Parsing.program(text); }

    /**
     * The derivative of the program's expression by each of {@code wrt} in turn (a mixed partial
     * when they differ), with every step recorded; simplified after each order unless {@code simplify} is false.
     */
    public static Derivation diff(Parsed parsed, List<String> wrt, boolean simplify) {
        Definitions defs = parsed.program().definitions();
        Expr body = new Differentiator(defs).resolve(parsed.program().body());
        Differentiator dx = new Differentiator(defs);
        if (simplify) {
            dx.tidyingIntermediates(e -> {
                Simplifier.Simplified s = Simplifier.simplify(e);
                return s.steps().isEmpty() ? null : s.asStep();
            });
        }
        return Differentiator.derive(dx, body, wrt, d -> {
            checkGrowth(d, wrt);
            if (!simplify) return d;
            Derivation s = simplify(d);
            checkGrowth(s, wrt);
            return s;
        });
    }

    /** Largest derivative accepted, in tree nodes: past it the result could not be printed or simplified. */
    public static final long MAX_NODES = 2_000_000;

    private static void checkGrowth(Derivation d, List<String> wrt) {
        long n = treeSize(d.result(), new IdentityHashMap<>());
        if (n > MAX_NODES) {
            throw DerivException.general("the derivative grew past " + String.format("%,d", MAX_NODES)
                + " tree nodes (by " + String.join(", ", wrt) + "); differentiate fewer times, name inner expressions with := so they stay shared,"
                + " or ask only for its value with --at");
        }
    }

    /** Tree size of an expression whose subtrees may be shared, in time linear in the shared form (saturating). */
    public static long treeSize(Expr e, Map<Expr, Long> memo) {
        Long m = memo.get(e);
        if (m != null) return m;
        long s = 1;
        for (Expr c : Exprs.children(e)) s = Math.min(Long.MAX_VALUE / 4, s + treeSize(c, memo));
        memo.put(e, s);
        return s;
    }

    /** Appends the simplification steps to a derivation. */
    public static Derivation simplify(Derivation d) {
        return Simplifier.simplify(d);
    }

    /** The value of {@code e} (an expression in the program's names) at a point. */
    public static double eval(Parsed parsed, Expr e, Map<String, Double> at) {
        return Evaluator.eval(e, parsed.program().definitions(), at);
    }
}
