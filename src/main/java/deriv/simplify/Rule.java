package deriv.simplify;

import deriv.expr.Expr;

/**
 * One named, one-directional rewrite applied at a node. The name is the one recorded in the
 * derivation's steps ({@code CollectLikeTerms}, {@code SigmoidIdentity}, ...).
 *
 * @param name    the rule's name, shared by code, steps and rendering
 * @param local   a local rule (run to a fixpoint in rounds) rather than a reshaping one (tried once the local rules are done)
 * @param kinds   the node kinds the rule rewrites ({@link #ADD} | {@link #MUL} ...)
 * @param rewrite the rewrite at one node: the new node, or null where the rule does not apply
 */
record Rule(String name, boolean local, int kinds, Rewrite rewrite) {

    // node kinds a rule looks at (a bit mask), so that a sweep does not call it elsewhere
    static final int ADD = 1, MUL = 2, POW = 4, CALL = 8, PIECEWISE = 16, DIFF = 32;

    @FunctionalInterface
    interface Rewrite {
        /** The rewritten node, or null (children are already simplified by this rule's sweep). */
        Expr at(Expr node, Engine engine);
    }

    Expr apply(Expr node, Engine engine) {
        return rewrite.at(node, engine);
    }
}
