package deriv.diff;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.*;

import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Fn;
import deriv.expr.Printer;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every built-in's derivative (in each argument, directly and through the chain rule) against
 * central differences at random points away from its kinks; the conventions at the kinks.
 */
class BuiltinDerivativesTest {

    /** Arguments that vary with x and y in different ways; the i-th argument of a call takes the i-th. */
    private static final List<Expr> INNER = List.of(
        Parsing.expr("0.7*x - 0.4*y + 0.1"),
        Parsing.expr("0.5*y + 0.3*x^2 - 0.2"));

    @TestFactory
    Stream<DynamicTest> everyBuiltinInEveryArgument() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fn fn : Fn.TABLE) {
            for (int arity = fn.minArgs(); arity <= fn.maxArgs(); arity++) {
                // direct: f(x) or f(x, y), and composed: f(g(x, y), h(x, y))
                List<Expr> direct = new ArrayList<>(), composed = new ArrayList<>();
                for (int i = 0; i < arity; i++) {
                    direct.add(var(i == 0 ? "x" : "y"));
                    composed.add(INNER.get(i));
                }
                for (List<Expr> args : List.of(direct, composed)) {
                    Expr f = new Call(fn.name(), args);
                    for (String v : List.of("x", "y")) {
                        tests.add(DynamicTest.dynamicTest("d/d" + v + " " + Printer.print(f), () -> {
                            Step s = new Differentiator().differentiate(f, v);
                            Numeric.assertDerivative(f, s.after(), Definitions.EMPTY, v, f.hashCode() * 31L + v.hashCode(), 40);
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    @Test
    void eachBuiltinNamesItsOwnRuleWhenAppliedToTheVariable() {
        for (Fn fn : Fn.TABLE) {
            List<Expr> args = new ArrayList<>();
            args.add(var("x"));
            for (int i = 1; i < fn.minArgs(); i++) args.add(var("y"));
            Step s = new Differentiator().differentiate(new Call(fn.name(), args), "x");
            assertEquals(fn.rule(), s.rule(), fn.name());
            assertTrue(s.rule().endsWith("Rule"), s.rule());
        }
    }

    @Test
    void theChainRuleWrapsEveryBuiltinTheSameWay() {
        for (Fn fn : Fn.TABLE) {
            List<Expr> args = new ArrayList<>();
            args.add(Parsing.expr("3*x + 1"));
            for (int i = 1; i < fn.minArgs(); i++) args.add(var("y"));
            Step s = new Differentiator().differentiate(new Call(fn.name(), args), "x");
            assertEquals("ChainRule", s.rule(), fn.name());
            assertEquals("3*x + 1", Printer.print(s.let().value()), fn.name());
            Step outer = s.substeps().getFirst();
            assertEquals(fn.rule(), outer.rule(), fn.name());
            assertEquals(new Diff(new Call(fn.name(), replaceFirst(args, var(s.let().name()))), s.let().name()), outer.before());
        }
    }

    private static List<Expr> replaceFirst(List<Expr> args, Expr with) {
        List<Expr> out = new ArrayList<>(args);
        out.set(0, with);
        return out;
    }

    // ------------------------------------------------------------------------ kink conventions

    private static double derivativeAt(String expr, String var, Map<String, Double> at) {
        Expr d = new Differentiator().differentiate(Parsing.expr(expr), var).after();
        return Evaluator.eval(d, at);
    }

    @Test
    void reluHasSlopeZeroAtZero() {
        assertEquals(0.0, derivativeAt("relu(x)", "x", Map.of("x", 0.0)));
        assertEquals(1.0, derivativeAt("relu(x)", "x", Map.of("x", 1e-12)));
        assertEquals(0.0, derivativeAt("relu(x)", "x", Map.of("x", -1e-12)));
        // through the chain rule too: relu(2x - 2) at x = 1
        assertEquals(0.0, derivativeAt("relu(2*x - 2)", "x", Map.of("x", 1.0)));
    }

    @Test
    void leakyReluHasSlopeAlphaAtZero() {
        assertEquals(0.01, derivativeAt("LeakyReLU(x)", "x", Map.of("x", 0.0)));
        assertEquals(0.2, derivativeAt("LeakyReLU(x, 0.2)", "x", Map.of("x", 0.0)));
        assertEquals(0.3, derivativeAt("LeakyReLU(x, a)", "x", Map.of("x", 0.0, "a", 0.3)));
        assertEquals(1.0, derivativeAt("LeakyReLU(x, a)", "x", Map.of("x", 0.5, "a", 0.3)));
        // d/da LeakyReLU(x, a) = x for x <= 0
        assertEquals(-2.0, derivativeAt("LeakyReLU(x, a)", "a", Map.of("x", -2.0, "a", 0.3)));
        assertEquals(0.0, derivativeAt("LeakyReLU(x, a)", "a", Map.of("x", 2.0, "a", 0.3)));
    }

    @Test
    void absHasSlopeZeroAtZeroAndSignHasSlopeZeroEverywhere() {
        assertEquals(0.0, derivativeAt("abs(x)", "x", Map.of("x", 0.0)));
        assertEquals(-1.0, derivativeAt("abs(x)", "x", Map.of("x", -3.0)));
        assertEquals(1.0, derivativeAt("abs(x)", "x", Map.of("x", 3.0)));
        for (double x : new double[] {-2, 0, 2}) assertEquals(0.0, derivativeAt("sign(x)", "x", Map.of("x", x)));
        assertEquals("0", Printer.print(new Differentiator().differentiate(Parsing.expr("sign(x^3 - x)"), "x").after()));
    }

    @Test
    void minAndMaxSplitTheGradientAtATie() {
        Map<String, Double> tie = Map.of("x", 1.5, "y", 1.5);
        assertEquals(0.5, derivativeAt("min(x, y)", "x", tie));
        assertEquals(0.5, derivativeAt("min(x, y)", "y", tie));
        assertEquals(0.5, derivativeAt("max(x, y)", "x", tie));
        assertEquals(0.5, derivativeAt("max(x, y)", "y", tie));
        assertEquals(1.0, derivativeAt("min(x, y)", "x", Map.of("x", 1.0, "y", 2.0)));
        assertEquals(0.0, derivativeAt("max(x, y)", "x", Map.of("x", 1.0, "y", 2.0)));
        // d/dx max(x, x) = 1/2 + 1/2 = 1, as the function is x
        assertEquals(1.0, derivativeAt("max(x, x)", "x", Map.of("x", 0.7)));
    }

    // ------------------------------------------------------------------- the reference itself

    @Test
    void theNumericReferenceCatchesAWrongDerivative() {
        Expr f = Parsing.expr("sin(x)*y");
        Numeric.Tally t = Numeric.check(f, Parsing.expr("cos(x)"), Definitions.EMPTY, "x", 1, 20);
        assertFalse(t.mismatches().isEmpty(), "a wrong derivative went unnoticed");
        Numeric.Tally off = Numeric.check(f, Parsing.expr("cos(x)*y*(1 + 1e-3)"), Definitions.EMPTY, "x", 1, 20);
        assertFalse(off.mismatches().isEmpty(), "a derivative off by 0.1% went unnoticed");
        Numeric.Tally right = Numeric.check(f, Parsing.expr("cos(x)*y"), Definitions.EMPTY, "x", 1, 20);
        assertEquals(20, right.agreed());
    }
}
