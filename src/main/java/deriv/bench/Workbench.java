package deriv.bench;

import static deriv.expr.Expr.*;

import deriv.Deriv;
import deriv.codegen.CompiledFunction;
import deriv.codegen.Dag;
import deriv.codegen.GradProgram;
import deriv.codegen.JvmCompiler;
import deriv.codegen.Workloads;
import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Taylor;
import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import deriv.latex.LatexPrinter;
import deriv.parse.Parsed;
import deriv.simplify.Simplifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The benchmark workloads of issue 9, run in-process with warm-up. Each returns a map of figures
 * (seconds for times, node counts, ns per point) ready for JSON.
 */
public final class Workbench {
    private final int runs;
    private final Consumer<String> progress;

    public Workbench(int runs, Consumer<String> progress) {
        this.runs = runs;
        this.progress = progress;
    }

    public static final List<String> NAMES = List.of("W1", "W2", "W3", "W4", "W5");

    public Map<String, Object> run(String name) {
        return switch (name) {
            case "W1" -> w1();
            case "W2" -> w2();
            case "W3" -> w3();
            case "W4" -> w4();
            case "W5" -> w5();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** W1: the four partials of LeakyReLU(w2*tanh(w1*x+b1)+b2), differentiated and simplified. */
    Map<String, Object> w1() {
        Parsed p = Deriv.parse("LeakyReLU(w2*tanh(w1*x+b1)+b2)");
        List<String> vars = List.of("w1", "b1", "w2", "b2");
        Map<String, Object> out = new LinkedHashMap<>();
        List<Expr> results = new ArrayList<>();
        for (String v : vars) results.add(Deriv.diff(p, List.of(v), true).result());
        out.put("time", Measure.summary(Measure.timesWarm(1.0, runs, () -> {
            for (String v : vars) Deriv.diff(p, List.of(v), true);
        })));
        List<Expr> raw = new ArrayList<>();
        for (String v : vars) raw.add(Deriv.diff(p, List.of(v), false).result());
        out.put("simplifyTime", Measure.summary(Measure.timesWarm(1.0, runs, () -> {
            for (Expr r : raw) Simplifier.simplify(r);
        })));
        long nodes = 0;
        Map<String, Object> partials = new LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            nodes += Exprs.size(results.get(i));
            partials.put(vars.get(i), deriv.expr.Printer.print(results.get(i)));
        }
        out.put("treeNodes", nodes);
        out.put("partials", partials);
        return out;
    }

    /** W2: the 121-parameter MLP: symbolic gradient + shared DAG, reverse-mode program, compile, evaluate 10,000 points. */
    Map<String, Object> w2() {
        Workloads.Mlp mlp = Workloads.mlpLoss();
        Expr loss = mlp.loss();
        List<String> params = mlp.params();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameters", params.size());
        out.put("lossTreeNodes", Exprs.size(loss));
        // symbolic: every partial by the rules, then all of them in one hash-consed DAG
        Runnable symbolic = () -> {
            Differentiator dx = new Differentiator();
            Dag dag = new Dag();
            for (String v : params) dag.build(dx.differentiate(loss, v).after(), Definitions.EMPTY);
        };
        out.put("gradientTime", Measure.summary(Measure.timesWarm(2.0, runs, symbolic)));
        Differentiator dx = new Differentiator();
        Dag dag = new Dag();
        long tree = 0;
        int[] roots = new int[params.size()];
        Map<Expr, Long> sizes = new IdentityHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Expr g = dx.differentiate(loss, params.get(i)).after();
            tree += Deriv.treeSize(g, sizes);
            roots[i] = dag.build(g, Definitions.EMPTY);
        }
        out.put("gradientTreeNodes", tree);
        out.put("gradientDagOps", dag.opCount(roots));
        // reverse mode on the DAG: loss and gradient as one straight-line program
        GradProgram prog = GradProgram.of(loss, Definitions.EMPTY, concat(mlp.inputs(), params), params);
        out.put("lossOps", prog.valueOps());
        out.put("lossPlusGradientOps", prog.totalOps());
        out.put("opsRatio", (double) prog.totalOps() / prog.valueOps());
        out.put("programTime", Measure.summary(Measure.timesWarm(1.0, runs,
            () -> GradProgram.of(loss, Definitions.EMPTY, concat(mlp.inputs(), params), params))));
        out.put("compileTime", Measure.summary(Measure.timesWarm(1.0, runs, () -> JvmCompiler.compile(prog))));
        JvmCompiler.Compiled compiled = JvmCompiler.compile(prog);
        out.put("compiledInJvm", !compiled.interpreted());
        CompiledFunction f = compiled.function();
        int n = 10_000;
        double[][] pts = points(n, prog.params().size(), 42);
        double[] values = new double[n];
        double[][] grads = new double[n][params.size()];
        double[] both = Measure.timesWarm(1.0, runs, () -> f.batch(pts, values, grads));
        double[] lossOnly = Measure.timesWarm(1.0, runs, () -> f.batch(pts, values, null));
        out.put("evalLossGradNsPerPoint", Measure.median(both) / n * 1e9);
        out.put("evalLossNsPerPoint", Measure.median(lossOnly) / n * 1e9);
        out.put("evalTimeRatio", Measure.median(both) / Measure.median(lossOnly));
        // the tree-walking interpreter on the loss alone, for scale
        Map<String, Double> at = new LinkedHashMap<>();
        for (int i = 0; i < prog.params().size(); i++) at.put(prog.params().get(i), pts[0][i]);
        double[] interp = Measure.timesWarm(0.5, runs, () -> { for (int i = 0; i < 100; i++) Evaluator.eval(loss, at); });
        out.put("interpreterLossNsPerPoint", Measure.median(interp) / 100 * 1e9);
        return out;
    }

