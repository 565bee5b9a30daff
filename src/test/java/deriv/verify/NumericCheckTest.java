package deriv.verify;

import static org.junit.jupiter.api.Assertions.*;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.parse.Parsing;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The numeric means: the 60-digit referee, the retry against rounding, domains and kinks. */
class NumericCheckTest {

    static Side side(String text) { return new Side(text, Parsing.expr(text), Definitions.EMPTY); }

    @Test void preciseEvaluatorAgreesWithDoublesAtRandomPoints() {
        Random r = new Random(7);
        String[] fns = {"sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "ln",
                        "sqrt", "abs", "sign", "sigmoid", "relu", "LeakyReLU", "softplus"};
        for (String fn : fns) {
            Expr e = Parsing.expr(fn + "(x)");
            for (int i = 0; i < 40; i++) {
                double x = (r.nextDouble() * 2 - 1) * (i % 2 == 0 ? 0.99 : 30);
                Map<String, Double> p = Map.of("x", x);
                double want = deriv.eval.Evaluator.eval(e, p);
                if (!Double.isFinite(want)) continue;
                double got = PreciseEvaluator.eval(e, Definitions.EMPTY, p).doubleValue();
                assertEquals(want, got, 4e-15 * Math.max(1, Math.abs(want)), fn + "(" + x + ")");
            }
        }
        // powers: integer, rational, odd roots of negatives, real exponents
        for (String s : new String[] {"x^3", "x^-2", "x^(1/3)", "x^(2/3)", "x^1.5", "2^x", "x^x", "e^x", "pi*x"}) {
            Expr e = Parsing.expr(s);
            for (double x : new double[] {-2.5, -0.3, 0.7, 3.1}) {
                double want = deriv.eval.Evaluator.eval(e, Map.of("x", x));
                if (!Double.isFinite(want)) continue;
                assertEquals(want, PreciseEvaluator.eval(e, Definitions.EMPTY, Map.of("x", x)).doubleValue(),
                    1e-14 * Math.max(1, Math.abs(want)), s + " at " + x);
            }
        }
    }

    @Test void preciseEvaluatorReportsDomainErrors() {
        for (String s : new String[] {"ln(x - 2)", "sqrt(x - 2)", "asin(x + 1)", "1/(x - 1)", "(x - 2)^0.5"}) {
            assertThrows(PreciseEvaluator.Undefined.class,
                () -> PreciseEvaluator.eval(Parsing.expr(s), Definitions.EMPTY, Map.of("x", 1.0)), s);
        }
    }

    @Test void preciseEvaluatorHasManyDigits() {
        // (1 + 1e-20) - 1 is lost in doubles and kept here
        BigDecimal v = PreciseEvaluator.eval(Parsing.expr("(x + 10^-20) - x"), Definitions.EMPTY, Map.of("x", 1.0));
        assertEquals(1e-20, v.doubleValue(), 1e-33);
        BigDecimal e = PreciseEvaluator.exp(BigDecimal.ONE);
        assertTrue(e.toPlainString().startsWith("2.71828182845904523536028747135266249775724709369995"), e.toPlainString());
        BigDecimal pi4 = PreciseEvaluator.atan(BigDecimal.ONE).multiply(BigDecimal.valueOf(4));
        assertTrue(pi4.toPlainString().startsWith("3.14159265358979323846264338327950288419716939937510"), pi4.toPlainString());
    }

    @Test void roundingIsRetriedAwayNotReported() {
        // catastrophic cancellation: (x + 1e8)^2 - 1e16 - 2e8 x equals x^2, but not in double precision
        Side a = side("(x + 100000000)^2 - 10000000000000000 - 200000000*x"), b = side("x^2");
        NumericCheck.Result r = NumericCheck.compare(a, b);
        assertTrue(r.agree(), () -> "counterexample " + r.counterexample());
        assertTrue(r.rescued() > 0, "double precision disagreed, the referee settled it");
    }

    @Test void realDifferencesSurviveTheReferee() {
        NumericCheck.Result r = NumericCheck.compare(side("x^2"), side("x^2 + 1/1000000"));
        assertFalse(r.agree());
        assertNotNull(r.counterexample());
    }

    @Test void undefinedPointsAreSkippedAndCounted() {
        NumericCheck.Result r = NumericCheck.compare(side("x/x"), side("sqrt(x)^2/x"));
        assertTrue(r.agree());
        assertTrue(r.undefinedClaimed() > 0, "x < 0 is outside sqrt's domain");
        assertEquals(0, r.undefinedExpected());
        assertEquals(Tolerance.POINTS, r.compared());
    }

    @Test void kinksAreRedrawn() {
        // sign(x) and x/|x| agree except at 0: points near 0 are avoided, not compared
        NumericCheck.Result r = NumericCheck.compare(side("sign(x)"), side("x/abs(x)"));
        assertTrue(r.agree());
        NumericCheck.Result s = NumericCheck.compare(side("relu(x - y)"), side("if(x > y, x - y, 0)"));
        assertTrue(s.agree());
    }

    @Test void firstPointsAreReadable() {
        NumericCheck.Result r = NumericCheck.compare(side("x*y"), side("x + y"));
        Counterexample c = r.counterexample();
        for (double v : c.point().values()) assertEquals(v, Math.round(v * 100) / 100.0, 0.0, "two decimals");
    }

    @Test void toleranceIsRelativeAboveOneAbsoluteBelow() {
        assertTrue(Tolerance.close(1e12, 1e12 + 1, 1e-8));
        assertFalse(Tolerance.close(1e12, 1e12 + 1e5, 1e-8));
        assertTrue(Tolerance.close(1e-12, 2e-12, 1e-8));
        assertFalse(Tolerance.close(0, 1e-7, 1e-8));
    }
}
