package deriv.bench;

/**
 * A hand-written forward and backward pass of W2 (4 -> 8 sigmoid -> 8 tanh -> 1, squared error),
 * the way one writes backprop by hand: loops over weight arrays, activations kept for the
 * backward pass. A point uses the layout of {@code Workloads.mlpLoss()}'s parameters followed by
 * the inputs: {@code W1_j_1..W1_j_4, b1_j} for each j, {@code W2_k_1..W2_k_8, b2_k} for each k,
 * {@code w3_1..w3_8, b3}, then {@code x1..x4, y}. Not thread-safe (scratch arrays are fields).
 */
final class HandMlp {
    static final int IN = 4, H1 = 8, H2 = 8;
    static final int L1 = 0, L2 = H1 * (IN + 1), L3 = L2 + H2 * (H1 + 1), B3 = L3 + H2, X = B3 + 1, Y = X + IN;

    private final double[] a1 = new double[H1], a2 = new double[H2], d1 = new double[H1], d2 = new double[H2];

    private static double sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }

    private double forward(double[] p) {
        for (int j = 0; j < H1; j++) {
            int row = L1 + j * (IN + 1);
            double s = 0;
            for (int i = 0; i < IN; i++) s += p[row + i] * p[X + i];
            a1[j] = sigmoid(s + p[row + IN]);
        }
        for (int k = 0; k < H2; k++) {
            int row = L2 + k * (H1 + 1);
            double s = 0;
            for (int j = 0; j < H1; j++) s += p[row + j] * a1[j];
            a2[k] = Math.tanh(s + p[row + H1]);
        }
        double out = 0;
        for (int k = 0; k < H2; k++) out += p[L3 + k] * a2[k];
        return out + p[B3] - p[Y];
    }

    double loss(double[] p) {
        double r = forward(p);
        return r * r;
    }

    double lossAndGradient(double[] p, double[] g) {
        double r = forward(p);
        double dout = 2 * r;
        for (int k = 0; k < H2; k++) {
            g[L3 + k] = dout * a2[k];
            d2[k] = dout * p[L3 + k] * (1 - a2[k] * a2[k]);
        }
        g[B3] = dout;
        java.util.Arrays.fill(d1, 0);
        for (int k = 0; k < H2; k++) {
            int row = L2 + k * (H1 + 1);
            for (int j = 0; j < H1; j++) {
                g[row + j] = d2[k] * a1[j];
                d1[j] += d2[k] * p[row + j];
            }
            g[row + H1] = d2[k];
        }
        for (int j = 0; j < H1; j++) {
            int row = L1 + j * (IN + 1);
            double dz = d1[j] * a1[j] * (1 - a1[j]);
            for (int i = 0; i < IN; i++) g[row + i] = dz * p[X + i];
            g[row + IN] = dz;
        }
        return r * r;
    }
}
