package deriv.verify;

import static deriv.expr.Expr.*;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Printer;

/**
 * Decides whether a claimed expression equals the expected one, by both means: symbolic (the two
 * sides simplify to the same tree, or their difference simplifies to 0) and numeric (values at
 * random points, {@link NumericCheck}). The numeric means has the last word, because it is checked
 * against a 60-digit referee and cannot be fooled by a simplifier's gap or bug; the symbolic means
 * decides when it proves equality and the numbers agree, and when no point can be compared.
 */
public final class Verifier {
    private Verifier() {}

    /** Whether {@code claimed} is d{@code f}/d{@code var} (f may use the definitions). */
    public static Verdict claim(Expr f, Expr claimed, String var, Definitions defs) {
        Side expected = new Side("d/d" + var + " of " + Printer.print(f), new Diff(f, var), defs);
        return compare(expected, new Side("claimed", claimed, defs));
    }

    /** The correct derivative d{@code f}/d{@code var}, simplified when simplification is available. */
    public static Expr correct(Expr f, String var, Definitions defs) {
        Expr raw = new Side("correct", new Diff(f, var), defs).value();
        Expr s = Symbolic.simplify(raw);
        return s == null ? raw : s;
    }

    /** Whether {@code claimed} equals {@code expected} (the correct derivative, or the previous line of a chain). */
    public static Verdict compare(Side expected, Side claimed) { return compare(expected, claimed, true); }

    /**
     * As {@link #compare(Side, Side)}; with {@code explain} false, a wrong claim gets no hint (the
     * verdict, method, counterexample and difference are the same, faster).
     */
    public static Verdict compare(Side expected, Side claimed, boolean explain) {
        NumericCheck.Result numeric = NumericCheck.compare(expected, claimed);
        boolean sameDefs = compatible(expected.defs(), claimed.defs());
        // symbolic: the same tree after simplification, or a difference that simplifies to a number;
        // first with intermediates kept as names (readable), then with every definition expanded
        Expr difference = null;
        boolean provedEqual = false, provedUnequal = false;
        if (sameDefs) {
            Definitions defs = expected.defs().all().size() >= claimed.defs().all().size() ? expected.defs() : claimed.defs();
            for (boolean expand : new boolean[] {false, true}) {
                Expr x = expand ? defs.expand(expected.value()) : defs.expandFunctions(expected.value());
                Expr y = expand ? defs.expand(claimed.value()) : defs.expandFunctions(claimed.value());
                if (expand && x.equals(defs.expandFunctions(expected.value())) && y.equals(defs.expandFunctions(claimed.value()))) break;
                Expr a = Symbolic.simplify(x), b = Symbolic.simplify(y);
                if (a == null || b == null) continue;
                provedEqual = a.equals(b);
                if (!provedEqual) {
                    Expr d = Symbolic.simplify(sub(y, x));
                    if (d != null && (difference == null || !expand)) difference = d;
                    provedEqual = d instanceof Num n && n.isZero();
                    provedUnequal |= d instanceof Num n && !n.isZero() && numeric.counterexample() != null;
                }
                if (provedEqual) break;
            }
        }
        String note = domainNote(expected, claimed, numeric);
        if (numeric.agree()) {
            return new Verdict(true, provedEqual ? Verdict.Method.SYMBOLIC : Verdict.Method.NUMERIC, null, null, null,
                note, numeric);
        }
        if (numeric.counterexample() != null) {
            if (provedEqual) {
                // the simplifier claimed a zero difference that the numbers refute: trust the numbers
                note = join(note, "simplification wrongly reduced the difference to 0; the numeric check decided");
                difference = null;
            }
            if (difference == null && sameDefs) difference = sub(claimed.value(), expected.value());
            String hint = explain ? Hints.find(expected, numeric).orElse(null) : null;
            return new Verdict(false, provedUnequal ? Verdict.Method.SYMBOLIC : Verdict.Method.NUMERIC,
                numeric.counterexample(), difference, hint, note, numeric);
        }
        // no point where both sides are defined
        if (provedEqual) return new Verdict(true, Verdict.Method.SYMBOLIC, null, null, null, note, numeric);
        return new Verdict(false, Verdict.Method.UNDECIDED, null, difference, null,
            join(note, "no point was found where both sides are defined, and simplification did not decide"), numeric);
    }

    private static String domainNote(Side expected, Side claimed, NumericCheck.Result r) {
        if (r.compared() == 0) return null;
        if (r.undefinedClaimed() > 0 && r.undefinedExpected() == 0) {
            return claimed.label() + " is undefined at " + r.undefinedClaimed() + " sampled points where "
                + expected.label() + " is defined (skipped)";
        }
        if (r.undefinedExpected() > 0 && r.undefinedClaimed() == 0) {
            return expected.label() + " is undefined at " + r.undefinedExpected() + " sampled points where "
                + claimed.label() + " is defined (skipped)";
        }
        if (r.undefinedExpected() > 0) {
            return "the two sides have different domains: " + r.undefinedExpected() + " + " + r.undefinedClaimed()
                + " sampled points skipped where one side is undefined";
        }
        return null;
    }

    /** One side's definitions extend the other's (a chain accumulates them), so both read the same names alike. */
    private static boolean compatible(Definitions a, Definitions b) {
        var x = a.all();
        var y = b.all();
        return x.size() <= y.size() ? y.subList(0, x.size()).equals(x) : x.subList(0, y.size()).equals(y);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
