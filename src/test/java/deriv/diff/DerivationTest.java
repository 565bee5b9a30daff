package deriv.diff;

import static org.junit.jupiter.api.Assertions.*;

import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derivation record: steps chain, the result is the last step's after, higher order and mixed partials. */
class DerivationTest {

    /** Each step starts where the previous one ended; the result is the end of the last. */
    static void assertChains(Derivation d) {
        assertFalse(d.steps().isEmpty());
        assertEquals(d.problem(), d.steps().getFirst().before());
        for (int i = 1; i < d.steps().size(); i++) {
            assertEquals(d.steps().get(i - 1).after(), d.steps().get(i).before(), "step " + i + " does not start where " + (i - 1) + " ended");
        }
        assertSame(d.steps().getLast().after(), d.result());
    }

    @Test
    void aFirstDerivativeIsOneStepFromTheProblem() {
        Expr f = Parsing.expr("sin(x^2)*exp(x)");
        Derivation d = Differentiator.derive(f, List.of("x"), Definitions.EMPTY);
        assertEquals(new Expr.Diff(f, "x"), d.problem());
        assertEquals(1, d.steps().size());
        assertChains(d);
        assertEquals("ProductRule", d.steps().getFirst().rule());
        Numeric.assertExpr("2*cos(x^2)*x*exp(x) + sin(x^2)*exp(x)", d.result());
    }

    @Test
    void mixedPartialsDifferentiateInTheOrderGiven() {
        Expr f = Parsing.expr("x^2*exp(y) + sin(x*y)");
        Derivation d = Differentiator.derive(f, List.of("x", "y"), Definitions.EMPTY);
        assertEquals(new Expr.Diff(new Expr.Diff(f, "x"), "y"), d.problem());
        assertEquals(2, d.steps().size());
        assertChains(d);
        // after d/dx the pending d/dy is still written around the result
        assertInstanceOf(Expr.Diff.class, d.steps().get(0).after());
        assertEquals("y", ((Expr.Diff) d.steps().get(0).after()).var());
        assertEquals("order 1: d/dx", d.steps().get(0).note());
        assertEquals("order 2: d/dy", d.steps().get(1).note());
        assertFalse(Differentiator.containsDiff(d.result()));
        // d2f/dxdy = 2x e^y + cos(xy) - xy sin(xy)
        Expr want = Parsing.expr("2*x*exp(y) + cos(x*y) - x*y*sin(x*y)");
        for (double[] p : new double[][] {{0.3, -0.7}, {1.2, 0.4}, {-2.0, 1.5}}) {
            Map<String, Double> at = Map.of("x", p[0], "y", p[1]);
            assertEquals(Evaluator.eval(want, at), Evaluator.eval(d.result(), at), 1e-12);
        }
        // the other order gives the same value (Schwarz), through a different derivation
        Derivation yx = Differentiator.derive(f, List.of("y", "x"), Definitions.EMPTY);
        assertChains(yx);
        Map<String, Double> at = Map.of("x", 0.9, "y", -0.3);
        assertEquals(Evaluator.eval(d.result(), at), Evaluator.eval(yx.result(), at), 1e-12);
    }

    @Test
    void higherOrderRepeatsTheVariable() {
        Derivation d = Differentiator.derive(Parsing.expr("x^5"), List.of("x", "x", "x"), Definitions.EMPTY);
        assertEquals(3, d.steps().size());
        assertChains(d);
        assertEquals(240.0, Evaluator.eval(d.result(), Map.of("x", 2.0)), 1e-12);
        Numeric.assertExpr("60*x^2", d.result());
        Derivation tan = Differentiator.derive(Parsing.expr("tan(x)"), List.of("x", "x", "x", "x"), Definitions.EMPTY);
        assertChains(tan);
        // d4/dx4 tan x = 8 sec^2 x tan x (2 sec^2 x + tan^2 x) ... checked against differences of the third
        Expr third = Differentiator.derive(Parsing.expr("tan(x)"), List.of("x", "x", "x"), Definitions.EMPTY).result();
        Numeric.assertDerivative(third, tan.result(), Definitions.EMPTY, "x", 4, 20);
    }

