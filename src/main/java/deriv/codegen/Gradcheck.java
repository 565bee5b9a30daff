package deriv.codegen;

import deriv.eval.Sampler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a compiled gradient with central differences of the compiled value, with the step and
 * tolerances of {@code torch.autograd.gradcheck}: {@code eps = 1e-6}, and a partial passes when
 * {@code |analytic - numeric| <= atol + rtol |numeric|} with {@code atol = 1e-5}, {@code rtol = 1e-3}.
 * Points are random, away from kinks and inside every function's domain ({@link Sampler}).
 */
public final class Gradcheck {
    private Gradcheck() {}

    public static final double EPS = 1e-6, ATOL = 1e-5, RTOL = 1e-3;

    /** The partial that came closest to failing (or failed worst). */
    public record Worst(String var, Map<String, Double> at, double analytic, double numeric) {
        public double difference() { return Math.abs(analytic - numeric); }
        public double allowed() { return ATOL + RTOL * Math.abs(numeric); }
        /** difference / allowed: a partial passes at most 1. */
        public double ratio() { return difference() / allowed(); }
    }

    /**
     * @param points   points compared
     * @param partials partials compared (points times wrt variables)
     * @param skipped  candidate points refused (near a kink, outside a domain, or not finite)
     */
    public record Result(boolean passed, int points, int partials, int skipped, Worst worst) {}

    /**
     * Checks {@code f} at up to {@code n} random points; fewer when acceptable points are hard to
     * find ({@code points} in the result says how many; none means nothing was compared).
     */
    public static Result run(GradProgram p, CompiledFunction f, Expr body, Definitions defs, int n, long seed) {
        Sampler sampler = new Sampler(List.of(body), defs, p.params(), seed, 1e-3);
        List<String> params = p.params();
        int[] wrtIndex = new int[p.wrt().size()];
        for (int k = 0; k < wrtIndex.length; k++) wrtIndex[k] = params.indexOf(p.wrt().get(k));
        double[] grad = new double[wrtIndex.length];
        Worst worst = null;
        int points = 0, skipped = 0;
        int budget = 100 * n + 1000;
        while (points < n && budget-- > 0) {
            Map<String, Double> at = sampler.next(1000);
            if (at == null) break;
            double[] x = new double[params.size()];
            for (int i = 0; i < x.length; i++) x[i] = at.get(params.get(i));
            double v = f.valueAndGradient(x, grad);
            double[] numeric = new double[wrtIndex.length];
            boolean finite = Double.isFinite(v);
            for (int k = 0; k < wrtIndex.length && finite; k++) {
                int i = wrtIndex[k];
                double[] up = x.clone(), down = x.clone();
                up[i] += EPS;
                down[i] -= EPS;
                numeric[k] = (f.value(up) - f.value(down)) / (2 * EPS);
                finite = Double.isFinite(numeric[k]) && Double.isFinite(grad[k]);
            }
            if (!finite) { skipped++; continue; }
            points++;
            for (int k = 0; k < wrtIndex.length; k++) {
                Worst w = new Worst(p.wrt().get(k), new LinkedHashMap<>(at), grad[k], numeric[k]);
                if (worst == null || w.ratio() > worst.ratio()) worst = w;
            }
        }
        skipped += sampler.rejected();
        boolean passed = points > 0 && (worst == null || worst.ratio() <= 1);
        return new Result(passed, points, points * wrtIndex.length, skipped, worst);
    }
}
