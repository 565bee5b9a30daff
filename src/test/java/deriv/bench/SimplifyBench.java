package deriv.bench;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.Parsing;
import deriv.simplify.Simplifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simplifier's speed target of issue 4: the four raw partials of
 * {@code LeakyReLU(w2*tanh(w1*x+b1)+b2)} simplified together, warm, in under 5 ms. Prints the
 * median and minimum over many runs, wall and this thread's CPU time (steadier on a shared machine),
 * and the same for differentiation plus simplification.
 *
 * <pre>
 * mvn -o -Dderiv.build=target-x test-compile
 * java -cp "target-x/classes:target-x/test-classes:target-x/lib/*" deriv.bench.SimplifyBench [seconds of warm-up]
 * </pre>
 * Not a unit test: the pom keeps bench/ out of Surefire.
 */
public final class SimplifyBench {
    private SimplifyBench() {}

    public static void main(String[] args) {
        double warm = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Expr f = Parsing.expr("LeakyReLU(w2*tanh(w1*x+b1)+b2)");
        List<String> wrt = List.of("w1", "b1", "w2", "b2");
        List<Derivation> raws = new ArrayList<>();
        for (String v : wrt) raws.add(Differentiator.derive(f, List.of(v), Definitions.EMPTY));

        Runnable simplifyAll = () -> { for (Derivation d : raws) Simplifier.simplify(d); };
        Runnable diffAndSimplify = () -> {
            for (String v : wrt) Simplifier.simplify(Differentiator.derive(f, List.of(v), Definitions.EMPTY));
        };
        long end = System.nanoTime() + (long) (warm * 1e9);
        while (System.nanoTime() < end) { simplifyAll.run(); diffAndSimplify.run(); }

        report("simplify the 4 partials", simplifyAll, 2000);
        report("diff + simplify the 4 partials", diffAndSimplify, 2000);
        for (Derivation d : raws) System.out.println("  " + Printer.print(Simplifier.simplify(d).result()));
    }

    private static void report(String what, Runnable work, int runs) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs], cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            work.run();
            wall[i] = System.nanoTime() - t0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%s, warm: median %.3f ms wall (min %.3f), median %.3f ms CPU (min %.3f), %d runs%n",
            what, wall[runs / 2] / 1e6, wall[0] / 1e6, cpu[runs / 2] / 1e6, cpu[0] / 1e6, runs);
    }
}
