package deriv.diff;

import deriv.expr.Expr;
import java.util.List;
import java.util.Objects;

/**
 * One step of a derivation: the rule applied (its textbook name, e.g. {@code ChainRule},
 * {@code CollectLikeTerms}), the expression before and after, and the steps that justify it.
 *
 * @param rule     rule name, shared by code, records and rendering ({@link Rules#describe} gives the words)
 * @param before   the expression the rule was applied to (for differentiation, a {@link Expr.Diff})
 * @param after    the result
 * @param substeps steps taken inside this one, in order
 * @param let      a name the step introduces for an inner expression ("let u = W1*x + b1"), or null
 * @param note     a short remark for the reader, or null
 */
public record Step(String rule, Expr before, Expr after, List<Step> substeps, Let let, String note) {
    public Step {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
        substeps = List.copyOf(substeps);
    }

    public Step(String rule, Expr before, Expr after) { this(rule, before, after, List.of(), null, null); }

    public Step(String rule, Expr before, Expr after, List<Step> substeps) { this(rule, before, after, substeps, null, null); }

    /** An inner expression given a name: {@code let u = W1*x + b1}. */
    public record Let(String name, Expr value) {}

    /** Number of steps in this tree, this one included. */
    public int count() {
        int n = 1;
        for (Step s : substeps) n += s.count();
        return n;
    }
}
