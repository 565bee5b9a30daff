package deriv.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deriv codegen} and {@code deriv gradcheck}: options, files, exit codes, messages. */
class CodegenCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir Path dir;

    @Test void pythonByDefault() {
        Run r = run("codegen", "(W*x + b - y)^2", "--wrt", "W,b");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("def f(W, x, b, y):"), r.out());
        assertTrue(r.out().contains("def grad_f(W, x, b, y):"), r.out());
        assertTrue(r.out().contains("import numpy as np"));
        assertFalse(r.out().contains("__main__"), "no program without --main");
    }

    @Test void eachLanguageHasItsEntryPoints() {
        Run c = run("codegen", "sigmoid(w*x)", "--lang", "c", "--main");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("double f(double w, double x)"), c.out());
        assertTrue(c.out().contains("void grad_f(double w, double x, double *out)"), c.out());
        assertTrue(c.out().contains("int main(int argc, char **argv)"));
        Run j = run("codegen", "sigmoid(w*x)", "--lang", "JAVA", "--wrt", "w");
        assertEquals(0, j.code(), j.err());
        assertTrue(j.out().contains("public final class Gen {"), j.out());
        assertTrue(j.out().contains("public static double f(double w, double x)"));
        assertTrue(j.out().contains("public static double[] gradF(double w, double x)"));
    }

    @Test void varsSetTheParameterOrder() {
        Run r = run("codegen", "a*b + c", "--vars", "c,b,a,d", "--lang", "c");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("double f(double c, double b, double a, double d)"), r.out());
        assertTrue(r.out().contains("in this order: c, b, a, d."), "default wrt: every parameter");
    }

    @Test void outWritesAFileAndNamesTheJavaClass() throws Exception {
        Path java = dir.resolve("Loss.java");
        Run r = run("codegen", "tanh(w*x)", "--out", java.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        String text = Files.readString(java);
        assertTrue(text.contains("public final class Loss {"), "language from the extension, class from the name");
        Path py = dir.resolve("loss.py");
        assertEquals(0, run("codegen", "tanh(w*x)", "--out", py.toString()).code());
        assertTrue(Files.readString(py).contains("def grad_f(w, x):"));
    }

    @Test void programsWithDefinitionsAndGreekNames() throws Exception {
        Path f = dir.resolve("model.txt");
        Files.writeString(f, "m := θ*x + b\n(tanh(m) - y)^2\n");
        Run r = run("codegen", "-f", f.toString(), "--wrt", "θ,b", "--lang", "python");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("def grad_f(theta, x, b, y):"), r.out());
    }

    @Test void badInputIsOneMessageAndExitTwo() {
        Run lang = run("codegen", "x*y", "--lang", "rust");
        assertEquals(2, lang.code());
        assertEquals("error: unknown --lang 'rust': expected java, python or c", lang.err().strip());
        Run wrt = run("codegen", "x*y", "--wrt", "z");
        assertEquals(2, wrt.code());
        assertEquals("error: --wrt: 'z' is not a variable of the expression (its variables: x, y)", wrt.err().strip());
        Run twice = run("codegen", "x*y", "--wrt", "x,x");
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("'x' is listed twice"), twice.err());
        Run vars = run("codegen", "x*y", "--vars", "x");
        assertEquals(2, vars.code());
        assertTrue(vars.err().startsWith("error: --vars: 'y' is a variable of the expression but not among the parameters (x) at line 1, column 3"), vars.err());
        assertTrue(vars.err().contains("    ^"), "a caret under y");
        Run inter = run("codegen", "m := x*y\nm^2", "--wrt", "m");
        assertEquals(2, inter.code());
        assertTrue(inter.err().contains("'m' is an intermediate"), inter.err());
        Run cls = run("codegen", "x", "--out", dir.resolve("my-gen.java").toString());
        assertEquals(2, cls.code());
        assertTrue(cls.err().contains("'my-gen' is not a usable Java class name"), cls.err());
        Run syntax = run("codegen", "x*(y");
        assertEquals(2, syntax.code());
        assertFalse(syntax.err().contains("Exception"), syntax.err());
    }

    @Test void gradcheckPasses() {
        Run r = run("gradcheck", "LeakyReLU(W2*tanh(W1*x+b1)+b2) + (y - W1*x)^2", "--wrt", "W1,b1,W2,b2", "--points", "20");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("gradcheck passed: 20 points, 80 partials compared"), r.out());
        assertTrue(r.out().contains("worst: df/d"), r.out());
        // kinks are avoided: abs, relu, max and a piecewise condition
        Run k = run("gradcheck", "abs(x - y) + relu(x) * max(x, y) + if(x > y^2, x, y)", "--points", "50", "--seed", "7");
        assertEquals(0, k.code(), k.out() + k.err());
    }

    @Test void gradcheckFailsWhereCentralDifferencesCannotFollow() {
        // sin(10^6 x): a step of 1e-6 spans a whole radian, so the difference quotient is far off
        Run r = run("gradcheck", "sin(1000000*x)", "--points", "5");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("gradcheck FAILED"), r.out());
        assertTrue(r.out().contains("worst: df/dx at x="), r.out());
    }

    @Test void gradcheckWithoutUsablePoints() {
        Run r = run("gradcheck", "ln(-x^2 - 1)");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: gradcheck: found no point where f is finite"), r.err());
        assertEquals(2, run("gradcheck", "x^2", "--points", "0").code());
    }
}
