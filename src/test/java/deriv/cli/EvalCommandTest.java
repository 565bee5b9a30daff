package deriv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.parse.DerivException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deriv eval: values, inputs (argument, standard input, file), --at forms and warnings. */
class EvalCommandTest {

    private static ErrorMessagesTest.Run run(String... args) { return ErrorMessagesTest.run(args); }

    private static void prints(String expected, String... args) {
        ErrorMessagesTest.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertEquals(expected + "\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void values() {
        prints("1024.0", "eval", "2^10");
        prints("0.5", "eval", "sigmoid(0)");
        prints("-0.03", "eval", "LeakyReLU(-3)");
        prints("18.0", "eval", "3x^2 + 2(x+1)", "--at", "x=2");
        prints("7.0", "eval", "theta_0 + theta_1*x", "--at", "theta_0=1,theta_1=2,x=3");
        prints("7.0", "eval", "θ_0 + θ_1*x", "--at", "theta_0=1,θ_1=2,x=3");
        prints("-4.0", "eval", "-2^2");
        prints("0.0", "eval", "e^0 + cos(pi)");
        prints("0.1", "eval", "x", "--at", "x=0.1");
        prints("0.30000000000000004", "eval", "x + y", "--at", "x=0.1,y=0.2");
    }

    @Test
    void atAcceptsConstantExpressionsAndSpaces() {
        prints("1.0", "eval", "sin(x)", "--at", "x=pi/2");
        prints("-2.718281828459045", "eval", "x", "--at", "x=-e");
        prints("0.3333333333333333", "eval", "x", "--at", " x = 1/3 ");
        prints("5.0", "eval", "x + y", "--at", "x=2, y=3");
        prints("1500.0", "eval", "x", "--at", "x=1.5e3");
        prints("-0.5", "eval", "x", "--at", "x=-.5");
        prints("3.0", "eval", "x + 1", "--at", "x=2,unused=5");
    }

    @Test
    void assignmentsParse() {
        assertEquals(Map.of("x", 1.5, "theta", 2.0), Assignments.parse("x=1.5,θ=2"));
        assertEquals(Map.of(), Assignments.parse(null));
        assertThrows(DerivException.class, () -> Assignments.parse("x=1,"));
    }

    @Test
    void programsFromAFile(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("model.txt"), """
            # one hidden unit
            Linear(W, b, x) := W*x + b
            h := tanh(Linear(W1, b1, x))
            LeakyReLU(Linear(W2, b2, h), 0.1)
            """);
        double h = Math.tanh(0.5 * 2 + 0.1);
        double o = -1.5 * h + 0.2;
        prints(Double.toString(o > 0 ? o : 0.1 * o), "eval", "-f", f.toString(), "--at", "W1=0.5,b1=0.1,x=2,W2=-1.5,b2=0.2");
        Path bom = Files.write(dir.resolve("bom.txt"), "\uFEFFx + 1\r\n".getBytes(StandardCharsets.UTF_8));
        prints("3.0", "eval", "-f", bom.toString(), "--at", "x=2");
    }

    @Test
    void programFromStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("m := 2*x\nm^2\n".getBytes(StandardCharsets.UTF_8)));
            prints("36.0", "eval", "-", "--at", "x=3");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void manySignsAreAnExpressionNotAnOption() {
        prints("1.0", "eval", "----x", "--at", "x=1");
        prints("-1.0", "eval", "-x", "--at", "x=1");
    }

    @Test
    void aLargeSumEvaluates() {
        StringBuilder sb = new StringBuilder();
        double want = 0;
        for (int i = 0; i < 3000; i++) {
            if (i > 0) sb.append('+');
            sb.append("sin(x*").append(i).append(')');
            want += Math.sin(0.1 * i);
        }
        ErrorMessagesTest.Run r = run("eval", sb.toString(), "--at", "x=0.1");
        assertEquals(0, r.code(), r.err());
        assertEquals(want, Double.parseDouble(r.out().strip()), 1e-9);
    }

    // ------------------------------------------------------------------ numerical honesty

    private static void warns(String value, String warning, String... args) {
        ErrorMessagesTest.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertEquals(value + "\n", r.out());
        assertEquals("warning: " + warning + "\n", r.err());
    }

    @Test
    void nonFiniteValuesAreNamedWhereTheyArose() {
        warns("NaN", "ln(x) is NaN at x=-1 (log of a negative number)", "eval", "ln(x)", "--at", "x=-1");
        warns("Infinity", "1/x is Infinity at x=0 (division by zero)", "eval", "1/x", "--at", "x=0");
        warns("NaN", "1/x is Infinity at x=0 (division by zero)", "eval", "x/x", "--at", "x=0");
        warns("-Infinity", "ln(x - 1) is -Infinity at x=1 (log of zero)", "eval", "2*ln(x - 1)", "--at", "x=1");
        warns("Infinity", "exp(x^2) is Infinity at x=100 (overflow)", "eval", "exp(x^2)", "--at", "x=100");
        warns("NaN", "sqrt(m) is NaN at m=-2 (square root of a negative number)", "eval", "m := x - 3; sqrt(m)", "--at", "x=1");
    }

    @Test
    void aFiniteValueComputedThroughANonFiniteOneIsFlagged() {
        warns("2.0", "ln(x) is NaN at x=-1 (log of a negative number); the value above was computed through it",
              "eval", "if(ln(x) > 0, 1, 2)", "--at", "x=-1");
    }

    @Test
    void helpDocumentsExitCodesAndLimits() {
        ErrorMessagesTest.Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("1,000,000 characters"), r.out());
    }
}
