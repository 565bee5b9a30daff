package deriv.verify;

import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.simplify.Simplifier;
import java.util.IdentityHashMap;
import java.util.Map;

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
        if (size(e, new IdentityHashMap<>()) > MAX_NODES) return null;
        try {
            return Simplifier.simplify(e).result();
        } catch (RuntimeException | StackOverflowError x) {
            return null;
        }
    }

    /**
     * Tree size, capped just above {@link #MAX_NODES}; shared subtrees (expanded intermediates are
     * shared objects) are counted once per object, so a tree that is exponential as a tree but
     * small as a graph is sized without walking it.
     */
    private static int size(Expr e, Map<Expr, Integer> memo) {
        Integer known = memo.get(e);
        if (known != null) return known;
        long n = 1;
        for (Expr c : Exprs.children(e)) {
            n += size(c, memo);
            if (n > MAX_NODES) break;
        }
        int r = (int) Math.min(n, MAX_NODES + 1);
        memo.put(e, r);
        return r;
    }
}
