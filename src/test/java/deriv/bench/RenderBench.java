package deriv.bench;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Step;
import deriv.latex.DerivationLatex;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import deriv.render.Renderer;
import deriv.render.Sheet;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 5's figure: a derivation of about 30 steps rendered to PDF (every step, LaTeX to PDF
 * bytes), warm. Prints the median of several runs in wall and CPU time, and PNG and SVG alongside.
 *
 * <pre>
 * mvn -o -Dderiv.build=target-x test-compile
 * java -Djava.awt.headless=true -cp target-x/classes:target-x/test-classes:$(cat cp.txt) deriv.bench.RenderBench [runs [simplified]]
 * </pre>
 * Not a unit test: the pom keeps bench/ out of Surefire.
 */
public final class RenderBench {
    private RenderBench() {}

    /** Cross-entropy of a one-hidden-layer network with weight decay, by w1: 31 steps counting sub-steps (raw). */
    static final String PROBLEM =
        "-(y*ln(sigmoid(w2*tanh(w1*x + b1) + b2)) + (1 - y)*ln(1 - sigmoid(w2*tanh(w1*x + b1) + b2))) + 0.01*w1^2";

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Parsed p = Parsing.program(PROBLEM);
        Derivation d = args.length > 1 && args[1].equals("simplified") ? deriv.Deriv.diff(p, List.of("w1"), true)
                     : Differentiator.derive(p.program().body(), List.of("w1"), p.program().definitions());
        int steps = d.steps().stream().mapToInt(Step::count).sum();
        Renderer.Settings s = Renderer.Settings.DEFAULT;
        System.out.printf("%s by w1: %d steps, %d lines%n", PROBLEM, steps, sheet(d, s).blocks().getFirst().size());

        long c0 = System.nanoTime();
        byte[] first = pdf(d, s);
        System.out.printf("first PDF in this JVM (cold): %.0f ms, %d bytes%n", (System.nanoTime() - c0) / 1e6, first.length);
        for (int i = 0; i < 5; i++) { pdf(d, s); Renderer.png(sheet(d, s), s); Renderer.svg(sheet(d, s), s); }

        var cpu = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs], cpuTime = new long[runs], png = new long[runs], svg = new long[runs];
        long sink = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime(), u0 = cpu.getCurrentThreadCpuTime();
            sink += pdf(d, s).length;
            wall[i] = System.nanoTime() - t0;
            cpuTime[i] = cpu.getCurrentThreadCpuTime() - u0;
            long t1 = System.nanoTime();
            sink += Renderer.png(sheet(d, s), s).length;
            png[i] = System.nanoTime() - t1;
            long t2 = System.nanoTime();
            sink += Renderer.svg(sheet(d, s), s).length();
            svg[i] = System.nanoTime() - t2;
        }
        System.out.printf("PDF, warm: median %.0f ms wall (min %.0f), %.0f ms CPU%n", median(wall), min(wall), median(cpuTime));
        System.out.printf("PNG, warm: median %.0f ms wall; SVG: median %.0f ms wall (checksum %d)%n", median(png), median(svg), sink);
    }

    static Sheet sheet(Derivation d, Renderer.Settings s) {
        DerivationLatex.Options o = new DerivationLatex.Options(true, s.pageWidthEm(), true);
        return new Sheet(DerivationLatex.title(List.of(d)), List.of(DerivationLatex.lines(d, o)));
    }

    static byte[] pdf(Derivation d, Renderer.Settings s) {
        return Renderer.pdf(sheet(d, s), s, DerivationLatex.plainTitle(List.of(d)));
    }

    private static double median(long[] ns) {
        long[] c = ns.clone();
        Arrays.sort(c);
        return c[c.length / 2] / 1e6;
    }

    private static double min(long[] ns) { return Arrays.stream(ns).min().orElse(0) / 1e6; }
}
