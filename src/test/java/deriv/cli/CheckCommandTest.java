package deriv.cli;

import static deriv.cli.DiffCommandTest.run;
import static org.junit.jupiter.api.Assertions.*;

import deriv.cli.DiffCommandTest.JsonReader;
import deriv.cli.DiffCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command through {@link Main#run}: exit codes, text and JSON reports, chains, errors, rendering. */
class CheckCommandTest {
    @TempDir Path dir;

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test void exitCodesOfClaims() {
        assertEquals(0, run("check", "x^2*sin(x)", "2*x*sin(x) + x^2*cos(x)", "--wrt", "x").code());
        assertEquals(1, run("check", "x^2*sin(x)", "2*x*cos(x)", "--wrt", "x").code());
        assertEquals(0, run("check", "tanh(u)", "1 - tanh(u)^2", "--wrt", "u").code());
        assertEquals(1, run("check", "1/(1+x)", "1/(1+x)^2", "--wrt", "x").code());
    }

    @Test void textReportOfAWrongClaim() {
        Run r = run("check", "sigmoid(x)", "-1/(1+e^-x)^2", "--wrt", "x");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("NOT VALID"), r.out());
        assertTrue(r.out().contains("counterexample at x = "), r.out());
        assertTrue(r.out().contains("claimed - correct = "), r.out());
        assertTrue(r.out().contains("hint: missing chain-rule factor"), r.out());
    }

    @Test void jsonReportOfAWrongClaim() {
        Run r = run("check", "x^2*sin(x)", "2*x*cos(x)", "--wrt", "x", "--format", "json");
        assertEquals(1, r.code());
        Map<String, Object> j = JsonReader.object(r.out());
        assertEquals(false, j.get("valid"));
        assertEquals("numeric", j.get("method"));
        Map<?, ?> c = (Map<?, ?>) j.get("counterexample");
        assertTrue(((Map<?, ?>) c.get("point")).containsKey("x"));
        double x = (Double) ((Map<?, ?>) c.get("point")).get("x");
        assertEquals(2 * x * Math.sin(x) + x * x * Math.cos(x), (Double) c.get("expected"), 1e-12);
        assertEquals(2 * x * Math.cos(x), (Double) c.get("claimed"), 1e-12);
        assertTrue(((String) j.get("difference")).startsWith("claimed - correct = "));
        assertTrue(((String) j.get("hint")).contains("product rule"));
    }

    @Test void jsonReportOfAValidClaim() {
        Map<String, Object> j = JsonReader.object(run("check", "x^3", "3*x^2", "--wrt", "x", "--format", "json").out());
        assertEquals(true, j.get("valid"));
        assertEquals("symbolic", j.get("method"));
        assertNull(j.get("counterexample"));
    }

    @Test void claimMayUseTheFunctionsDefinitions() {
        assertEquals(0, run("check", "u := 3*x + 1; u^2", "6*u", "--wrt", "x").code());
        Run r = run("check", "u := 3*x + 1; u^2", "6*u +", "--wrt", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at line 1, column"), r.err());
        assertTrue(r.err().contains("6*u +"), r.err());
    }

    @Test void badInputIsExitTwo() {
        assertEquals(2, run("check", "x^2", "2*x").code(), "--wrt missing");
        assertEquals(2, run("check", "x^2", "--wrt", "x").code(), "claim missing");
        assertEquals(2, run("check", "x^2 +", "2*x", "--wrt", "x").code());
        assertEquals(2, run("check", "--chain", dir.resolve("missing.txt").toString()).code());
        Run r = run("check", "x^2", "2*x +* 1", "--wrt", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("^") && !r.err().contains("Exception"), r.err());
    }

    @Test void chainJsonShape() throws IOException {
        Path p = file("c.txt", "u := 3*x + 1\ndiff(u^2, x)\n2*u*diff(u, x)\n2*u*3\n6*u + 1\n");
        Run r = run("check", "--chain", p.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        Map<String, Object> j = JsonReader.object(r.out());
        assertEquals(false, j.get("valid"));
        List<?> steps = (List<?>) j.get("steps");
        assertEquals(3, steps.size());
        Map<?, ?> third = (Map<?, ?>) steps.get(2);
        assertEquals(3.0, ((Number) third.get("from")).doubleValue());
        assertEquals(4.0, ((Number) third.get("to")).doubleValue());
        assertEquals(false, third.get("valid"));
        assertNotNull(third.get("counterexample"));
        assertEquals(true, ((Map<?, ?>) steps.get(0)).get("valid"));
    }

    @Test void chainTextMarksTheFirstWrongStepAndTheSlip() throws IOException {
        Path p = file("c.txt", "diff(exp(2*t), t)\nexp(2*t)\n2*exp(2*t)\n");
        Run r = run("check", "--chain", p.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("<-- first wrong step"), r.out());
        assertTrue(r.out().contains("line 2 looks like a slip"), r.out());
        assertEquals(0, run("check", "--chain", file("ok.txt", "diff(x^3, x)\n3*x^2\n").toString()).code());
    }

    @Test void chainErrorsCarryTheFilesLineNumbers() throws IOException {
        Path p = file("c.txt", "# derivation\nx^2\n\nx*x +\n");
        Run r = run("check", "--chain", p.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at line 4"), r.err());
    }

    @Test void latexChainFile() throws IOException {
        Path p = file("d.tex", "$$ \\frac{d}{dx} \\sigma(x) = \\sigma(x) (1 - \\sigma(x)) = -\\frac{1}{(1+e^{-x})^2} $$");
        Run r = run("check", "--chain", p.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        Map<String, Object> j = JsonReader.object(r.out());
        Map<?, ?> second = (Map<?, ?>) ((List<?>) j.get("steps")).get(1);
        assertEquals(false, second.get("valid"));
        assertTrue(((String) second.get("toSource")).contains("\\frac{1}"));
        // --latex reads a file of any name, and claims
        Path q = file("d.txt", "$$ \\frac{d}{dx} x^2 = 2x $$");
        assertEquals(0, run("check", "--chain", q.toString(), "--latex").code());
        assertEquals(0, run("check", "--latex", "\\tanh(W_1 x)", "(1 - \\tanh^2(W_1 x)) x", "--wrt", "W_1").code());
    }

    @Test void rendersTheCheckedChain() throws IOException {
        Path p = file("c.txt", "diff(exp(2*t), t)\nexp(2*t)\n2*exp(2*t)\n");
        Path png = dir.resolve("c.png"), svg = dir.resolve("c.svg"), pdf = dir.resolve("c.pdf");
        Run r = run("check", "--chain", p.toString(), "--png", png.toString(), "--svg", svg.toString(), "--pdf", pdf.toString());
        assertEquals(1, r.code(), r.err());
        byte[] b = Files.readAllBytes(png);
        assertEquals((byte) 0x89, b[0]);
        assertTrue(b.length > 2000);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5).startsWith("%PDF-"));
        Path one = dir.resolve("one.png");
        assertEquals(1, run("check", "sigmoid(x)", "-1/(1+e^-x)^2", "--wrt", "x", "--png", one.toString()).code());
        assertTrue(Files.size(one) > 2000);
    }
}
