package deriv.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Step;
import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import deriv.parse.Parsing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms a teacher writes, the derivation record, determinism and the budget. */
class SimplifierTest {

    static Derivation derive(String expr, String wrt) {
        Derivation raw = Differentiator.derive(Parsing.expr(expr), List.of(wrt), Definitions.EMPTY);
        return Simplifier.simplify(raw);
    }

    @ParameterizedTest(name = "d/d{1} {0} = {2}")
    @CsvSource(delimiter = '|', value = {
        "LeakyReLU(W2*tanh(W1*x+b1)+b2) | W1 | if(W2*tanh(W1*x + b1) + b2 > 0, 1, 1/100)*W2*x*(1 - tanh(W1*x + b1)^2)",
        "LeakyReLU(W2*tanh(W1*x+b1)+b2) | b1 | if(W2*tanh(W1*x + b1) + b2 > 0, 1, 1/100)*W2*(1 - tanh(W1*x + b1)^2)",
        "LeakyReLU(W2*tanh(W1*x+b1)+b2) | W2 | if(W2*tanh(W1*x + b1) + b2 > 0, 1, 1/100)*tanh(W1*x + b1)",
        "LeakyReLU(W2*tanh(W1*x+b1)+b2) | b2 | if(W2*tanh(W1*x + b1) + b2 > 0, 1, 1/100)",
        "x^3 - 4*x | x | 3*x^2 - 4",
        "sigmoid(x) | x | sigmoid(x)*(1 - sigmoid(x))",
        "1/(1 + exp(-x)) | x | sigmoid(x)*(1 - sigmoid(x))",
        "(y - (m*x + c))^2 | m | 2*x*(m*x + c - y)",
        "(y - (m*x + c))^2 | c | 2*(m*x + c - y)",
        "tanh(w*x + b) | w | x*(1 - tanh(w*x + b)^2)",
        "tanh(2*x) | x | 2*(1 - tanh(2*x)^2)",
        "-y*ln(sigmoid(z)) - (1 - y)*ln(1 - sigmoid(z)) | z | sigmoid(z) - y",
        "(1/(1 + e^-(b + W*x)) - y)^2 | W | 2*x*sigmoid(b + W*x)*(1 - sigmoid(b + W*x))*(sigmoid(b + W*x) - y)",
        "relu(3*z - 1) | z | if(z > 1/3, 3, 0)",
        "abs(y - (W2*relu(W1*x + b1) + b2)) | W1 | if(W1*x + b1 > 0, 1, 0)*W2*x*sign(W2*relu(W1*x + b1) + b2 - y)",
        "atan(y/x) | x | -y/(y^2 + x^2)",
        "exp(-x)*cos(x) | x | -exp(-x)*(sin(x) + cos(x))",
        "x/(1 + x^2) | x | (1 - x^2)/(x^2 + 1)^2",
        "exp(a)/(exp(a) + exp(b)) | a | exp(a)*exp(b)/(exp(a) + exp(b))^2",
        "(L1*cos(t1) + L2*cos(t1+t2) - tx)^2 + (L1*sin(t1) + L2*sin(t1+t2) - ty)^2 | t2 | 2*L2*(tx*sin(t1 + t2) - L1*sin(t2) - ty*cos(t1 + t2))",
        "x^y | y | x^y*ln(x)",
    })
    void teacherForms(String expr, String wrt, String expected) {
        assertEquals(expected, Printer.print(derive(expr, wrt).result()));
    }

    @Test
    void handWrittenRawDerivative() {
        assertEquals("2*x", Printer.print(Simplifier.simplify(Parsing.expr("1*x^(2-1)*2 + 0")).result()));
    }

    @Test
    void mlpPartialKeepsEachSigmoidNextToItsComplement() {
        String d = Printer.print(derive("(w3*sigmoid(w2*sigmoid(w1*x+b1)+b2)+b3 - y)^2", "w1").result());
        assertEquals("2*w3*w2*x*sigmoid(w2*sigmoid(w1*x + b1) + b2)*(1 - sigmoid(w2*sigmoid(w1*x + b1) + b2))"
            + "*sigmoid(w1*x + b1)*(1 - sigmoid(w1*x + b1))*(w3*sigmoid(w2*sigmoid(w1*x + b1) + b2) + b3 - y)", d);
    }

    @Test
    void derivationEndsWithOneSimplifyStepWhoseSubstepsChain() {
        Derivation d = derive("(y - (m*x + c))^2", "m");
        Step last = d.steps().getLast();
        assertEquals("Simplify", last.rule());
        assertEquals(d.steps().get(d.steps().size() - 2).after(), last.before());
        assertEquals(d.result(), last.after());
        Expr prev = last.before();
        for (Step s : last.substeps()) {
            assertEquals(prev, s.before(), "each rewrite starts where the previous ended");
            assertFalse(s.substeps().size() == 1 && s.substeps().getFirst().before().equals(s.before())
                        && s.substeps().getFirst().rule().equals(s.rule()), "a whole-expression rewrite is not repeated as its own sub-step");
            prev = s.after();
        }
        assertEquals(d.result(), prev);
    }

