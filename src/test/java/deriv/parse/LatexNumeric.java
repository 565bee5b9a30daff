package deriv.parse;

import deriv.diff.Differentiator;
import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Numeric comparison of LaTeX derivation steps, standing in for the verify stage in these tests:
 * {@code diff(...)} nodes are worked out by the {@link Differentiator}, then both sides are
 * evaluated at seeded random points away from zero (the kink of |x|); points where a side is not
 * finite are skipped.
 */
final class LatexNumeric {
    private LatexNumeric() {}

    static final int POINTS = 24;

    /** True when the two expressions agree at every usable point (and there are some). */
    static boolean equal(Expr a, Expr b, Definitions defs, long seed) {
        Definitions resolved = Differentiator.resolveDefinitions(defs);
        Differentiator d = new Differentiator(resolved);
        Expr ra = d.resolve(a), rb = d.resolve(b);
        Set<String> names = new LinkedHashSet<>();
        names.addAll(variables(ra, resolved));
        names.addAll(variables(rb, resolved));
        Random random = new Random(seed);
        int used = 0;
        for (int i = 0; i < POINTS; i++) {
            Map<String, Double> at = new HashMap<>();
            for (String n : names) {
                double m = 0.2 + 1.8 * random.nextDouble();
                at.put(n, random.nextBoolean() ? m : -m);
            }
            double x = Evaluator.eval(ra, resolved, at), y = Evaluator.eval(rb, resolved, at);
            if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
            used++;
            if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) return false;
        }
        if (used < POINTS / 3) throw new AssertionError("too few points where both sides are defined: " + used);
        return true;
    }

    /** The numbers of the steps that are claimed equal to the step before and are not. */
    static List<Integer> wrongSteps(LatexDocument doc, long seed) {
        List<Integer> wrong = new ArrayList<>();
        List<LatexDocument.LatexStep> steps = doc.steps();
        for (int i = 1; i < steps.size(); i++) {
            LatexDocument.LatexStep s = steps.get(i);
            if (s.continuesChain() && !equal(steps.get(i - 1).expr(), s.expr(), doc.definitions(), seed)) wrong.add(s.number());
        }
        return wrong;
    }

    static double value(Expr e, Map<String, Double> at) {
        return Evaluator.eval(new Differentiator().resolve(e), at);
    }

    /** Free variables, those inside definitions included, without the defined names. */
    private static Set<String> variables(Expr e, Definitions defs) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : Exprs.freeVars(defs.expand(e))) if (!defs.defines(n)) out.add(n);
        return out;
    }
}
