package deriv.codegen;

import deriv.codegen.Dag.Node;
import deriv.expr.Expr.Num;
import deriv.expr.Expr.Rel;
import deriv.expr.Fn;

/**
 * Evaluates a {@link GradProgram} node by node, in schedule order. The reference for the
 * compiled evaluators, and the fallback where the compiler cannot go.
 */
public final class DagInterpreter implements CompiledFunction {
    private final GradProgram program;
    private final int[] valueSched;
    private final int[] fullSched;
    private final int[] paramOf;

    public DagInterpreter(GradProgram program) {
        this.program = program;
        Dag dag = program.dag();
        valueSched = dag.schedule(program.value());
        fullSched = dag.schedule(program.roots());
        paramOf = new int[dag.size()];
        for (int id : fullSched) if (dag.op(id) == Dag.Op.INPUT) paramOf[id] = program.paramIndex(id);
    }

    @Override public double value(double[] x) {
        return run(valueSched, x)[program.value()];
    }

    @Override public double valueAndGradient(double[] x, double[] grad) {
        double[] v = run(fullSched, x);
        for (int k = 0; k < program.wrt().size(); k++) grad[k] = v[program.gradient(k)];
        return v[program.value()];
    }

    @Override public void batch(double[][] points, double[] values, double[][] grads) {
        for (int i = 0; i < points.length; i++) {
            values[i] = grads == null ? value(points[i]) : valueAndGradient(points[i], grads[i]);
        }
    }

    private double[] run(int[] sched, double[] x) {
        Dag dag = program.dag();
        double[] v = new double[dag.size()];
        for (int id : sched) {
            Node n = dag.node(id);
            int[] a = n.args();
            v[id] = switch (n.op()) {
                case CONST -> (Double) n.payload();
                case INPUT -> x[paramOf[id]];
                case ADD -> v[a[0]] + v[a[1]];
                case SUB -> v[a[0]] - v[a[1]];
                case MUL -> v[a[0]] * v[a[1]];
                case DIV -> v[a[0]] / v[a[1]];
                case NEG -> -v[a[0]];
                case POWC -> Builtins.powRational(v[a[0]], (Num) n.payload());
                case POW -> Math.pow(v[a[0]], v[a[1]]);
                case CALL -> {
                    double[] xs = new double[a.length];
                    for (int i = 0; i < a.length; i++) xs[i] = v[a[i]];
                    yield ((Fn) n.payload()).apply(xs);
                }
                case CMP -> holds((Rel) n.payload(), v[a[0]], v[a[1]]) ? 1 : 0;
                case SELECT -> v[a[0]] != 0 ? v[a[1]] : v[a[2]];
            };
        }
        return v;
    }

    static boolean holds(Rel rel, double l, double r) {
        return switch (rel) { case LT -> l < r; case LE -> l <= r; case GT -> l > r; case GE -> l >= r; };
    }
}
