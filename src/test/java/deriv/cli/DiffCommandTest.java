package deriv.cli;

import static org.junit.jupiter.api.Assertions.*;

import deriv.eval.Evaluator;
import deriv.parse.Parsing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff command through {@link Main#run}: formats, --at, --order, mixed partials, --check, bad --wrt. */
class DiffCommandTest {

    /** Exit code and the two streams of one run. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static double number(Run r) {
        assertEquals(0, r.code(), r.err());
        return Double.parseDouble(r.out().strip());
    }

    @Test
    void printsTheDerivativeInPlainReparseableSyntax() {
        Run r = run("diff", "x^3 - 4*x", "--wrt", "x");
        assertEquals(0, r.code(), r.err());
        String printed = r.out().strip();
        assertEquals(1, r.out().strip().lines().count());
        // whatever simplification does to it, it parses and has the right value
        assertEquals(2.75, Evaluator.eval(Parsing.expr(printed), Map.of("x", 1.5)), 1e-12);
        assertEquals("", r.err());
    }

    @Test
    void rawPrintsTheUnsimplifiedDerivative() {
        Run r = run("diff", "sin(x^2)*exp(x)", "--wrt", "x", "--raw");
        assertEquals(0, r.code(), r.err());
        assertEquals("2*cos(x^2)*x*exp(x) + sin(x^2)*exp(x)", r.out().strip());
    }

    @Test
    void atPrintsTheValueAtFullPrecision() {
        assertEquals(2.75, number(run("diff", "x^3 - 4*x", "--wrt", "x", "--at", "x=1.5")));
        // d/dw tanh(w x + b) = x (1 - tanh^2(w x + b))
        double want = 2 * (1 - Math.pow(Math.tanh(0.5 * 2 - 0.1), 2));
        assertEquals(want, number(run("diff", "tanh(w*x + b)", "--wrt", "w", "--at", "w=0.5,x=2,b=-0.1")), 1e-15);
        // values print with every digit: 1/3 is not 0.333
        assertEquals(1.0 / 3, number(run("diff", "x/3", "--wrt", "x", "--at", "x=1")), 0.0);
    }

    @Test
    void orderThreeRepeatsTheVariable() {
        assertEquals(240.0, number(run("diff", "x^5", "--wrt", "x", "--order", "3", "--at", "x=2")));
        Run text = run("diff", "x^5", "--wrt", "x", "--order", "3");
        assertEquals(0, text.code(), text.err());
        assertEquals(240.0, Evaluator.eval(Parsing.expr(text.out().strip()), Map.of("x", 2.0)), 1e-9);
        // the 10th derivative of sin is -sin
        assertEquals(-Math.sin(0.3), number(run("diff", "sin(x)", "--wrt", "x", "--order", "10", "--at", "x=0.3")), 1e-12);
    }

    @Test
    void severalWrtGiveAMixedPartialInOrder() {
        // d2/dxdy x^2 e^y = 2x e^y
        assertEquals(2 * 0.5 * Math.exp(0.25), number(run("diff", "x^2*exp(y)", "--wrt", "x", "--wrt", "y", "--at", "x=0.5,y=0.25")), 1e-14);
        // a comma list is the same as repeating --wrt
        assertEquals(2 * 0.5 * Math.exp(0.25), number(run("diff", "x^2*exp(y)", "--wrt", "x,y", "--at", "x=0.5,y=0.25")), 1e-14);
        // d/dy then d/dy then d/dx of x^2 y^3 = 12 x y
        assertEquals(12 * 0.5 * 2, number(run("diff", "x^2*y^3", "--wrt", "y", "--wrt", "y", "--wrt", "x", "--at", "x=0.5,y=2")), 1e-12);
    }

    @Test
    void stepsNameTheRulesAndTheInnerExpression() {
        Run r = run("diff", "LeakyReLU(W2*tanh(W1*x+b1)+b2)", "--wrt", "W1", "--steps", "--raw");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("diff(LeakyReLU(W2*tanh(W1*x + b1) + b2), W1)\n"), r.out());
        assertTrue(r.out().contains("chain rule (let u = W2*tanh(W1*x + b1) + b2)"), r.out());
        assertTrue(r.out().contains("leaky relu rule: diff(LeakyReLU(u), u) = if(u > 0, 1, 1/100)"), r.out());
        assertTrue(r.out().contains("tanh rule"), r.out());
        assertTrue(r.out().strip().endsWith("= if(W2*tanh(W1*x + b1) + b2 > 0, 1, 1/100)*W2*(1 - tanh(W1*x + b1)^2)*x"), r.out());
    }

    @Test
    void jsonHasTheInputTheVariablesTheResultAndLatex() {
        Run r = run("diff", "sigmoid(w*x+b)", "--wrt", "w", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonReader.object(r.out());
        assertEquals("sigmoid(w*x + b)", json.get("input"));
        assertEquals(List.of("w"), json.get("wrt"));
        String result = (String) json.get("result");
        Map<String, Double> at = Map.of("w", 0.3, "x", 1.7, "b", -0.4);
        double s = 1 / (1 + Math.exp(-(0.3 * 1.7 - 0.4)));
        assertEquals(s * (1 - s) * 1.7, Evaluator.eval(Parsing.expr(result), at), 1e-14);
        assertInstanceOf(String.class, json.get("latex"));
        assertFalse(((String) json.get("latex")).isBlank());
        assertFalse(json.containsKey("steps"), "steps only with --steps");
    }

    @Test
    void jsonStepsAreATreeOfRuleBeforeAfterSubsteps() {
        Run r = run("diff", "sigmoid(w*x+b)", "--wrt", "w", "--format", "json", "--steps", "--raw");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonReader.object(r.out());
        List<?> steps = (List<?>) json.get("steps");
        assertEquals(1, steps.size());
        Map<?, ?> top = (Map<?, ?>) steps.getFirst();
        assertEquals("ChainRule", top.get("rule"));
        assertEquals("diff(sigmoid(w*x + b), w)", top.get("before"));
        assertEquals(json.get("result"), top.get("after"));
        assertEquals(Map.of("name", "u", "value", "w*x + b"), top.get("let"));
        List<?> subs = (List<?>) top.get("substeps");
        assertEquals(2, subs.size());
        Map<?, ?> outer = (Map<?, ?>) subs.getFirst();
        assertEquals("SigmoidRule", outer.get("rule"));
        assertEquals("diff(sigmoid(u), u)", outer.get("before"));
        assertEquals(List.of(), outer.get("substeps"));
        assertEquals("SumRule", ((Map<?, ?>) subs.get(1)).get("rule"));
    }

    @Test
    void jsonWithAtHasTheValue() {
        Run r = run("diff", "x^3", "--wrt", "x", "--at", "x=2", "--format", "json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonReader.object(r.out());
        assertEquals(12.0, (Double) json.get("value"));
        assertEquals(List.of("x"), json.get("wrt"));
    }

    @Test
    void checkPassesWithExitZeroAndReportsTheError() {
        Run r = run("diff", "LeakyReLU(W2*tanh(W1*x+b1)+b2)", "--wrt", "W1", "--check");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("check: passed"), r.err());
        assertTrue(r.err().contains("largest relative error"), r.err());
        Run json = run("diff", "(w3*sigmoid(w2*sigmoid(w1*x+b1)+b2)+b3 - y)^2", "--wrt", "w1", "--check", "--format", "json");
        assertEquals(0, json.code(), json.err());
        Map<?, ?> check = (Map<?, ?>) JsonReader.object(json.out()).get("check");
        assertEquals(Boolean.TRUE, check.get("passed"));
        assertTrue((Double) check.get("maxRelativeError") <= (Double) check.get("tolerance"));
        // higher order and mixed partials are checked too
        assertEquals(0, run("diff", "sin(x*y)", "--wrt", "x", "--wrt", "y", "--check").code());
        assertEquals(0, run("diff", "exp(-x^2)", "--wrt", "x", "--order", "3", "--check").code());
    }

    @Test
    void checkByAnIntermediateHoldsItAsAVariable(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("net.deriv");
        Files.writeString(f, "m := W1*x + b1\nk := W2*tanh(m) + b2\nLeakyReLU(k)\n");
        Run byK = run("diff", "-f", f.toString(), "--wrt", "k", "--check", "--raw");
        assertEquals(0, byK.code(), byK.err());
        assertEquals("if(k > 0, 1, 1/100)", byK.out().strip());
        Run byB1 = run("diff", "-f", f.toString(), "--wrt", "b1", "--check");
        assertEquals(0, byB1.code(), byB1.err());
    }

    @Test
    void diffInsideADefinitionCanBeEvaluated(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("g.deriv");
        Files.writeString(f, "m := W1*x + b1\ng := diff(m^2, W1)\ng*W1\n");
        // d/dW1 (g W1) = g + W1 dg/dW1 = 2 m x + 2 x^2 W1 = 30 + 18 at W1=1, b1=2, x=3
        assertEquals(48.0, number(run("diff", "-f", f.toString(), "--wrt", "W1", "--at", "W1=1,b1=2,x=3")), 1e-12);
        assertEquals(0, run("diff", "-f", f.toString(), "--wrt", "W1", "--check").code());
    }

    @Test
    void userFunctionStepsSaySoInText() {
        Run r = run("diff", "Linear(W, b, x) := W*x + b\nsigmoid(Linear(W1, b1, x))", "--wrt", "W1", "--steps", "--raw");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("expand definition [Linear(W, b, x) := W*x + b]"), r.out());
    }

    @Test
    void badWrtIsAUsageErrorWithAClearMessage() {
        Run function = run("diff", "Linear(W, b, x) := W*x + b\nLinear(a, c, x)", "--wrt", "Linear");
        assertEquals(2, function.code());
        assertTrue(function.err().contains("'Linear' is a function, not a variable"), function.err());
        Run empty = run("diff", "x^2", "--wrt", "");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("--wrt needs a variable name"), empty.err());
        Run builtin = run("diff", "x^2", "--wrt", "sin");
        assertEquals(2, builtin.code());
        assertTrue(builtin.err().contains("'sin' is a built-in function, not a variable"), builtin.err());
        Run constant = run("diff", "x^2", "--wrt", "pi");
        assertEquals(2, constant.code());
        assertTrue(constant.err().contains("'pi' is a constant"), constant.err());
        Run junk = run("diff", "x^2", "--wrt", "x+y");
        assertEquals(2, junk.code());
        assertTrue(junk.err().contains("'x+y' is not a variable name"), junk.err());
        for (Run r : List.of(function, empty, builtin, constant, junk)) {
            assertTrue(r.err().startsWith("error: "), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertEquals("", r.out());
        }
        Run missing = run("diff", "x^2");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--wrt"), missing.err());
    }

    @Test
    void badOrderIsAUsageError() {
        Run zero = run("diff", "x^2", "--wrt", "x", "--order", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--order"), zero.err());
        Run twoVars = run("diff", "x^2*y", "--wrt", "x", "--wrt", "y", "--order", "2");
        assertEquals(2, twoVars.code());
        assertTrue(twoVars.err().contains("--order needs exactly one --wrt"), twoVars.err());
    }

    @Test
    void aVariableTheExpressionDoesNotHaveGivesZero() {
        assertEquals(0.0, number(run("diff", "x^2", "--wrt", "z", "--at", "x=3")));
    }

    /** A small JSON reader for checking output (objects keep their order; numbers are doubles). */
    static final class JsonReader {
        private final String s;
        private int i;

        private JsonReader(String s) { this.s = s; }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            JsonReader r = new JsonReader(text.strip());
            Object v = r.value();
            r.space();
            if (r.i != r.s.length()) throw new IllegalArgumentException("trailing text at " + r.i + ": " + text);
            return (Map<String, Object>) v;
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    space();
                    String k = string();
                    space();
                    expect(':');
                    m.put(k, value());
                    space();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect('}');
                    return m;
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    space();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect(']');
                    return l;
                }
            }
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            if (start == i) throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e);
                }
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i + ": " + s);
            i++;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }

    @Test
    void aHighOrderValueAloneIsWorkedInTaylorModeWhereTheRulesTreeWouldNotFit() {
        // mpmath.diff at 50 digits: 893953.004189976186997955768780748
        assertEquals(893953.0041899762, number(run("diff", "sin(sin(sin(sin(sin(sin(x))))))", "--wrt", "x",
            "--order", "10", "--at", "x=0.5")), 1e-9 * 893953);
        // the same value as the rules give, where their tree is small
        double rules = Evaluator.eval(Parsing.expr(run("diff", "x*exp(sin(x))", "--wrt", "x", "--order", "4").out().strip()),
            Map.of("x", 0.7));
        assertEquals(rules, number(run("diff", "x*exp(sin(x))", "--wrt", "x", "--order", "4", "--at", "x=0.7")), 1e-9 * Math.abs(rules));
        // the input is simplified first, as on the rules' path: exp(y - y) needs no value for y
        assertEquals(2.0, number(run("diff", "x^2*exp(y - y)", "--wrt", "x", "--order", "2", "--at", "x=1")), 0);
        Run missing = run("diff", "sin(x)*y", "--wrt", "x", "--order", "3", "--at", "x=0.3");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: no value for 'y': give it with --at y=..."), missing.err());
    }

    @Test
    void aLongChainOfIntermediatesIsNeverExpandedIntoItsTree() {
        // h60 expanded is a tree of about 2^60 nodes; every stage must work on the shared form
        StringBuilder prog = new StringBuilder("h1 := x\n");
        for (int i = 2; i <= 60; i++) prog.append("h").append(i).append(" := 2.5*h").append(i - 1).append("*(1 - h").append(i - 1).append(")\n");
        prog.append("h60");
        double x = 0.3, h = x, dh = 1;
        for (int i = 2; i <= 60; i++) { dh = 2.5 * (1 - 2 * h) * dh; h = 2.5 * h * (1 - h); }
        double first = number(run("diff", prog.toString(), "--wrt", "x", "--at", "x=0.3"));
        assertEquals(dh, first, 1e-9 * Math.abs(dh));
        assertTrue(Double.isFinite(number(run("diff", prog.toString(), "--wrt", "x", "--order", "2", "--at", "x=0.3"))));
        // --check samples points away from kinks found in the definitions, not in the expanded tree
        Run checked = run("diff", prog.toString() + "*relu(h60 - 1/2)", "--wrt", "x", "--check");
        assertEquals(0, checked.code(), checked.err());
    }
}
