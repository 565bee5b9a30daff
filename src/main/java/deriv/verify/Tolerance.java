package deriv.verify;

/**
 * The numeric tolerances of verification, in one place.
 *
 * <p>Two values a and b agree when {@code |a - b| <= RELATIVE * max(1, |a|, |b|)}: relative for
 * large values, absolute below 1 (so that values near zero are not compared digit by digit).
 * When a point fails this test in double precision, both sides are evaluated again at that exact
 * point with 60 significant digits, and the point is a counterexample only if they still differ:
 * a disagreement caused by rounding (cancellation) is retried away, a real one is kept.
 */
public final class Tolerance {
    private Tolerance() {}

    /** Relative tolerance of an equality. */
    public static final double RELATIVE = 1e-8;
    /** Looser tolerance for recognising the shape of a mistake (hints only, never a verdict). */
    public static final double HINT = 1e-6;
    /** How far every kink expression (the argument of abs, relu ... and piecewise conditions) must stay from 0. */
    public static final double KINK_MARGIN = 1e-3;
    /** Points compared for a verdict of "equal". */
    public static final int POINTS = 48;
    /** Random draws at most (points outside a domain or near a kink are redrawn). */
    public static final int DRAWS = 4000;

    /** Whether a and b agree within {@code tol} relative to max(1, |a|, |b|). */
    public static boolean close(double a, double b, double tol) {
        return Math.abs(a - b) <= tol * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}
