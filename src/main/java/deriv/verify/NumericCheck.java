package deriv.verify;

import deriv.eval.Evaluator;
import deriv.eval.Sampler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Exprs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Compares two sides at random points, domain-aware: a point where either side is undefined (a
 * logarithm of a negative, a division by zero) is skipped and counted, a point near a kink of
 * either side is redrawn. One or two points in every region between kinks come first (so that a
 * claim wrong only in a narrow region is caught), then random points: two decimals at first
 * (readable counterexamples), then full doubles at several scales. See {@link Tolerance} for the test and the retry
 * against rounding. Deterministic: the same sides give the same points.
 */
public final class NumericCheck {
    private NumericCheck() {}

    private static final long SEED = 0x5EED_2026L;
    /** Points compared after a counterexample is found (values for the hints). */
    private static final int AFTER_COUNTEREXAMPLE = 24;

    /**
     * What the comparison saw.
     *
     * @param compared          points where both sides were defined
     * @param undefinedExpected points skipped because only the reference side was undefined
     * @param undefinedClaimed  points skipped because only the side under test was undefined
     * @param undefinedBoth     points skipped because both sides were undefined
     * @param nearKink          points redrawn because they were near a kink
     * @param rescued           double-precision disagreements that 60-digit evaluation showed to be rounding
     * @param counterexample    the first real disagreement, or null
     * @param points            the compared points, with the values of both sides there
     */
    public record Result(int compared, int undefinedExpected, int undefinedClaimed, int undefinedBoth, int nearKink,
                         int rescued, Counterexample counterexample, List<Map<String, Double>> points,
                         double[] expected, double[] claimed) {
        /** Equal at every compared point (and at least one point compared). */
        public boolean agree() { return counterexample == null && compared > 0; }
        public int skipped() { return undefinedExpected + undefinedClaimed + undefinedBoth; }
    }

    public static Result compare(Side expected, Side claimed) {
        List<String> vars = new ArrayList<>(expected.variables());
        for (String v : claimed.variables()) if (!vars.contains(v)) vars.add(v);
        List<Kink> kinks = new ArrayList<>();
        kinks(expected, kinks);
        kinks(claimed, kinks);
        Random random = new Random(SEED);
        kinks = withoutDegenerate(kinks, vars);
        List<Map<String, Double>> points = new ArrayList<>();
        List<Double> ev = new ArrayList<>(), cv = new ArrayList<>();
        int undefE = 0, undefC = 0, undefBoth = 0, nearKink = 0, rescued = 0;
        Counterexample counter = null;
        int sinceCounter = 0;
        // every region between kinks first (a wrong claim may differ in a narrow one only), then random points
        List<Map<String, Double>> regions = kinks.isEmpty() || vars.isEmpty() ? List.of() : regions(vars, kinks);
        int target = Tolerance.POINTS + regions.size();
        int next = 0;
        for (int draw = 0; draw < Tolerance.DRAWS && points.size() < target; ) {
            if (counter != null && sinceCounter >= AFTER_COUNTEREXAMPLE) break;
            Map<String, Double> p;
            if (next < regions.size()) {
                p = regions.get(next++);
            } else {
                p = draw(vars, random, points.size(), draw++);
                if (nearKink(kinks, p)) { nearKink++; continue; }
            }
            double a = value(expected, p), b = value(claimed, p);
            boolean fa = Double.isFinite(a), fb = Double.isFinite(b);
            if (!fa || !fb) {
                if (!fa && !fb) undefBoth++; else if (!fa) undefE++; else undefC++;
                if (vars.isEmpty()) break;
                continue;
            }
            if (!Tolerance.close(a, b, Tolerance.RELATIVE) && counter == null) {
                // a disagreement in double precision: the referee decides between rounding and a real difference
                try {
                    BigDecimal pa = PreciseEvaluator.eval(expected.value(), expected.defs(), p);
                    BigDecimal pb = PreciseEvaluator.eval(claimed.value(), claimed.defs(), p);
                    if (preciseClose(pa, pb)) {
                        rescued++;
                    } else {
                        counter = new Counterexample(p, pa.doubleValue(), pb.doubleValue());
                    }
                } catch (PreciseEvaluator.Undefined u) {
                    undefBoth++;
                    continue;
                } catch (PreciseEvaluator.Unsupported | ArithmeticException x) {
                    counter = new Counterexample(p, a, b);
                }
            }
            if (counter != null) sinceCounter++;
            points.add(p);
            ev.add(a);
            cv.add(b);
            if (vars.isEmpty()) break;
        }
        return new Result(points.size(), undefE, undefC, undefBoth, nearKink, rescued, counter, points,
            toArray(ev), toArray(cv));
    }

    private static boolean preciseClose(BigDecimal a, BigDecimal b) {
        BigDecimal scale = BigDecimal.ONE.max(a.abs()).max(b.abs());
        BigDecimal diff = a.subtract(b).abs();
        return diff.compareTo(scale.multiply(BigDecimal.valueOf(Tolerance.RELATIVE))) <= 0;
    }

    /** The double value of a side at a point, NaN where it is undefined or cannot be evaluated. */
    static double value(Side s, Map<String, Double> p) {
        try {
            return Evaluator.eval(s.value(), s.defs(), p);
        } catch (ArithmeticException | IllegalStateException | Evaluator.UnboundVariable e) {
            return Double.NaN;
        }
    }

