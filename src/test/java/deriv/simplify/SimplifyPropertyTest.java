package deriv.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.diff.Differentiator;
import deriv.diff.Step;
import deriv.eval.Evaluator;
import deriv.eval.Sampler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Simplification never changes a value: thousands of seeded random expressions (and raw
 * derivatives of them) are compared before and after at random points, away from kinks and
 * piecewise boundaries, where both sides are finite (a rewrite may widen the domain, as
 * x/x = 1 does, but never change a value where the input has one).
 */
class SimplifyPropertyTest {
    static final double TOLERANCE = 1e-7;

    private final List<String> failures = new ArrayList<>();
    private int points;

    @Test
    void randomExpressionsKeepTheirValues() {
        Generator g = new Generator(20260417L);
        for (int i = 0; i < 2000; i++) {
            Expr e = g.next(4);
            Simplifier.Simplified s = Simplifier.simplify(e);
            compare(e, s.result(), 1000L + i);
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(points > 3000, "too few points compared: " + points);
    }

    @Test
    void rawDerivativesKeepTheirValues() {
        Generator g = new Generator(7L);
        Differentiator dx = new Differentiator();
        for (int i = 0; i < 1200; i++) {
            Expr e = g.next(3);
            Expr raw = dx.differentiate(e, "x").after();
            Simplifier.Simplified s = Simplifier.simplify(raw);
            compare(raw, s.result(), 5000L + i);
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(points > 2000, "too few points compared: " + points);
    }

    /** Every recorded step, not only the end: each whole-expression step keeps the value, and the steps chain. */
    @Test
    void everyStepKeepsTheValue() {
        Generator g = new Generator(99L);
        for (int i = 0; i < 300; i++) {
            Expr e = g.next(4);
            Simplifier.Simplified s = Simplifier.simplify(e);
            Expr prev = e;
            for (Step st : s.steps()) {
                assertEquals(prev, st.before(), "steps must chain");
                compare(st.before(), st.after(), 9000L + i);
                prev = st.after();
            }
            assertEquals(prev, s.result());
        }
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.subList(0, Math.min(5, failures.size())));
    }

    private void compare(Expr before, Expr after, long seed) {
        Sampler sampler = new Sampler(List.of(before, after), Definitions.EMPTY, Generator.vars(), seed, 1e-2);
        for (int k = 0; k < 3; k++) {
            Map<String, Double> p = sampler.next(30);
            if (p == null) return;
            double a = Evaluator.eval(before, p), b = Evaluator.eval(after, p);
            if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
            points++;
            if (Math.abs(a - b) > TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                failures.add(Printer.print(before) + "  ->  " + Printer.print(after) + "  at " + p + ": " + a + " vs " + b);
                return;
            }
        }
    }
}
