package deriv.bench;

import deriv.codegen.CompiledFunction;
import deriv.codegen.DagInterpreter;
import deriv.codegen.GradProgram;
import deriv.codegen.JvmCompiler;
import deriv.codegen.Workloads;
import deriv.diff.Differentiator;
import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * W2 (BASELINES.md): loss, and loss plus its 121 partials, per point. Compiled evaluator (hidden
 * class) against a hand-written Java backward pass, the DAG interpreter and the tree-walking
 * {@link Evaluator} (on the loss, and on the loss plus the 121 symbolic partials).
 *
 * <pre>
 * python3 scripts/codegen_bench.py           # runs this and SymPy in the same run, prints the table
 * </pre>
 * Not a unit test: the pom keeps bench/ out of Surefire.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
public class CodegenBench {
    static final int POINTS = 256;
    static final int SLOW_POINTS = 2;

    CompiledFunction compiled;
    DagInterpreter interpreter;
    HandMlp hand;
    double[][] points;
    double[] grad;
    Expr loss;
    List<Expr> partials;
    List<Map<String, Double>> bindings;

    @Setup public void setup() {
        Workloads.Mlp m = Workloads.mlpLoss();
        List<String> params = new ArrayList<>(m.params());
        params.addAll(m.inputs());
        GradProgram p = GradProgram.of(m.loss(), Definitions.EMPTY, params, m.params());
        JvmCompiler.Compiled c = JvmCompiler.compile(p);
        if (c.interpreted() || c.reason() != null) throw new IllegalStateException("not compiled: " + c.reason());
        compiled = c.function();
        interpreter = new DagInterpreter(p);
        hand = new HandMlp();
        Random r = new Random(42);
        points = new double[POINTS][params.size()];
        for (double[] x : points) for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * 0.7;
        grad = new double[m.params().size()];
        // the hand-written pass must compute what the compiled one computes
        double[] g1 = new double[grad.length], g2 = new double[grad.length];
        for (double[] x : points) {
            double v1 = compiled.valueAndGradient(x, g1), v2 = hand.lossAndGradient(x, g2);
            if (Math.abs(v1 - v2) > 1e-9 * Math.max(1, Math.abs(v1))) throw new IllegalStateException("loss " + v1 + " vs " + v2);
            for (int k = 0; k < g1.length; k++) {
                if (Math.abs(g1[k] - g2[k]) > 1e-9 * Math.max(1, Math.abs(g1[k]))) {
                    throw new IllegalStateException(m.params().get(k) + ": " + g1[k] + " vs " + g2[k]);
                }
            }
        }
        loss = m.loss();
        Differentiator d = new Differentiator();
        partials = new ArrayList<>();
        for (String v : m.params()) partials.add(d.differentiate(loss, v).after());
        bindings = new ArrayList<>();
        for (int i = 0; i < SLOW_POINTS; i++) {
            Map<String, Double> at = new HashMap<>();
            for (int k = 0; k < params.size(); k++) at.put(params.get(k), points[i][k]);
            bindings.add(at);
        }
    }

    @Benchmark @OperationsPerInvocation(POINTS) public double compiledLoss() {
        double s = 0;
        for (double[] x : points) s += compiled.value(x);
        return s;
    }

    @Benchmark @OperationsPerInvocation(POINTS) public double compiledLossAndGradient() {
        double s = 0;
        for (double[] x : points) s += compiled.valueAndGradient(x, grad) + grad[0];
        return s;
    }

    @Benchmark @OperationsPerInvocation(POINTS) public double handLoss() {
        double s = 0;
        for (double[] x : points) s += hand.loss(x);
        return s;
    }

    @Benchmark @OperationsPerInvocation(POINTS) public double handLossAndGradient() {
        double s = 0;
        for (double[] x : points) s += hand.lossAndGradient(x, grad) + grad[0];
        return s;
    }

    @Benchmark @OperationsPerInvocation(POINTS) public double dagInterpreterLossAndGradient() {
        double s = 0;
        for (double[] x : points) s += interpreter.valueAndGradient(x, grad) + grad[0];
        return s;
    }

    @Benchmark @OperationsPerInvocation(SLOW_POINTS) public double evaluatorLoss() {
        double s = 0;
        for (Map<String, Double> at : bindings) s += Evaluator.eval(loss, at);
        return s;
    }

    @Benchmark @OperationsPerInvocation(SLOW_POINTS) @Warmup(iterations = 2, time = 1) @Measurement(iterations = 3, time = 2)
    public double evaluatorLossAndSymbolicGradient() {
        double s = 0;
        for (Map<String, Double> at : bindings) {
            s += Evaluator.eval(loss, at);
            for (Expr e : partials) s += Evaluator.eval(e, at);
        }
        return s;
    }
}
