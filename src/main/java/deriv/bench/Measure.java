package deriv.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Repeated timing with warm-up: median and spread of wall-clock times. */
public final class Measure {
    private Measure() {}

    /** Times of {@code runs} calls after {@code warmup} untimed ones, in seconds, sorted. */
    public static double[] times(int warmup, int runs, Runnable work) {
        for (int i = 0; i < warmup; i++) work.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t;
    }

    /** Runs warm-up calls until {@code minSeconds} have passed (at least one), then times {@code runs} calls. */
    public static double[] timesWarm(double minSeconds, int runs, Runnable work) {
        long end = System.nanoTime() + (long) (minSeconds * 1e9);
        do work.run(); while (System.nanoTime() < end);
        return times(0, runs, work);
    }

    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {"median": s, "min": s, "max": s, "runs": n}. */
    public static Map<String, Object> summary(double[] sorted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", median(sorted));
        m.put("min", sorted[0]);
        m.put("max", sorted[sorted.length - 1]);
        m.put("runs", sorted.length);
        return m;
    }

    static <T> T once(Supplier<T> s) { return s.get(); }

    static List<Double> list(double[] xs) {
        List<Double> out = new ArrayList<>();
        for (double x : xs) out.add(x);
        return out;
    }
}
