package deriv.codegen;

import static deriv.expr.Expr.*;

import deriv.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard workloads for tests and benchmarks, named as in {@code BASELINES.md}.
 */
public final class Workloads {
    private Workloads() {}

    /**
     * A scalarised multi-layer perceptron with a squared-error loss.
     *
     * @param loss   {@code (out - y)^2}
     * @param inputs the data variables {@code x1..xn, y}
     * @param params the weights and biases, layer by layer ({@code W1_j_i}, {@code b1_j}, ...)
     */
    public record Mlp(Expr loss, List<String> inputs, List<String> params, int nIn, int hidden1, int hidden2) {}

    /**
     * W2: 4 inputs -> 8 sigmoid units -> 8 tanh units -> 1 linear output, loss {@code (out - y)^2};
     * 121 parameters.
     */
    public static Mlp mlpLoss() { return mlp(4, 8, 8); }

    /**
     * {@code a1_j = sigmoid(sum_i W1_j_i x_i + b1_j)}, {@code a2_k = tanh(sum_j W2_k_j a1_j + b2_k)},
     * {@code out = sum_k w3_k a2_k + b3}; the sums are written left to right.
     */
    public static Mlp mlp(int nIn, int h1, int h2) {
        List<String> inputs = new ArrayList<>(), params = new ArrayList<>();
        List<Expr> x = new ArrayList<>();
        for (int i = 1; i <= nIn; i++) { inputs.add("x" + i); x.add(var("x" + i)); }
        inputs.add("y");
        List<Expr> a1 = layer(x, h1, "W1", "b1", "sigmoid", params);
        List<Expr> a2 = layer(a1, h2, "W2", "b2", "tanh", params);
        List<Expr> terms = new ArrayList<>();
        for (int k = 1; k <= h2; k++) {
            params.add("w3_" + k);
            terms.add(mul(var("w3_" + k), a2.get(k - 1)));
        }
        params.add("b3");
        terms.add(var("b3"));
        Expr out = add(terms);
        Expr loss = pow(sub(out, var("y")), 2);
        return new Mlp(loss, List.copyOf(inputs), List.copyOf(params), nIn, h1, h2);
    }

    private static List<Expr> layer(List<Expr> in, int width, String w, String b, String fn, List<String> params) {
        List<Expr> out = new ArrayList<>();
        for (int j = 1; j <= width; j++) {
            List<Expr> terms = new ArrayList<>();
            for (int i = 1; i <= in.size(); i++) {
                String name = w + "_" + j + "_" + i;
                params.add(name);
                terms.add(mul(var(name), in.get(i - 1)));
            }
            params.add(b + "_" + j);
            terms.add(var(b + "_" + j));
            out.add(call(fn, add(terms)));
        }
        return out;
    }
}
