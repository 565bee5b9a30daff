package deriv.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** --latex on diff, grad, simplify and eval reads the expression argument as LaTeX. */
class LatexInputCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    @Test
    void diffReadsLatex() {
        Run r = run("diff", "--latex", "\\frac{1}{1+e^{-x}}", "--wrt", "x");
        assertEquals(0, r.code(), r.err());
        assertEquals("sigmoid(x)*(1 - sigmoid(x))", r.out());
    }

    @Test
    void gradReadsSubscriptsAsNames() {
        Run r = run("grad", "--latex", "\\operatorname{LeakyReLU}(W_{2}\\tanh(W_{1}x+b_{1})+b_{2})", "--wrt", "b2");
        assertEquals(0, r.code(), r.err());
        assertEquals("d/db2 = if(W2*tanh(W1*x + b1) + b2 > 0, 1, 1/100)", r.out());
    }

    @Test
    void simplifyAndEvalReadLatex() {
        assertEquals("x", run("simplify", "--latex", "\\frac{x^{2}}{x}").out());
        assertEquals("2.5", run("eval", "--latex", "\\sigma(0) + \\sqrt{4}").out());
    }

    @Test
    void latexErrorsPointIntoTheSource() {
        Run r = run("diff", "--latex", "\\frac{1}{1+", "--wrt", "x");
        assertEquals(2, r.code());
        assertEquals("error: unbalanced braces: '{' is never closed at line 1, column 9\n  \\frac{1}{1+\n          ^", r.err());
    }
}