    /**
     * W3: 10th derivatives of tan(x) and sigmoid(x) by the rules, simplified between orders; and of
     * six nested sines in Taylor mode (the rules' tree outgrows the node limit), its size reported
     * as DAG operations and as the tree it stands for.
     */
    Map<String, Object> w3() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> ten = java.util.Collections.nCopies(10, "x");
        for (String[] c : new String[][] {{"tan", "tan(x)"}, {"sigmoid", "sigmoid(x)"}}) {
            progress.accept("W3 " + c[0]);
            Parsed p = Deriv.parse(c[1]);
            Map<String, Object> m = new LinkedHashMap<>();
            Derivation d = Deriv.diff(p, ten, true);
            m.put("time", Measure.summary(Measure.times(1, runs, () -> Deriv.diff(p, ten, true))));
            m.put("treeNodes", Exprs.size(d.result()));
            Dag dag = new Dag();
            m.put("dagOps", dag.opCount(dag.build(d.result(), Definitions.EMPTY)));
            out.put(c[0], m);
        }
        progress.accept("W3 nestedSin");
        Expr nested = Deriv.parse("sin(sin(sin(sin(sin(sin(x))))))").program().body();
        Map<String, Object> m = new LinkedHashMap<>();
        // the rules' tree does not fit (millions of nodes after a few orders): Taylor mode on
        // hash-consed nodes works each order from the lower ones and keeps the result a small DAG
        m.put("method", "Taylor mode, hash-consed");
        long t0 = System.nanoTime();
        Expr first = Taylor.derivative(nested, "x", 10);
        m.put("coldTime", Measure.summary(new double[] {(System.nanoTime() - t0) / 1e9}));
        m.put("time", Measure.summary(Measure.times(3, runs, () -> Taylor.derivative(nested, "x", 10))));
        m.put("treeNodes", Deriv.treeSize(first, new IdentityHashMap<>()));
        Dag dag = new Dag();
        m.put("dagOps", dag.opCount(dag.build(first, Definitions.EMPTY)));
        m.put("valueAtHalf", Evaluator.eval(first, Map.of("x", 0.5)));
        out.put("nestedSin", m);
        return out;
    }

    /** W4: the logistic map l(n+1) = 4 l(n)(1 - l(n)), l(1) = x, and d l(n)/dx, written with intermediates. */
    Map<String, Object> w4() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int n : new int[] {5, 10, 20}) {
            StringBuilder prog = new StringBuilder("l1 := x\n");
            for (int i = 1; i < n; i++) prog.append("l").append(i + 1).append(" := 4*l").append(i).append("*(1 - l").append(i).append(")\n");
            prog.append("l").append(n);
            Parsed p = Deriv.parse(prog.toString());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", Measure.summary(Measure.timesWarm(0.5, runs, () -> Deriv.diff(p, List.of("x"), true))));
            Derivation d = Deriv.diff(p, List.of("x"), true);
            Dag dag = new Dag();
            int fRoot = dag.build(p.program().body(), p.program().definitions());
            int fOps = dag.opCount(fRoot);
            Dag dag2 = new Dag();
            int gRoot = dag2.build(d.result(), p.program().definitions());
            m.put("functionDagOps", fOps);
            m.put("derivativeDagOps", dag2.opCount(gRoot));
            m.put("derivative", deriv.expr.Printer.print(d.result()).length() > 200 ? "(long)" : deriv.expr.Printer.print(d.result()));
            out.put("n" + n, m);
        }
        return out;
    }

    /** W5: LaTeX of the whole W2 gradient in shared-subexpression form (one line per assignment). */
    Map<String, Object> w5() {
        Workloads.Mlp mlp = Workloads.mlpLoss();
        GradProgram prog = GradProgram.of(mlp.loss(), Definitions.EMPTY, concat(mlp.inputs(), mlp.params()), mlp.params());
        Map<String, Object> out = new LinkedHashMap<>();
        String latex = cseLatex(prog);
        out.put("time", Measure.summary(Measure.timesWarm(1.0, runs, () -> cseLatex(prog))));
        out.put("characters", latex.length());
        out.put("assignments", latex.lines().count());
        return out;
    }

    /** One {@code t_{i} = ...} line per DAG operation, then the gradient's entries. */
    static String cseLatex(GradProgram prog) {
        Dag dag = prog.dag();
        int[] order = dag.schedule(prog.roots());
        Map<Integer, Expr> names = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder();
        int t = 0;
        for (int id : order) {
            Dag.Node node = dag.node(id);
            switch (node.op()) {
                case CONST -> names.put(id, numberExpr(dag.constValue(id)));
                case INPUT -> names.put(id, var((String) node.payload()));
                default -> {
                    Expr e = nodeExpr(dag, node, names);
                    Expr name = var("t_" + (++t));
                    sb.append(LatexPrinter.print(name)).append(" &= ").append(LatexPrinter.print(e)).append(" \\\\\n");
                    names.put(id, name);
                }
            }
        }
        for (int i = 0; i < prog.wrt().size(); i++) {
            sb.append("\\frac{\\partial L}{\\partial ").append(LatexPrinter.name(prog.wrt().get(i))).append("} &= ")
              .append(LatexPrinter.print(names.get(prog.gradient(i)))).append(" \\\\\n");
        }
        return sb.toString();
    }

    private static Expr nodeExpr(Dag dag, Dag.Node n, Map<Integer, Expr> names) {
        java.util.function.IntFunction<Expr> a = i -> names.get(n.arg(i));
        return switch (n.op()) {
            case ADD -> add(a.apply(0), a.apply(1));
            case SUB -> sub(a.apply(0), a.apply(1));
            case MUL -> mul(a.apply(0), a.apply(1));
            case DIV -> div(a.apply(0), a.apply(1));
            case NEG -> neg(a.apply(0));
            case POWC -> pow(a.apply(0), (Num) n.payload());
            case POW -> pow(a.apply(0), a.apply(1));
            case CALL -> {
                List<Expr> args = new ArrayList<>();
                for (int i = 0; i < n.args().length; i++) args.add(a.apply(i));
                yield new Call(((Fn) n.payload()).name(), args);
            }
            case CMP -> sub(a.apply(0), a.apply(1));
            case SELECT -> {
                Dag.Node c = dag.node(n.arg(0));
                Cond cond = new Cond(names.get(c.arg(0)), (Rel) c.payload(), names.get(c.arg(1)));
                yield new Piecewise(List.of(new Branch(cond, a.apply(1))), a.apply(2));
            }
            case CONST, INPUT -> throw new IllegalStateException();
        };
    }

    private static Expr numberExpr(double v) {
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v));
        Expr e = d.scale() > 0 ? new Num(d.unscaledValue().abs(), java.math.BigInteger.TEN.pow(d.scale()))
                               : new Num(d.toBigInteger().abs(), java.math.BigInteger.ONE);
        return v < 0 ? neg(e) : e;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String s : b) if (!out.contains(s)) out.add(s);
        return out;
    }

    static double[][] points(int n, int dim, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][dim];
        for (double[] row : p) for (int i = 0; i < dim; i++) row[i] = r.nextGaussian() * 0.5;
        return p;
    }
}