    /** Values of an expression (under a side's definitions) at the points; NaN where undefined. */
    static double[] values(Expr e, Definitions defs, List<Map<String, Double>> points) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Evaluator.eval(e, defs, points.get(i));
            } catch (ArithmeticException | IllegalStateException | Evaluator.UnboundVariable x) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static Map<String, Double> draw(List<String> vars, Random random, int accepted, int draw) {
        Map<String, Double> p = new LinkedHashMap<>();
        if (accepted < Tolerance.POINTS / 3 && draw < Tolerance.DRAWS / 8) {
            // readable points first: two decimals, mostly in [-2, 2], sometimes in [-6, 6]
            double scale = draw % 4 == 3 ? 6 : 2;
            for (String v : vars) p.put(v, Math.round((random.nextDouble() * 2 - 1) * scale * 100) / 100.0);
        } else {
            double scale = switch (draw % 5) { case 0 -> 1; case 1 -> 2; case 2 -> 4; case 3 -> 0.5; default -> 8; };
            for (String v : vars) p.put(v, (random.nextDouble() * 2 - 1) * scale);
        }
        return p;
    }

    /** Regions visited at most (distinct sign patterns of the kink expressions). */
    private static final int MAX_REGIONS = 24;
    /** Candidate points drawn to find the regions. */
    private static final int REGION_DRAWS = 1500;

    /**
     * Points in each region the kinks cut the space into (each distinct pattern of signs of the
     * kink expressions among many cheap candidate draws), two per region, interleaved: a
     * narrow region (a condition 3 < x^3 < 5) is visited even when random points would miss it.
     */
    private static List<Map<String, Double>> regions(List<String> vars, List<Kink> kinks) {
        Random random = new Random(SEED ^ 0x9E3779B97F4A7C15L);
        Map<String, List<Map<String, Double>>> byPattern = new LinkedHashMap<>();
        for (int i = 0; i < REGION_DRAWS; i++) {
            Map<String, Double> p = draw(vars, random, i < REGION_DRAWS / 3 ? 0 : Tolerance.POINTS, i);
            StringBuilder pattern = new StringBuilder();
            boolean ok = true;
            for (Kink k : kinks) {
                double v;
                try {
                    v = Evaluator.eval(k.expr(), k.defs(), p);
                } catch (ArithmeticException | IllegalStateException | Evaluator.UnboundVariable e) {
                    ok = false;
                    break;
                }
                if (!Double.isFinite(v) || Math.abs(v) < Tolerance.KINK_MARGIN) { ok = false; break; }
                pattern.append(v > 0 ? '+' : '-');
            }
            if (!ok) continue;
            List<Map<String, Double>> in = byPattern.get(pattern.toString());
            if (in == null) {
                if (byPattern.size() >= MAX_REGIONS) continue;
                byPattern.put(pattern.toString(), in = new ArrayList<>());
            }
            if (in.size() < 2) in.add(p);
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (List<Map<String, Double>> in : byPattern.values()) if (round < in.size()) out.add(in.get(round));
        }
        return out;
    }

    /**
     * The kinks without those that are zero everywhere ({@code relu(y - y)}): no point can keep away
     * from them, and the value there is simply the function's convention.
     */
    private static List<Kink> withoutDegenerate(List<Kink> kinks, List<String> vars) {
        if (kinks.isEmpty()) return kinks;
        Random random = new Random(SEED + 1);
        List<Map<String, Double>> probe = new ArrayList<>();
        for (int i = 0; i < 40; i++) probe.add(draw(vars, random, Tolerance.POINTS, i));
        List<Kink> out = new ArrayList<>();
        for (Kink k : kinks) {
            int zero = 0, finite = 0;
            for (Map<String, Double> p : probe) {
                double v;
                try {
                    v = Evaluator.eval(k.expr(), k.defs(), p);
                } catch (ArithmeticException | IllegalStateException | Evaluator.UnboundVariable e) {
                    continue;
                }
                if (!Double.isFinite(v)) continue;
                finite++;
                if (Math.abs(v) < Tolerance.KINK_MARGIN) zero++;
            }
            if (finite == 0 || zero < finite) out.add(k);
        }
        return out;
    }

    private record Kink(Expr expr, Definitions defs) {}

    private static void kinks(Side s, List<Kink> out) {
        Definitions defs = s.defs();
        // the value's kinks and its intermediates' own (LeakyReLU(k) inside l := ...)
        List<Expr> found = Sampler.kinks(List.of(s.value()), defs);
        Set<Expr> unique = new LinkedHashSet<>(found);
        for (Expr k : unique) if (!Exprs.isConstant(k)) out.add(new Kink(k, defs));
    }

    private static boolean nearKink(List<Kink> kinks, Map<String, Double> p) {
        for (Kink k : kinks) {
            double v;
            try {
                v = Evaluator.eval(k.expr(), k.defs(), p);
            } catch (ArithmeticException | IllegalStateException | Evaluator.UnboundVariable e) {
                return true;
            }
            if (Double.isFinite(v) && Math.abs(v) < Tolerance.KINK_MARGIN) return true;
        }
        return false;
    }

    private static double[] toArray(List<Double> xs) {
        double[] out = new double[xs.size()];
        for (int i = 0; i < out.length; i++) out[i] = xs.get(i);
        return out;
    }
}
