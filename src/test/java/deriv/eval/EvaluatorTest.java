package deriv.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.expr.Expr;
import deriv.expr.Fn;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Values of every built-in and every node kind, against java.lang.Math and closed forms. */
class EvaluatorTest {
    private static final double[] POINTS = {-2.5, -1, -0.3, 0, 0.2, 0.5, 1, 1.7, 3};

    private static double v(String text, double... xy) {
        Map<String, Double> at = new HashMap<>();
        String[] names = {"x", "y", "z"};
        for (int i = 0; i < xy.length; i++) at.put(names[i], xy[i]);
        Parsed p = Parsing.program(text);
        return Evaluator.eval(p.program().body(), p.program().definitions(), at);
    }

    private static void same(double expected, double actual, String what) {
        if (Double.isNaN(expected)) assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
        else assertEquals(expected, actual, 1e-14 * Math.max(1, Math.abs(expected)), what);
    }

    private static final Map<String, DoubleUnaryOperator> REFERENCE = Map.ofEntries(
        Map.entry("sin", Math::sin), Map.entry("cos", Math::cos), Map.entry("tan", Math::tan),
        Map.entry("sec", x -> 1 / Math.cos(x)), Map.entry("csc", x -> 1 / Math.sin(x)), Map.entry("cot", x -> Math.cos(x) / Math.sin(x)),
        Map.entry("asin", Math::asin), Map.entry("acos", Math::acos), Map.entry("atan", Math::atan),
        Map.entry("sinh", Math::sinh), Map.entry("cosh", Math::cosh), Map.entry("tanh", Math::tanh),
        Map.entry("exp", Math::exp), Map.entry("ln", Math::log), Map.entry("log", Math::log), Map.entry("sqrt", Math::sqrt),
        Map.entry("abs", Math::abs), Map.entry("sign", Math::signum),
        Map.entry("sigmoid", x -> 1 / (1 + Math.exp(-x))), Map.entry("relu", x -> x > 0 ? x : 0),
        Map.entry("LeakyReLU", x -> x > 0 ? x : 0.01 * x), Map.entry("softplus", x -> Math.log(1 + Math.exp(x))));

    @Test
    void everyUnaryBuiltinAtSeveralPoints() {
        Set<String> covered = new HashSet<>();
        for (var entry : REFERENCE.entrySet()) {
            String name = entry.getKey();
            for (double x : POINTS) {
                if (name.equals("csc") || name.equals("cot")) { if (x == 0) continue; }
                same(entry.getValue().applyAsDouble(x), v(name + "(x)", x), name + "(" + x + ")");
            }
            covered.add(Fn.lookup(name).orElseThrow().name());
        }
        // every one-argument built-in of the table has a reference above
        for (Fn f : Fn.TABLE) if (f.minArgs() == 1) assertTrue(covered.contains(f.name()), f.name() + " has no reference");
    }

    @Test
    void twoArgumentBuiltins() {
        for (double x : POINTS) {
            for (double y : new double[] {-1, 0.25, 2}) {
                same(Math.min(x, y), v("min(x, y)", x, y), "min");
                same(Math.max(x, y), v("max(x, y)", x, y), "max");
                same(x > 0 ? x : y * x, v("LeakyReLU(x, y)", x, y), "LeakyReLU");
            }
        }
    }

    @Test
    void closedForms() {
        same(0.5, v("sigmoid(0)"), "sigmoid(0)");
        same(Math.log(2), v("softplus(0)"), "softplus(0)");
        same(1, v("sin(x)^2 + cos(x)^2", 0.7), "Pythagoras");
        same(Math.PI / 4, v("atan(1)"), "atan(1)");
        same(Math.PI / 6, v("asin(1/2)"), "asin(1/2)");
        same(1, v("cosh(x)^2 - sinh(x)^2", 1.3), "cosh^2 - sinh^2");
        same(3, v("ln(exp(3))"), "ln(exp(3))");
        same(2, v("sqrt(4)"), "sqrt(4)");
        same(-0.03, v("LeakyReLU(-3)"), "LeakyReLU(-3)");
        same(0, v("relu(-3)"), "relu(-3)");
        same(1, v("e^0 + cos(pi) + 1"), "e^0 + cos(pi) + 1");
        same(-2, v("(-8)^(1/3)"), "odd root of a negative");
        same(4, v("(-8)^(2/3)"), "(-8)^(2/3)");
        same(1024, v("2^10"), "2^10");
        same(0.1, v("1/10"), "1/10");
        // large intermediate values do not overflow a softplus or a sigmoid
        same(1000, v("softplus(1000)"), "softplus(1000)");
        same(0, v("sigmoid(-1000)"), "sigmoid(-1000)");
    }

