package deriv.cli;

import static deriv.cli.DiffCommandTest.run;
import static org.junit.jupiter.api.Assertions.*;

import deriv.cli.DiffCommandTest.JsonReader;
import deriv.cli.DiffCommandTest.Run;
import deriv.diff.Differentiator;
import deriv.eval.Evaluator;
import deriv.expr.Expr;
import deriv.parse.Parsing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grad command through {@link Main#run}. */
class GradCommandTest {
    private static final String LOSS = "(y - W2*tanh(W1*x + b1) - b2)^2";
    private static final String AT = "W1=0.4,b1=-0.2,W2=1.3,b2=0.1,x=0.9,y=0.5";
    private static final Map<String, Double> POINT = Map.of("W1", 0.4, "b1", -0.2, "W2", 1.3, "b2", 0.1, "x", 0.9, "y", 0.5);

    /** The partials of the loss at the point, written out by hand. */
    private static Map<String, Double> handGradient() {
        double t = Math.tanh(0.4 * 0.9 - 0.2), r = 0.5 - 1.3 * t - 0.1, dt = 1 - t * t;
        return Map.of("W1", -2 * r * 1.3 * dt * 0.9, "b1", -2 * r * 1.3 * dt, "W2", -2 * r * t, "b2", -2 * r);
    }

    @Test
    void jsonGradientHasOneValuePerVariableAtThePoint() {
        Run r = run("grad", LOSS, "--wrt", "W1,b1,W2,b2", "--at", AT, "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonReader.object(r.out());
        assertEquals(List.of("W1", "b1", "W2", "b2"), json.get("wrt"));
        Map<?, ?> g = (Map<?, ?>) json.get("gradient");
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(g.keySet()));
        Map<String, Double> want = handGradient();
        for (String v : want.keySet()) assertEquals(want.get(v), (Double) g.get(v), 1e-14, v);
    }

    @Test
    void jsonGradientWithoutAPointHoldsExpressions() {
        Run r = run("grad", LOSS, "--wrt", "W1,b1,W2,b2", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> g = (Map<?, ?>) JsonReader.object(r.out()).get("gradient");
        Map<String, Double> want = handGradient();
        for (String v : want.keySet()) {
            Expr e = Parsing.expr((String) g.get(v));
            assertEquals(want.get(v), Evaluator.eval(e, POINT), 1e-14, v);
        }
        assertInstanceOf(Map.class, JsonReader.object(r.out()).get("latex"));
    }

    @Test
    void withoutWrtEveryFreeVariableInOrderOfFirstAppearance() {
        Run r = run("grad", LOSS, "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonReader.object(r.out());
        assertEquals(List.of("y", "W2", "W1", "x", "b1", "b2"), json.get("wrt"));
        assertEquals(json.get("wrt"), List.copyOf(((Map<?, ?>) json.get("gradient")).keySet()));
    }

    @Test
    void textPrintsOneLinePerPartial() {
        Run r = run("grad", "x^2*y + sin(y)", "--at", "x=1.5,y=0.5");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("d/dx = " + 2 * 1.5 * 0.5, "d/dy = " + (1.5 * 1.5 + Math.cos(0.5))), r.out().strip().lines().toList());
    }

    @Test
    void theGradientOfTheMlpLossMatchesTheDifferentiator() {
        String mlp = "(w3*sigmoid(w2*sigmoid(w1*x+b1)+b2)+b3 - y)^2";
        Run r = run("grad", mlp, "--wrt", "w1,w2,w3,b1,b2,b3", "--at", "w1=0.3,w2=-1.2,w3=0.8,b1=0.1,b2=0.4,b3=-0.3,x=1.1,y=0.2",
            "--format", "json", "--check");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonReader.object(r.out());
        Map<?, ?> g = (Map<?, ?>) json.get("gradient");
        Map<String, Double> at = Map.of("w1", 0.3, "w2", -1.2, "w3", 0.8, "b1", 0.1, "b2", 0.4, "b3", -0.3, "x", 1.1, "y", 0.2);
        for (String v : List.of("w1", "w2", "w3", "b1", "b2", "b3")) {
            Expr d = new Differentiator().differentiate(Parsing.expr(mlp), v).after();
            assertEquals(Evaluator.eval(d, at), (Double) g.get(v), 1e-13, v);
        }
        Map<?, ?> checks = (Map<?, ?>) json.get("check");
        assertEquals(6, checks.size());
        for (Object c : checks.values()) assertEquals(Boolean.TRUE, ((Map<?, ?>) c).get("passed"));
    }

    @Test
    void checkPassesForEveryPartial() {
        Run r = run("grad", "abs(y - (W2*relu(W1*x+b1)+b2))", "--check");
        assertEquals(0, r.code(), r.err());
        assertEquals(6, r.err().lines().filter(l -> l.startsWith("check: passed")).count(), r.err());
    }

    @Test
    void badWrtIsAUsageError() {
        Run function = run("grad", "Linear(W, b, x) := W*x + b\nLinear(a, c, x)", "--wrt", "a,Linear");
        assertEquals(2, function.code());
        assertTrue(function.err().contains("'Linear' is a function, not a variable"), function.err());
        Run empty = run("grad", "x^2", "--wrt", "x,,y");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("--wrt needs a variable name"), empty.err());
        assertFalse(empty.err().contains("Exception"), empty.err());
    }
}
