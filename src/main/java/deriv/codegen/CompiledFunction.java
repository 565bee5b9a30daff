package deriv.codegen;

/**
 * An evaluator of a function and its gradient. A point is a {@code double[]} in the order of the
 * program's parameters; a gradient a {@code double[]} in the order of its {@code wrt} list.
 * Implementations are stateless and safe to share between threads.
 */
public interface CompiledFunction {
    /** The function's value at {@code x}. */
    double value(double[] x);

    /** The value at {@code x}; the partials are written to {@code grad}. */
    double valueAndGradient(double[] x, double[] grad);

    /**
     * For each point {@code points[i]}: {@code values[i]} and, when {@code grads} is not null, the
     * partials into {@code grads[i]}.
     */
    void batch(double[][] points, double[] values, double[][] grads);
}
