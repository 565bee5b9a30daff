package deriv.diff;

import static org.junit.jupiter.api.Assertions.*;

import deriv.eval.Evaluator;
import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Definitions the way hand derivations use them: {@code diff(f, k)} by an intermediate holds it
 * as a variable; by anything else it is the total derivative through the definitions.
 */
class DefinitionsDiffTest {
    private static final String NETWORK = "m := W1*x + b1\nk := W2*tanh(m) + b2\n";

    private static Parsed program(String text) { return Parsing.program(text); }

    /** The program's body with its diff(...) nodes worked out. */
    private static Expr resolved(Parsed p) {
        return new Differentiator(p.program().definitions()).resolve(p.program().body());
    }

    @Test
    void diffByAnIntermediateIsTheOuterDerivative() {
        Parsed p = program(NETWORK + "diff(LeakyReLU(k), k)");
        Numeric.assertExpr("if(k > 0, 1, 1/100)", resolved(p));
        Parsed q = program(NETWORK + "diff(LeakyReLU(k), m)");
        Numeric.assertExpr("if(k > 0, 1, 1/100)*W2*(1 - tanh(m)^2)", resolved(q));
    }

    @Test
    void theOuterDerivativeIsEvaluatedAtTheIntermediatesValue() {
        Parsed p = program(NETWORK + "diff(LeakyReLU(k), k)");
        Definitions defs = p.program().definitions();
        Expr d = resolved(p);
        // k < 0 at this point: W2*tanh(W1*x + b1) + b2 = -1*tanh(1) + 0.1
        Map<String, Double> at = Map.of("W1", 1.0, "x", 1.0, "b1", 0.0, "W2", -1.0, "b2", 0.1);
        assertEquals(0.01, Evaluator.eval(d, defs, at));
        Map<String, Double> positive = Map.of("W1", 1.0, "x", 1.0, "b1", 0.0, "W2", 1.0, "b2", 0.1);
        assertEquals(1.0, Evaluator.eval(d, defs, positive));
    }

    @Test
    void diffByAParameterIsTheTotalDerivativeThroughTheDefinitions() {
        Parsed p = program(NETWORK + "diff(LeakyReLU(k), b1)");
        Definitions defs = p.program().definitions();
        Expr total = resolved(p);
        Numeric.assertExpr("if(k > 0, 1, 1/100)*W2*(1 - tanh(m)^2)", total);
        // numerically: the expanded total derivative against differences of the expanded function
        Expr f = defs.expand(Parsing.program(NETWORK + "LeakyReLU(k)").program().body());
        Numeric.assertExpr("LeakyReLU(W2*tanh(W1*x + b1) + b2)", f);
        Numeric.assertDerivative(f, defs.expand(total), Definitions.EMPTY, "b1", 7, 40);
        for (String v : List.of("W1", "W2", "b2", "x")) {
            Expr dv = new Differentiator(defs).differentiate(Parsing.program(NETWORK + "LeakyReLU(k)").program().body(), v).after();
            Numeric.assertDerivative(f, defs.expand(dv), Definitions.EMPTY, v, v.hashCode(), 30);
        }
    }

    @Test
    void theTotalDerivativeShowsEachIntermediateOnce() {
        Parsed p = program(NETWORK + "LeakyReLU(k) + k^2");
        Step s = new Differentiator(p.program().definitions()).differentiate(p.program().body(), "b1");
        List<Step> ks = new ArrayList<>();
        collect(s, "IntermediateVariable", ks);
        List<String> notes = ks.stream().map(Step::note).distinct().toList();
        assertEquals(List.of("k := W2*tanh(m) + b2", "m := W1*x + b1"), notes);
        // k is used twice; its derivative is worked out once and the same step is shown both times
        List<Step> kSteps = ks.stream().filter(t -> t.note().startsWith("k :=")).toList();
        assertEquals(2, kSteps.size());
        assertSame(kSteps.get(0), kSteps.get(1));
    }

    private static void collect(Step s, String rule, List<Step> out) {
        if (s.rule().equals(rule)) out.add(s);
        for (Step t : s.substeps()) collect(t, rule, out);
    }

