package deriv.verify;

import deriv.expr.Expr;

/**
 * The answer to "is this side equal to that one": valid or not, which means decided it, and for a
 * wrong claim a counterexample, the difference in simplest form and a hint at the likely slip.
 *
 * @param valid          the two sides are equal
 * @param method         what decided it
 * @param counterexample a point where they differ (null when valid)
 * @param difference     claimed - expected, simplified (null when valid or unavailable)
 * @param hint           the likely slip, in words (null when none is recognised)
 * @param note           anything else worth saying (domains differ, few points ...), or null
 * @param numeric        what the numeric comparison saw
 */
public record Verdict(boolean valid, Method method, Counterexample counterexample, Expr difference, String hint,
                      String note, NumericCheck.Result numeric) {

    /** The means that decided a verdict. */
    public enum Method {
        /** Simplification: the difference simplified to 0, or to a nonzero constant. */
        SYMBOLIC,
        /** Values at random points (with the 60-digit referee for disagreements). */
        NUMERIC,
        /** Nothing could decide: no point where both sides are defined, and no symbolic proof. */
        UNDECIDED;

        /** The lower-case name used in reports and JSON. */
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