    @Test
    void definitionsPiecewiseAndFunctions() {
        same(Math.tanh(2 * 0.5 + 1), v("m := 2*x + 1\ntanh(m)", 0.5), "intermediate");
        same(7, v("Linear(W, b, x) := W*x + b; Linear(2, 1, x)", 3), "function");
        same(-2, v("if(x > 0, x, -2)", -1), "piecewise otherwise");
        same(3, v("if(x > 0, x, -2)", 3), "piecewise branch");
        same(0, v("if(x < 0, -1, x > 0, 1, 0)", 0), "second branch");
        same(5, v("f(a) := a*y; f(x) + 0", 2.5, 2), "function using a global");
    }

    @Test
    void reluPropagatesNaN() {
        assertTrue(Double.isNaN(v("relu(ln(x))", -1)));
        assertEquals(0.0, v("relu(x)", -0.0));
    }

    @Test
    void unboundVariablesAreReported() {
        Evaluator.UnboundVariable u = assertThrows(Evaluator.UnboundVariable.class, () -> v("x + y", 1));
        assertEquals("y", u.name);
    }

    // ------------------------------------------------------------------ where a NaN or infinity arose

    private static Evaluator.Evaluation trace(String text, Map<String, Double> at) {
        Parsed p = Parsing.program(text);
        return Evaluator.evaluate(p.program().body(), p.program().definitions(), at);
    }

    private static String warning(String text, double x) {
        Evaluator.Evaluation r = trace(text, Map.of("x", x));
        assertEquals(v(text, x), r.value(), 0.0, "the traced value equals the plain one");
        return r.firstNonFinite().map(Evaluator.NonFinite::describe).orElse(null);
    }

    @Test
    void firstNonFiniteSubExpression() {
        assertEquals("ln(x) is NaN at x=-1 (log of a negative number)", warning("ln(x)", -1));
        assertEquals("ln(x) is -Infinity at x=0 (log of zero)", warning("ln(x) + 1", 0));
        assertEquals("ln(x - 2) is NaN at x=1 (log of a negative number)", warning("3*ln(x - 2)", 1));
        assertEquals("1/x is Infinity at x=0 (division by zero)", warning("x/x", 0));
        assertEquals("sqrt(x) is NaN at x=-4 (square root of a negative number)", warning("sqrt(x)", -4));
        assertEquals("(x^(1/3))^(1/2) is NaN at x=-0.5 (a negative number to a fractional power)",
            warning("(x^(1/3))^(1/2)*1", -0.5));
        assertEquals("x^y is NaN at x=-2, y=0.5 (a negative number to a fractional power)",
            trace("x^y", Map.of("x", -2.0, "y", 0.5)).firstNonFinite().orElseThrow().describe());
        assertEquals("exp(x) is Infinity at x=1000 (overflow)", warning("exp(x)", 1000));
        assertEquals("asin(x) is NaN at x=2 (asin of a number outside [-1, 1])", warning("asin(x)", 2));
        assertEquals("cot(x) is Infinity at x=0 (division by zero)", warning("cot(x)", 0));
        assertEquals("x*x is Infinity at x=1.0E200 (overflow)", warning("x*x", 1e200));
        assertEquals("ln(u) is NaN at u=-1 in the body of f (log of a negative number)", warning("f(u) := ln(u); f(x) + 1", -1));
        assertEquals("ln(x) is NaN at x=-1 (log of a negative number)", warning("m := ln(x); 2*m", -1));
        assertEquals("the number 1.000e+999 is Infinity (too large for double precision)", warning("1e999*x", 1));
    }

    @Test
    void aNonFiniteValueThatDisappearsIsStillReported() {
        assertEquals("ln(x) is NaN at x=-1 (log of a negative number)", warning("if(ln(x) > 0, 1, 2)", -1));
        assertEquals("exp(-x) is Infinity at x=-1000 (overflow)", warning("1/(1 + exp(-x))", -1000));
    }

    @Test
    void finiteEvaluationsReportNothing() {
        for (String text : List.of("ln(x)", "sqrt(x)*x", "if(x > 0, ln(x), 0)", "1/x", "relu(x)")) {
            assertFalse(trace(text, Map.of("x", 2.0)).firstNonFinite().isPresent(), text);
        }
        // the branch not taken is not evaluated
        assertFalse(trace("if(x > 0, ln(x), 0)", Map.of("x", -1.0)).firstNonFinite().isPresent());
    }

    @Test
    void expressionsBuiltInCodeEvaluateToo() {
        Expr e = Expr.add(Expr.mul(Expr.num(2), Expr.var("x")), Expr.call("LeakyReLU", Expr.var("x")));
        assertEquals(2 * -1 + -0.01, Evaluator.eval(e, Map.of("x", -1.0)), 1e-15);
    }
}