    @Test
    void anIntermediateThatDoesNotDependOnTheVariableIsAConstant() {
        Parsed p = program("m := W1*x + b1\nc := 3*W2\nc*m");
        Step s = new Differentiator(p.program().definitions()).differentiate(p.program().body(), "b1");
        assertEquals("ConstantMultipleRule", s.rule());
        Numeric.assertExpr("c", s.after());
        Step w2 = new Differentiator(p.program().definitions()).differentiate(p.program().body(), "W2");
        Numeric.assertExpr("3*m", w2.after());
    }

    @Test
    void userFunctionsAreExpandedWhereUsedAndTheStepSaysSo() {
        Parsed p = program("Linear(W, b, x) := W*x + b\ntanh(Linear(W1, b1, x))");
        Definitions defs = p.program().definitions();
        Step s = new Differentiator(defs).differentiate(p.program().body(), "W1");
        assertEquals("ChainRule", s.rule());
        Step expand = s.substeps().get(1);
        assertEquals("ExpandDefinition", expand.rule());
        assertEquals("Linear(W, b, x) := W*x + b", expand.note());
        Numeric.assertExpr("x", expand.after());
        Numeric.assertDerivative(p.program().body(), s.after(), defs, "W1", 3, 20);
        // differentiating by a parameter's name, not the argument, gives 0: parameters are local
        Numeric.assertExpr("0", new Differentiator(defs).differentiate(p.program().body(), "W").after());
    }

    @Test
    void diffInsideADefinitionIsWorkedOutAndUsable() {
        Parsed p = program("m := W1*x + b1\ng := diff(m^2, W1)\ng*W1");
        Definitions defs = p.program().definitions();
        Definitions resolved = Differentiator.resolveDefinitions(defs);
        Numeric.assertExpr("2*m*x", resolved.intermediate("g").orElseThrow());
        assertFalse(Differentiator.containsDiff(resolved.intermediate("g").orElseThrow()));
        Step s = new Differentiator(defs).differentiate(p.program().body(), "W1");
        Numeric.assertExpr("2*x*x*W1 + g", s.after());
        // evaluates with the resolved definitions: g + 2x^2 W1 at W1=1, b1=2, x=3 is 30 + 18
        assertEquals(48.0, Evaluator.eval(s.after(), resolved, Map.of("W1", 1.0, "b1", 2.0, "x", 3.0)), 1e-12);
        // definitions without diff are returned as they are
        Definitions plain = program(NETWORK + "k").program().definitions();
        assertSame(plain, Differentiator.resolveDefinitions(plain));
    }

    @Test
    void aMixedPartialInsideADefinitionUsesBothVariables() {
        // g = d/dx (x^2 y) = 2xy, so dg/dy = 2x (not d/dx again)
        Parsed p = program("g := diff(x^2*y, x)\ng");
        Step s = new Differentiator(p.program().definitions()).differentiate(p.program().body(), "y");
        Numeric.assertExpr("2*x", s.after());
        Definitions defs = new Definitions(List.of(new Definition.Intermediate("g",
            new Expr.Diff(Parsing.expr("x^2*y"), "x"))));
        // built by hand, without resolving first: the same answer
        Step t = new Differentiator(defs).differentiate(Expr.var("g"), "y");
        Numeric.assertExpr("2*x", t.after());
    }

    @Test
    void userFunctionWithDiffInItsBody() {
        Parsed p = program("D(a, b) := diff(a^3*b, a)\nD(x, y^2)");
        Definitions defs = p.program().definitions();
        Step s = new Differentiator(defs).differentiate(p.program().body(), "x");
        Numeric.assertDerivative(Parsing.expr("3*x^2*y^2"), s.after(), Differentiator.resolveDefinitions(defs), "x", 5, 20);
        Step t = new Differentiator(defs).differentiate(p.program().body(), "y");
        Numeric.assertDerivative(Parsing.expr("3*x^2*y^2"), t.after(), Differentiator.resolveDefinitions(defs), "y", 5, 20);
    }
}
