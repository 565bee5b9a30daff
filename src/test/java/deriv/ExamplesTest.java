package deriv;

import static org.junit.jupiter.api.Assertions.*;

import deriv.cli.Assignments;
import deriv.diff.Derivation;
import deriv.eval.FiniteDifference;
import deriv.eval.Sampler;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import deriv.parse.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden expectations of every program in examples/. An expectation is a comment line:
 * <pre>
 * # expect: d/dW [of EXPR] = TEXT            the simplified derivative, printed exactly
 * # expect: d/dW [of EXPR] at x=1,W=2 = NUM  its value (relative 1e-12)
 * # expect: value [of EXPR] at x=1 = NUM     the value of the expression
 * </pre>
 * Every derivative named in an expectation is also checked against central differences.
 */
class ExamplesTest {
    private static final Pattern EXPECT = Pattern.compile(
        "#\\s*expect:\\s*(?:d/d(?<var>[\\p{L}_][\\p{L}\\p{N}_]*)|(?<value>value))(?:\\s+of\\s+(?<of>.+?))?(?:\\s+at\\s+(?<at>\\S+))?\\s+=\\s+(?<want>.+)$");

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            files = s.filter(p -> p.toString().endsWith(".deriv")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples found");
        for (Path f : files) {
            String text = Files.readString(f);
            int n = 0;
            for (String line : text.lines().toList()) {
                if (!line.contains("expect:")) continue;
                Matcher m = EXPECT.matcher(line.strip());
                assertTrue(m.matches(), f + ": malformed expectation: " + line);
                n++;
                tests.add(DynamicTest.dynamicTest(f.getFileName() + ": " + line.strip().substring(1).strip(), () -> check(text, m)));
            }
            assertTrue(n > 0, f + " has no expectations");
        }
        return tests.stream();
    }

    private static void check(String program, Matcher m) {
        String of = m.group("of");
        Parsed parsed = Deriv.parse(of == null ? program : program + "\n" + of);
        String want = m.group("want").strip();
        String at = m.group("at");
        if (m.group("value") != null) {
            double got = Deriv.eval(parsed, parsed.program().body(), Assignments.parse(at));
            assertClose(Double.parseDouble(want), got);
            return;
        }
        String var = m.group("var");
        Derivation d = Deriv.diff(parsed, List.of(var), true);
        if (at == null) {
            assertEquals(want, Printer.print(d.result()));
        } else {
            Map<String, Double> point = Assignments.parse(at);
            assertClose(Double.parseDouble(want), Deriv.eval(parsed, d.result(), point));
            assertClose(FiniteDifference.derivative(parsed.program().body(), parsed.program().definitions(), point, var),
                Deriv.eval(parsed, d.result(), point), 1e-6);
        }
        // and at random points away from kinks, against central differences
        var defs = parsed.program().definitions();
        List<String> vars = Exprs.freeVars(defs.expand(parsed.program().body()));
        Sampler sampler = new Sampler(List.of(parsed.program().body(), d.result()), defs, vars, 7);
        for (int i = 0; i < 10; i++) {
            Map<String, Double> p = sampler.next(100);
            assertNotNull(p, "no sample point found");
            assertClose(FiniteDifference.derivative(parsed.program().body(), defs, p, var), Deriv.eval(parsed, d.result(), p), 1e-6);
        }
    }

    private static void assertClose(double want, double got) { assertClose(want, got, 1e-12); }

    private static void assertClose(double want, double got, double tol) {
        assertTrue(Math.abs(want - got) <= tol * Math.max(1, Math.max(Math.abs(want), Math.abs(got))),
            "expected " + want + " but got " + got);
    }
}
