package deriv.cli;

import static org.junit.jupiter.api.Assertions.*;

import deriv.web.JsonReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simplify command through {@link Main#run}: text, steps, JSON, LaTeX, bad input. */
class SimplifyCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheSimplifiedExpression() {
        Run r = run("simplify", "1*x^(2-1)*2 + 0");
        assertEquals(0, r.code(), r.err());
        assertEquals("2*x", r.out().strip());
    }

    @Test
    void stepsEndAtTheResultAndNameTheRules() {
        Run r = run("simplify", "2*(y - (m*x + c))*-x", "--steps");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals("2*(y - (m*x + c))*-1*x", lines.getFirst().strip());
        assertTrue(lines.getLast().startsWith("= 2*x*(m*x + c - y)"), r.out());
        assertTrue(r.out().contains("[distribute constant]"), r.out());
        assertTrue(r.out().contains("[negation normalisation]"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasInputResultAndSteps() {
        Run r = run("simplify", "x*x + 0", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(r.out());
        assertEquals("x*x + 0", json.get("input"));
        assertEquals("x^2", json.get("result"));
        List<Object> steps = (List<Object>) json.get("steps");
        assertEquals(2, steps.size());
        Map<String, Object> first = (Map<String, Object>) steps.getFirst();
        assertEquals("AdditiveIdentity", first.get("rule"));
        assertEquals("x*x + 0", first.get("before"));
        assertEquals("x*x", first.get("after"));
        assertEquals("CombinePowers", ((Map<String, Object>) steps.get(1)).get("rule"));
    }

    @Test
    void latexOfResultAndOfSteps() {
        Run r = run("simplify", "sigmoid(x)*(1 - sigmoid(x))*1", "--format", "latex");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\\sigma"), r.out());
        Run s = run("simplify", "x*x + 0", "--format", "latex", "--steps");
        assertTrue(s.out().contains("\\begin{aligned}"), s.out());
    }

    @Test
    void badInputIsOneDiagnostic() {
        Run r = run("simplify", "x + ");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error:"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
