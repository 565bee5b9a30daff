package deriv.diff;

import deriv.eval.Evaluator;
import deriv.eval.Sampler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numeric comparison of a symbolic derivative with central differences, for tests. A point counts
 * as a mismatch only when the difference quotients are themselves stable there (two step sizes
 * agree) and none of several step sizes comes within the tolerance; unstable points (a singularity
 * or a jump close by) are counted as skipped, never as passed.
 */
final class Numeric {
    private Numeric() {}

    static final double TOLERANCE = 1e-4;
    private static final double[] STEPS = {1e-6, 1e-5, 1e-7, 1e-4};

    enum Verdict { AGREE, MISMATCH, UNSTABLE }

    /** The outcome at one point, with what was compared (for messages). */
    record Outcome(Verdict verdict, double exact, double numeric, Map<String, Double> at) {
        String describe() { return "exact " + exact + ", central differences " + numeric + " at " + at; }
    }

    /** Compares {@code derivative} with differences of {@code f} in {@code var} at {@code at}. */
    static Outcome compare(Expr f, Expr derivative, Definitions defs, String var, Map<String, Double> at) {
        double exact = Evaluator.eval(derivative, defs, at);
        double first = Double.NaN;
        for (double h : STEPS) {
            double[] q = quotient(f, defs, at, var, h);
            if (Double.isNaN(first)) first = q[0];
            if (!Double.isFinite(q[0])) continue;
            double allowed = TOLERANCE * Math.max(1, Math.max(Math.abs(exact), Math.abs(q[0]))) + q[1];
            if (Math.abs(exact - q[0]) <= allowed) return new Outcome(Verdict.AGREE, exact, q[0], at);
        }
        // a real mismatch needs a trustworthy reference: the two smallest sensible steps agree
        double[] a = quotient(f, defs, at, var, 1e-5), b = quotient(f, defs, at, var, 1e-6);
        boolean stable = Double.isFinite(a[0]) && Double.isFinite(b[0]) && Double.isFinite(exact)
            && Math.abs(a[0] - b[0]) <= 1e-6 * Math.max(1, Math.abs(a[0])) + a[1] + b[1];
        return new Outcome(stable ? Verdict.MISMATCH : Verdict.UNSTABLE, exact, first, at);
    }

    /** {(f(x+s) - f(x-s)) / 2s, its rounding-error bound}, s = h * max(1, |x|). */
    private static double[] quotient(Expr f, Definitions defs, Map<String, Double> at, String var, double h) {
        Map<String, Double> p = new HashMap<>(at);
        double x = at.get(var);
        double s = h * Math.max(1, Math.abs(x));
        p.put(var, x + s);
        double up = Evaluator.eval(f, defs, p);
        p.put(var, x - s);
        double down = Evaluator.eval(f, defs, p);
        double rounding = 64 * Math.ulp(Math.max(Math.abs(up), Math.abs(down))) / (2 * s);
        return new double[] {(up - down) / (2 * s), rounding};
    }

    /** Summary of many comparisons. */
    record Tally(int agreed, int unstable, int unsampled, List<String> mismatches) {}

    /**
     * Checks that {@code derivative} is d{@code f}/d{@code var} at {@code points} random points away
     * from kinks (all free variables drawn). Returns the tally; callers assert on it.
     */
    static Tally check(Expr f, Expr derivative, Definitions defs, String var, long seed, int points) {
        // inner diff(...) nodes mean what they mean in the program: worked out with every definition
        Expr plain = new Differentiator(defs).resolve(f);
        // d/dk of an intermediate k holds k fixed as a variable: k is drawn, not computed
        if (defs.intermediate(var).isPresent()) {
            defs = new Definitions(defs.all().stream().filter(d -> !d.name().equals(var)).toList());
        }
        // an evaluator cannot evaluate diff(...): definitions that hold one are worked out first
        defs = Differentiator.resolveDefinitions(defs);
        // variables of the expansion, and those of arguments a user function ignores (still evaluated)
        Set<String> vars = new LinkedHashSet<>(Exprs.freeVars(defs.expand(plain)));
        vars.addAll(Exprs.freeVars(defs.expand(derivative)));
        vars.addAll(Exprs.freeVars(plain));
        vars.addAll(Exprs.freeVars(derivative));
        vars.add(var);
        Sampler sampler = new Sampler(List.of(plain, derivative), defs, new ArrayList<>(vars), seed);
        int agreed = 0, unstable = 0, unsampled = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            Map<String, Double> at = sampler.next(100);
            if (at == null) { unsampled++; continue; }
            Outcome o = compare(plain, derivative, defs, var, at);
            switch (o.verdict()) {
                case AGREE -> agreed++;
                case UNSTABLE -> unstable++;
                case MISMATCH -> mismatches.add("d/d" + var + " of " + Printer.print(f) + " = " + Printer.print(derivative)
                    + ": " + o.describe());
            }
        }
        return new Tally(agreed, unstable, unsampled, mismatches);
    }

    /** Asserts agreement at most points (and no mismatch anywhere). */
    static void assertDerivative(Expr f, Expr derivative, Definitions defs, String var, long seed, int points) {
        Tally t = check(f, derivative, defs, var, seed, points);
        if (!t.mismatches().isEmpty()) throw new AssertionError(String.join("\n", t.mismatches()));
        if (t.agreed() < points * 3 / 4) {
            throw new AssertionError("only " + t.agreed() + " of " + points + " points compared for d/d" + var + " of "
                + Printer.print(f) + " (" + t.unstable() + " unstable, " + t.unsampled() + " not sampled)");
        }
    }

    /** {@code actual} is exactly the tree {@code expected} parses to (printer-independent). */
    static void assertExpr(String expected, Expr actual) {
        Expr want = deriv.parse.Parsing.expr(expected);
        if (!want.equals(actual)) {
            throw new org.opentest4j.AssertionFailedError("expected " + expected + " but was " + Printer.print(actual),
                expected, Printer.print(actual));
        }
    }

    /** The derivative by the Differentiator, checked numerically; returns it. */
    static Expr assertDerivative(Expr f, Definitions defs, String var, long seed, int points) {
        Expr d = new Differentiator(defs).differentiate(f, var).after();
        assertDerivative(f, d, defs, var, seed, points);
        return d;
    }
}