    @Test
    void theBetweenHookSeesEachOrder() {
        int[] calls = {0};
        Derivation d = Differentiator.derive(Parsing.expr("x^3*y"), List.of("x", "x", "y"), Definitions.EMPTY, der -> {
            calls[0]++;
            return der;
        });
        assertEquals(3, calls[0]);
        Numeric.assertExpr("6*x", d.result());
        // a hook that appends a step of its own: the next order starts from that step's result
        Derivation h = Differentiator.derive(Parsing.expr("x^3"), List.of("x", "x"), Definitions.EMPTY, der ->
            der.steps().getLast().after() instanceof Expr.Diff(Expr body, String v)
                && body.equals(Parsing.expr("3*x^2"))
                ? der.then(new Step("Rewrite", der.result(), new Expr.Diff(Parsing.expr("x^2*3"), v)))
                : der);
        assertChains(h);
        assertEquals(3, h.steps().size());
        Numeric.assertExpr("6*x", h.result());
    }

    @Test
    void derivationsWithDefinitionsChainToo() {
        Parsed p = Parsing.program("m := W1*x + b1\nk := W2*tanh(m) + b2\nLeakyReLU(k)");
        Derivation d = Differentiator.derive(p.program().body(), List.of("W1", "b1"), p.program().definitions());
        assertChains(d);
        Expr f = p.program().definitions().expand(p.program().body());
        Expr dW1 = new Differentiator().differentiate(f, "W1").after();
        Numeric.assertDerivative(dW1, p.program().definitions().expand(d.result()), Definitions.EMPTY, "b1", 9, 30);
    }

    @Test
    void resolveReplacesNestedDiffNodesInnermostFirst() {
        Differentiator dx = new Differentiator();
        Expr e = Parsing.expr("diff(diff(x^3*y^2, x), y) + sin(diff(x^2, x)) + diff(diff(x^4, x, 2), x)");
        Expr r = dx.resolve(e);
        assertFalse(Differentiator.containsDiff(r));
        // 6x^2 y + sin(2x) + 24x
        Expr want = Parsing.expr("6*x^2*y + sin(2*x) + 24*x");
        for (double[] p : new double[][] {{0.5, 1.5}, {-1.1, 0.2}}) {
            Map<String, Double> at = Map.of("x", p[0], "y", p[1]);
            assertEquals(Evaluator.eval(want, at), Evaluator.eval(r, at), 1e-12);
        }
        // an expression without diff comes back as it is
        Expr plain = Parsing.expr("x^2 + 1");
        assertSame(plain, dx.resolve(plain));
        // diff of a diff body that does not mention the outer variable is 0
        assertEquals("0", Printer.print(dx.resolve(Parsing.expr("diff(diff(x^2, x), y)"))));
    }

    @Test
    void differentiatingAnExpressionThatHoldsDiffRecordsTheInnerDerivativesFirst() {
        Step s = new Differentiator().differentiate(Parsing.expr("diff(x^2, x) * sin(x)"), "x");
        assertEquals("HigherDerivative", s.rule());
        assertEquals(2, s.substeps().size());
        Numeric.assertExpr("diff(x^2, x)", s.substeps().get(0).before());
        Numeric.assertExpr("diff(2*x*sin(x), x)", s.substeps().get(1).before());
        assertSame(s.substeps().get(1).after(), s.after());
        assertFalse(Differentiator.containsDiff(s.after()));
    }

    @Test
    void stepCountAndThen() {
        Step s = new Differentiator().differentiate(Parsing.expr("sin(2*x)"), "x");
        assertEquals(4, s.count());
        Derivation d = new Derivation(s.before(), List.of(s));
        Derivation more = d.then(new Step("Rewrite", d.result(), Parsing.expr("2*cos(2*x)")));
        assertEquals(1, d.steps().size());
        assertEquals(2, more.steps().size());
        assertChains(more);
        assertEquals(Derivation.of(Parsing.expr("x")).result(), Parsing.expr("x"));
    }
}
