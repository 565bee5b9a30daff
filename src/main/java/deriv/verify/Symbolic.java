package deriv.verify;

import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.simplify.Simplifier;

/**
 * The symbolic means of verification: simplification of both sides and of their difference.
 * Guarded: a simplifier failure or an oversized input means "no symbolic answer", never a wrong one.
 */
final class Symbolic {
    private Symbolic() {}

    /** Inputs larger than this (tree nodes) are left to the numeric check. */
    static final int MAX_NODES = 4000;

    /** The simplified expression, or null when simplification is not available for it. */
    static Expr simplify(Expr e) {
        if (Exprs.size(e) > MAX_NODES) return null;
        try {
            return Simplifier.simplify(e).result();
        } catch (RuntimeException | StackOverflowError x) {
            return null;
        }
    }
}
