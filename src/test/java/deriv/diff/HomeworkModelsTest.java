package deriv.diff;

import static org.junit.jupiter.api.Assertions.*;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The models students derive by hand, every partial against central differences, and every step
 * of each derivation checked on its own.
 */
class HomeworkModelsTest {

    @ParameterizedTest(name = "{0}: d/d{2}")
    @CsvSource(delimiter = '|', textBlock = """
        LeakyReLU network   | LeakyReLU(W2*tanh(W1*x+b1)+b2)                                | W1 W2 b1 b2
        sigmoid regression  | (1/(1+e^-(b+W*x)) - y)^2                                      | W b
        MAE with ReLU       | abs(y - (W2*relu(W1*x+b1)+b2))                                | W1 W2 b1 b2
        2-hidden sigmoid MLP | (w3*sigmoid(w2*sigmoid(w1*x+b1)+b2)+b3 - y)^2                | w1 w2 w3 b1 b2 b3
        robot arm           | (L1*cos(t1)+L2*cos(t1+t2)-tx)^2+(L1*sin(t1)+L2*sin(t1+t2)-ty)^2 | t1 t2
        cross-entropy       | -(y*ln(sigmoid(w*x+b)) + (1-y)*ln(1-sigmoid(w*x+b)))          | w b
        softplus regression | (softplus(a*x + c) - y)^2 + 0.1*(a^2 + c^2)                   | a c
        """)
    void everyPartialMatchesCentralDifferences(String name, String model, String vars) {
        Expr f = Parsing.expr(model);
        List<String> wrt = List.of(vars.split(" "));
        for (String v : wrt) {
            Step s = new Differentiator().differentiate(f, v);
            assertEquals(new Expr.Diff(f, v), s.before());
            Numeric.assertDerivative(f, s.after(), Definitions.EMPTY, v, (name + v).hashCode(), 40);
            assertTrue(StepChecks.assertEveryStepIsRight(s, Definitions.EMPTY, v.hashCode()) > 3, name + " d/d" + v);
            StepChecks.assertLetsAreFreshAndUsed(s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        LeakyReLU network with intermediates | m := W1*x + b1; k := W2*tanh(m) + b2; LeakyReLU(k)       | W1 W2 b1 b2
        MLP with a user function | Linear(W, b, x) := W*x + b; h := sigmoid(Linear(w1, b1, x)); (Linear(w3, b3, sigmoid(Linear(w2, b2, h))) - y)^2 | w1 w2 w3 b1 b2 b3
        robot arm with intermediates | px := L1*cos(t1) + L2*cos(t1 + t2); py := L1*sin(t1) + L2*sin(t1 + t2); (px - tx)^2 + (py - ty)^2 | t1 t2 L1 L2
        """)
    void programsWithDefinitionsMatchTheirExpansion(String name, String program, String vars) {
        Parsed p = Parsing.program(program.replace(";", "\n"));
        Definitions defs = p.program().definitions();
        Expr body = p.program().body();
        Expr expanded = defs.expand(body);
        for (String v : vars.split(" ")) {
            Step s = new Differentiator(defs).differentiate(body, v);
            // the total derivative, expanded, against differences of the expanded expression
            Numeric.assertDerivative(expanded, defs.expand(s.after()), Definitions.EMPTY, v, (name + v).hashCode(), 30);
            // and the same as differentiating the expansion directly
            Expr direct = new Differentiator().differentiate(expanded, v).after();
            Numeric.assertDerivative(expanded, direct, Definitions.EMPTY, v, v.hashCode(), 10);
            StepChecks.assertEveryStepIsRight(s, defs, v.hashCode());
            assertTrue(Exprs.size(s.after()) < Exprs.size(direct) + 5, "intermediates keep the result short");
        }
    }
}