    @Test
    void nothingToSimplifyLeavesTheDerivationAsItIs() {
        Derivation raw = Differentiator.derive(Parsing.expr("x*y"), List.of("x"), Definitions.EMPTY);
        assertEquals(raw, Simplifier.simplify(raw));
    }

    @Test
    void resultIsAFixpoint() {
        Generator g = new Generator(3L);
        for (int i = 0; i < 200; i++) {
            Simplifier.Simplified s = Simplifier.simplify(g.next(4));
            if (s.exhausted()) continue;
            Simplifier.Simplified again = Simplifier.simplify(s.result(), Exprs.freeVars(s.input()));
            assertEquals(s.result(), again.result(), () -> "not a fixpoint: " + Printer.print(s.result()) + " -> " + Printer.print(again.result()));
        }
    }

    @Test
    void deterministic() {
        Generator g = new Generator(11L);
        for (int i = 0; i < 100; i++) {
            Expr e = g.next(4);
            assertEquals(Simplifier.simplify(e), Simplifier.simplify(e), "same input, same steps and result");
        }
    }

    @Test
    void equalThingsLookEqual() {
        List<String> order = List.of("a", "b", "c", "x", "y");
        String[][] same = {
            {"b*a + c*(x + y)", "(y + x)*c + a*b"},
            {"x*x*y + 2*y*x^2", "3*y*x^2"},
            {"sin(x)*cos(y) + 1 - y", "-y + 1 + cos(y)*sin(x)"},
            {"(x + 1)/(x + 1)^2", "1/(1 + x)"},
        };
        for (String[] p : same) {
            Expr a = Simplifier.simplify(Parsing.expr(p[0]), order).result();
            Expr b = Simplifier.simplify(Parsing.expr(p[1]), order).result();
            assertEquals(Printer.print(a), Printer.print(b), p[0] + " vs " + p[1]);
        }
    }

    @Test
    void sqrtOfASquareIsTheAbsoluteValue() {
        Expr r = Simplifier.simplify(Parsing.expr("sqrt(x^2)")).result();
        assertEquals("abs(x)", Printer.print(r));
        assertEquals(3.0, Evaluator.eval(r, Map.of("x", -3.0)));
    }

    @Test
    void budgetEndsAPathologicalRun() {
        StringBuilder sb = new StringBuilder("x");
        for (int i = 0; i < 40; i++) sb.insert(0, "(").append(" + 1)^2*(1 - 1*x^0 + 0*y)");
        Expr e = Parsing.expr(sb.toString());
        Simplifier.Simplified s = Simplifier.simplify(e, List.of("x", "y"), new Simplifier.Budget(25, 200, 100_000, 2));
        assertTrue(s.exhausted());
        assertEquals(s.result(), s.steps().getLast().after());
        Map<String, Double> at = Map.of("x", 0.25, "y", 2.0);
        assertEquals(Evaluator.eval(e, at), Evaluator.eval(s.result(), at), 1e-9 * Math.abs(Evaluator.eval(e, at)));
    }

    @Test
    void expansionsAreBoundedAndRoundsEnd() {
        // 2^12 terms if multiplied out: the expansion is refused, the factored form stays
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 12; i++) sb.append(i > 1 ? "*" : "").append("(x + ").append(i).append(")");
        Expr e = Parsing.expr(sb + " - x^12 + 3*" + sb);
        Simplifier.Simplified s = Simplifier.simplify(e);
        assertFalse(s.exhausted());
        Map<String, Double> at = Map.of("x", 0.5);
        double v = Evaluator.eval(e, at);
        assertEquals(v, Evaluator.eval(s.result(), at), 1e-9 * Math.abs(v));
        assertTrue(Exprs.size(s.result()) < Exprs.size(e));
    }

    @Test
    void aLargeSumStaysCheap() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 3000; i++) sb.append(i > 1 ? " + " : "").append("sin(x*").append(i).append(")");
        Derivation d = derive(sb.toString(), "x");
        Expr r = d.result();
        Map<String, Double> at = Map.of("x", 0.1);
        double want = 0;
        for (int i = 1; i <= 3000; i++) want += i * Math.cos(0.1 * i);
        assertEquals(want, Evaluator.eval(r, at), 1e-7 * Math.abs(want));
        assertTrue(Printer.print(r).startsWith("cos(x) + 2*cos(2*x) + 3*cos(3*x)"), Printer.print(r).substring(0, 60));
    }
}
