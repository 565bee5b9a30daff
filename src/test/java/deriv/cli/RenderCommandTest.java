package deriv.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.parse.DerivException;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void withoutAnOutputFileItPrintsTheLatex() {
        Run r = run("render", "sigmoid(W*x + b)*(1 - sigmoid(W*x + b))");
        assertEquals(0, r.code, r.err);
        assertEquals("\\sigma(W x + b) \\cdot (1 - \\sigma(W x + b))\n", r.out.replace("\r\n", "\n"));
        Run defs = run("render", "m := W1*x + b1; tanh(m)^2");
        assertEquals("""
            \\begin{aligned}
            m & := W_{1} x + b_{1} \\\\
            & \\tanh^{2}(m)
            \\end{aligned}
            """, defs.out.replace("\r\n", "\n"));
    }

    @Test
    void writesPngSvgAndPdfAndPrintsTheLatexOnlyWhenAsked() throws Exception {
        Path png = dir.resolve("e.png"), svg = dir.resolve("e.svg"), pdf = dir.resolve("e.pdf");
        Run r = run("render", "x^2/(1 + exp(-x))", "--png", png.toString(), "--svg", svg.toString(), "--pdf", pdf.toString(),
                    "--scale", "3", "--page", "letter");
        assertEquals(0, r.code, r.err);
        assertEquals("", r.out);
        assertArrayEquals(PNG, Arrays.copyOf(Files.readAllBytes(png), 4));
        assertTrue(Files.readString(svg).contains("<path"));
        assertEquals("%PDF-", new String(Arrays.copyOf(Files.readAllBytes(pdf), 5)));
        Run both = run("render", "x^2", "--png", png.toString(), "--format", "latex");
        assertEquals("x^{2}", both.out.strip());
    }

    @Test
    void badOutputsAreOneClearMessageAndExitCodeTwo() throws Exception {
        Run missing = run("render", "x", "--png", dir.resolve("no/such/dir/x.png").toString());
        assertEquals(2, missing.code);
        assertTrue(missing.err.startsWith("error: cannot write ") && missing.err.contains("no such directory"), missing.err);
        Run folder = run("render", "x", "--pdf", dir.toString());
        assertEquals(2, folder.code);
        assertTrue(folder.err.contains("it is a directory"), folder.err);
        Run scale = run("render", "x", "--png", dir.resolve("x.png").toString(), "--scale", "-1");
        assertEquals(2, scale.code);
        assertTrue(scale.err.contains("--scale"), scale.err);
        Run page = run("render", "x", "--pdf", dir.resolve("x.pdf").toString(), "--page", "a5");
        assertEquals(2, page.code);
        assertTrue(page.err.contains("--page"), page.err);
        assertTrue(!missing.err.contains("Exception") && !folder.err.contains("at deriv."), missing.err + folder.err);
    }

    /** A command that includes the mixin, as diff, grad and simplify do. */
    @CommandLine.Command(name = "demo")
    static final class Demo implements Runnable {
        @CommandLine.Mixin RenderOptions render;
        public void run() {}
    }

    @Test
    void theMixinRendersDerivationsToTheFilesAskedFor() throws Exception {
        Demo demo = new Demo();
        Path png = dir.resolve("d.png"), pdf = dir.resolve("d.pdf");
        new CommandLine(demo).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--png", png.toString(), "--pdf", pdf.toString(), "--page", "A4");
        Parsed p = Parsing.program("(w3*sigmoid(w2*sigmoid(w1*x + b1) + b2) + b3 - y)^2");
        List<Derivation> grad = List.of("w1", "b3").stream()
            .map(v -> Differentiator.derive(p.program().body(), List.of(v), p.program().definitions())).toList();
        assertTrue(demo.render.any());
        demo.render.render(grad, true);
        assertTrue(Files.size(png) > 2000);
        assertTrue(Files.size(pdf) > 2000);
        Demo none = new Demo();
        new CommandLine(none).parseArgs();
        none.render.render(grad.getFirst(), false);
        try {
            RenderOptions.save(dir, new byte[1]);
        } catch (DerivException e) {
            assertTrue(e.getMessage().contains("directory"));
            return;
        }
        throw new AssertionError("saving over a directory must fail");
    }
}
