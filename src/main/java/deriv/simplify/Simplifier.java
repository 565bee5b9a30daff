package deriv.simplify;

import deriv.diff.Derivation;
import deriv.diff.Step;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Step-by-step simplification toward the forms a teacher writes: {@code 3*x^2 - 4},
 * {@code sigmoid(x)*(1 - sigmoid(x))}, {@code W2*(1 - tanh(W1*x + b1)^2)}, {@code 2*x*(m*x + c - y)}.
 *
 * <p>Each rewrite is a named, one-directional rule applied at a node (see {@link Engine} for the
 * list). The record of the work is two levels deep: each step of {@link Simplified#steps()} is one
 * sweep of one rule over the whole expression ({@code before} and {@code after} are whole
 * expressions, and each step's {@code before} is the previous step's {@code after}); its sub-steps
 * are the nodes that rule rewrote, each with the node before and after. A reshaping rule that
 * simplified a trial form (ExpandAndCollect, CombineFractions) carries that nested work as deeper
 * sub-steps.
 *
 * <p>Rewrites never change a value where the input is defined; some widen the domain the way a
 * teacher does ({@code x/x = 1}, {@code sqrt(x)^2 = x}), while {@code sqrt(x^2)} is {@code |x|}.
 * Output is deterministic: the order of terms and factors is a total order on expressions and
 * the variables' order of first appearance, never a hash order.
 */
public final class Simplifier {
    private Simplifier() {}

    /**
     * Limits that make every simplification end.
     *
     * @param maxRewrites   rewrites of single nodes, trials included
     * @param maxRounds     rounds of sweeps over the local rules
     * @param maxNodes      the expression may not grow past this many nodes
     * @param maxTrialDepth nesting of trial simplifications (expand-and-collect inside common-denominator ...)
     */
    public record Budget(long maxRewrites, int maxRounds, int maxNodes, int maxTrialDepth) {
        /** Generous limits scaled to the input: ordinary inputs never reach them. */
        public static Budget forInput(Expr e) {
            int n = Terms.size(e, 1 << 24);
            return new Budget(200_000L + 50L * n, 200, Math.max(10_000, 4 * n), 2);
        }
    }

    /**
     * The outcome: the input, the simplified result and the steps between them.
     *
     * @param exhausted whether the budget ran out before a fixpoint (the result is still equal to the input)
     */
    public record Simplified(Expr input, Expr result, List<Step> steps, boolean exhausted) {
        public Simplified { steps = List.copyOf(steps); }

        /** One step named {@code Simplify} from the input to the result, whose sub-steps are the rewrites. */
        public Step asStep() {
            return new Step("Simplify", input, result, steps, null, exhausted ? "stopped at the work budget" : null);
        }
    }

    /** Simplifies {@code e}; terms are ordered by the variables' first appearance in {@code e}. */
    public static Simplified simplify(Expr e) {
        return simplify(e, Exprs.freeVars(e));
    }

    /** Simplifies {@code e}, ordering terms by {@code variableOrder} (variables not listed come after, by name). */
    public static Simplified simplify(Expr e, List<String> variableOrder) {
        return simplify(e, variableOrder, Budget.forInput(e));
    }

    public static Simplified simplify(Expr e, List<String> variableOrder, Budget budget) {
        Engine engine = new Engine(new Order(variableOrder), budget);
        Expr result = engine.run(e);
        return new Simplified(e, result, engine.steps(), engine.exhausted());
    }

    /**
     * The derivation followed by one step named {@code Simplify} (from its result to the simplified
     * result, with the rewrites as sub-steps), so that the steps show differentiation, then
     * simplification. Variables are ordered as they first appear in the problem. When nothing
     * simplifies, the derivation is returned as it is.
     */
    public static Derivation simplify(Derivation d) {
        Set<String> vars = new LinkedHashSet<>(Exprs.freeVars(d.problem()));
        vars.addAll(Exprs.freeVars(d.result()));
        Simplified s = simplify(d.result(), new ArrayList<>(vars));
        if (s.steps().isEmpty()) return d;
        return d.then(s.asStep());
    }
}
