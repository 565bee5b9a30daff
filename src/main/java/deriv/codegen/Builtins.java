package deriv.codegen;

import deriv.expr.Expr.Num;
import deriv.expr.Fn;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static helpers that compiled evaluators call for what {@link Math} has no method for. Each one
 * computes exactly what the built-in's entry in {@link Fn} computes, so compiled code, the DAG
 * interpreter and the tree-walking evaluator agree.
 */
public final class Builtins {
    private Builtins() {}

    // the same formula as Fn's sigmoid: stable for large |x|
    public static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double z = Math.exp(x);
        return z / (1 + z);
    }

    public static double softplus(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }

    public static double relu(double x) { return x > 0 ? x : 0.0; }

    public static double leakyRelu(double x, double a) { return x > 0 ? x : a * x; }

    public static double sec(double x) { return 1 / Math.cos(x); }

    public static double csc(double x) { return 1 / Math.sin(x); }

    public static double cot(double x) { return 1 / Math.tan(x); }

    private static final ConcurrentHashMap<String, Fn> FNS = new ConcurrentHashMap<>();

    /** Any built-in by canonical name: the slow path for a function without a helper of its own. */
    public static double apply(String fn, double[] args) { return FNS.computeIfAbsent(fn, Fn::of).apply(args); }

    /** {@code b^(p/q)} as the evaluator defines it: odd roots of negative numbers are real. */
    public static double powRational(double b, Num k) {
        if (k.isInteger() && k.num().bitLength() < 31) {
            int n = k.num().intValue();
            if (n == 2) return b * b;
            if (n == 1) return b;
            return Math.pow(b, n);
        }
        if (k.equals(Num.HALF)) return Math.sqrt(b);
        boolean oddRoot = k.den().testBit(0) && k.den().bitLength() < 31;
        return powOdd(b, k.toDouble(), oddRoot, k.num().testBit(0));
    }

    /**
     * {@code b^e} where {@code e = p/q}: with an odd {@code q} a negative base has a real root, negative
     * when {@code p} is odd.
     */
    public static double powOdd(double b, double e, boolean oddDen, boolean oddNum) {
        if (b < 0 && oddDen) {
            double r = Math.pow(-b, e);
            return oddNum ? -r : r;
        }
        return Math.pow(b, e);
    }
}
