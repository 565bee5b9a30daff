package deriv.eval;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import java.util.HashMap;
import java.util.Map;

/** Central finite differences: (f(x+h) - f(x-h)) / 2h with h scaled to the point. */
public final class FiniteDifference {
    private FiniteDifference() {}

    public static double derivative(Expr f, Definitions defs, Map<String, Double> at, String var, double h) {
        Map<String, Double> p = new HashMap<>(at);
        double x = at.get(var);
        double step = h * Math.max(1.0, Math.abs(x));
        p.put(var, x + step);
        double up = Evaluator.eval(f, defs, p);
        p.put(var, x - step);
        double down = Evaluator.eval(f, defs, p);
        return (up - down) / (2 * step);
    }

    public static double derivative(Expr f, Definitions defs, Map<String, Double> at, String var) {
        return derivative(f, defs, at, var, 1e-6);
    }

    /** |a - b| relative to the larger magnitude (absolute below 1). */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}
