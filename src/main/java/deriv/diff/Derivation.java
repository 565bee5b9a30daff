package deriv.diff;

import deriv.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A problem and the steps that solve it, in order: each step's {@code before} is the previous
 * step's {@code after} (the first step's is the problem). The result is the last step's
 * {@code after}; it is never computed apart from the steps.
 */
public record Derivation(Expr problem, List<Step> steps) {
    public Derivation { steps = List.copyOf(steps); }

    public static Derivation of(Expr problem) { return new Derivation(problem, List.of()); }

    public Expr result() { return steps.isEmpty() ? problem : steps.getLast().after(); }

    /** This derivation followed by one more step from its result. */
    public Derivation then(Step step) {
        List<Step> all = new ArrayList<>(steps);
        all.add(step);
        return new Derivation(problem, all);
    }

    public Derivation thenAll(List<Step> more) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(more);
        return new Derivation(problem, all);
    }
}
