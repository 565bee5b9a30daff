package deriv.bench;

import deriv.codegen.Workloads;
import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Step;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import java.util.Arrays;
import java.util.List;

/**
 * W2 of BASELINES.md: the gradient of the scalarised MLP loss (4 -> 8 sigmoid -> 8 tanh -> 1,
 * squared error, 121 parameters) with respect to every parameter, raw (no simplification), warm.
 * Prints the median of several runs, for one Differentiator reused over all parameters and for a
 * fresh one per parameter (as the grad command does).
 *
 * <pre>
 * mvn -o -Dderiv.build=target-x test-compile
 * java -cp target-x/classes:target-x/test-classes deriv.bench.DiffBench [runs]
 * </pre>
 * Not a unit test: the pom keeps bench/ out of Surefire.
 */
public final class DiffBench {
    private DiffBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Workloads.Mlp mlp = Workloads.mlpLoss();
        Expr loss = mlp.loss();
        List<String> params = mlp.params();
        System.out.printf("W2 loss: %d nodes, %d parameters%n", Exprs.size(loss), params.size());

        long cold0 = System.nanoTime();
        long sink = gradientFresh(loss, params);
        System.out.printf("gradient, first run in this JVM (cold): %.1f ms%n", (System.nanoTime() - cold0) / 1e6);
        // warm-up, then timed runs
        for (int i = 0; i < 5; i++) sink += gradientShared(loss, params) + gradientFresh(loss, params);
        // wall time, and this thread's CPU time (steadier on a shared machine)
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] shared = new long[runs], fresh = new long[runs], sharedCpu = new long[runs], freshCpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            sink += gradientShared(loss, params);
            long c1 = cpu.getCurrentThreadCpuTime(), t1 = System.nanoTime();
            sink += gradientFresh(loss, params);
            long c2 = cpu.getCurrentThreadCpuTime(), t2 = System.nanoTime();
            shared[i] = t1 - t0;
            fresh[i] = t2 - t1;
            sharedCpu[i] = c1 - c0;
            freshCpu[i] = c2 - c1;
        }
        System.out.printf("gradient, one Differentiator for all 121: median %.1f ms wall (min %.1f), %.1f ms CPU%n",
            median(shared), min(shared), median(sharedCpu));
        System.out.printf("gradient, Differentiator.derive per parameter: median %.1f ms wall (min %.1f), %.1f ms CPU%n",
            median(fresh), min(fresh), median(freshCpu));
        // the loss as the command line sees it: parsed from its printed text, so no node is shared
        Expr parsed = deriv.parse.Parsing.expr(deriv.expr.Printer.print(loss));
        long[] fromText = new long[runs], fromTextCpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            sink += gradientFresh(parsed, params);
            fromText[i] = System.nanoTime() - t0;
            fromTextCpu[i] = cpu.getCurrentThreadCpuTime() - c0;
        }
        System.out.printf("gradient of the parsed loss (no shared nodes), derive per parameter: median %.1f ms wall (min %.1f), %.1f ms CPU%n",
            median(fromText), min(fromText), median(fromTextCpu));
        System.out.printf("gradient size: %d tree nodes in all; %d steps (checksum %d)%n",
            totalSize(loss, params), totalSteps(loss, params), sink);
    }

    /** Sum of the sizes of all partials (a cheap checksum that keeps the work alive). */
    private static long gradientShared(Expr loss, List<String> params) {
        Differentiator d = new Differentiator(Definitions.EMPTY);
        long n = 0;
        for (String p : params) n += d.differentiate(loss, p).substeps().size();
        return n;
    }

    private static long gradientFresh(Expr loss, List<String> params) {
        long n = 0;
        for (String p : params) n += Differentiator.derive(loss, List.of(p), Definitions.EMPTY).steps().size();
        return n;
    }

    private static long totalSize(Expr loss, List<String> params) {
        long n = 0;
        for (String p : params) n += Exprs.size(Differentiator.derive(loss, List.of(p), Definitions.EMPTY).result());
        return n;
    }

    private static long totalSteps(Expr loss, List<String> params) {
        long n = 0;
        for (String p : params) {
            Derivation d = Differentiator.derive(loss, List.of(p), Definitions.EMPTY);
            for (Step s : d.steps()) n += s.count();
        }
        return n;
    }

    private static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double min(long[] xs) {
        return Arrays.stream(xs).min().orElse(0) / 1e6;
    }
}
