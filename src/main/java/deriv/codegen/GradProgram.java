package deriv.codegen;

import deriv.codegen.Dag.Op;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.Num;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One straight-line program that computes a function and its partial derivatives, sharing work:
 * the forward DAG of the function, then a reverse-mode (adjoint) sweep over it whose nodes are
 * interned into the same DAG. No derivative is taken symbolically of a tree, so nothing swells:
 * the gradient costs a small constant times the function (Griewank's cheap gradient principle).
 *
 * <p>Inputs are numbered by {@link #params()}: a point is a {@code double[]} in that order, a
 * gradient a {@code double[]} in {@link #wrt()} order.
 */
public final class GradProgram {
    private final Dag dag;
    private final List<String> params;
    private final List<String> wrt;
    private final int value;
    private final int[] grads;

    private GradProgram(Dag dag, List<String> params, List<String> wrt, int value, int[] grads) {
        this.dag = dag;
        this.params = List.copyOf(params);
        this.wrt = List.copyOf(wrt);
        this.value = value;
        this.grads = grads;
    }

    /** A bad parameter or {@code wrt} list: the message says which name. */
    public static final class BadVariable extends IllegalArgumentException {
        public final String name;
        /** True when the {@code wrt} list is at fault, false for the parameter list. */
        public final boolean inWrt;
        public BadVariable(String name, boolean inWrt, String message) { super(message); this.name = name; this.inWrt = inWrt; }
    }

    /**
     * The program of {@code body} (intermediates and user functions of {@code defs} are built
     * once, not expanded). {@code params}: the input order, or null for the free variables in
     * order of first appearance. {@code wrt}: the partials wanted, or null for every parameter.
     */
    public static GradProgram of(Expr body, Definitions defs, List<String> params, List<String> wrt) {
        Dag dag = new Dag();
        int value = dag.build(body, defs);
        List<String> free = dag.inputNames();
        if (params == null) {
            params = free;
        } else {
            if (new HashSet<>(params).size() != params.size()) {
                for (int i = 0; i < params.size(); i++) {
                    if (params.indexOf(params.get(i)) != i) throw new BadVariable(params.get(i), false, "'" + params.get(i) + "' is listed twice");
                }
            }
            for (String v : free) {
                if (!params.contains(v)) {
                    throw new BadVariable(v, false, "'" + v + "' is a variable of the expression but not among the parameters ("
                        + String.join(", ", params) + ")");
                }
            }
        }
        if (wrt == null) wrt = params;
        int[] wrtNodes = new int[wrt.size()];
        for (int i = 0; i < wrtNodes.length; i++) {
            String w = wrt.get(i);
            if (!params.contains(w)) {
                throw new BadVariable(w, true, "'" + w + "' is not a variable of the expression (its variables: "
                    + (params.isEmpty() ? "none" : String.join(", ", params)) + ")");
            }
            if (wrt.indexOf(w) != i) throw new BadVariable(w, true, "'" + w + "' is listed twice");
            wrtNodes[i] = dag.inputNode(w);
        }
        int[] grads = reverse(dag, value, wrtNodes);
        return new GradProgram(dag, params, wrt, value, grads);
    }

    public static GradProgram of(Expr body, List<String> wrt) { return of(body, Definitions.EMPTY, null, wrt); }

    public Dag dag() { return dag; }
    public List<String> params() { return params; }
    public List<String> wrt() { return wrt; }
    /** The node of the function's value. */
    public int value() { return value; }
    /** The node of each partial, in {@link #wrt()} order. */
    public int[] gradients() { return grads.clone(); }
    public int gradient(int k) { return grads[k]; }

    /** Position in {@link #params()} of an INPUT node. */
    public int paramIndex(int inputNode) { return params.indexOf((String) dag.node(inputNode).payload()); }

    /** Operations of the function alone. */
    public int valueOps() { return dag.opCount(value); }

    /** Operations of the function and all its partials together (shared work counted once). */
    public int totalOps() { return dag.opCount(roots()); }

    /** The value node followed by the gradient nodes. */
    public int[] roots() {
        int[] r = new int[grads.length + 1];
        r[0] = value;
        System.arraycopy(grads, 0, r, 1, grads.length);
        return r;
    }

    // ------------------------------------------------------------------ reverse mode

    /**
     * Adjoints by a reverse sweep in descending id order (a reverse topological order): when a node
     * is reached every consumer has already added its contribution, so the node's adjoint is their
     * sum, and it passes on {@code adjoint * local partial} to each argument that depends on a
     * {@code wrt} input.
     */
    static int[] reverse(Dag dag, int root, int[] wrtNodes) {
        int n = dag.size();
        int[] sched = dag.schedule(root);
        boolean[] active = new boolean[n];
        for (int w : wrtNodes) if (w >= 0) active[w] = true;
        for (int id : sched) {
            if (active[id]) continue;
            for (int a : dag.node(id).args()) {
                if (a >= 0 && active[a]) { active[id] = true; break; }
            }
        }
        Adjoints adj = new Adjoints(dag, active);
        int[] sum = new int[n];
        java.util.Arrays.fill(sum, -1);
        adj.push(root, dag.constant(1), false);
        for (int s = sched.length - 1; s >= 0; s--) {
            int id = sched[s];
            if (!active[id]) continue;
            int g = adj.total(id);
            if (g < 0) continue;
            sum[id] = g;
            Dag.Node node = dag.node(id);
            switch (node.op()) {
                case CONST, INPUT, CMP -> { }
                case ADD -> { adj.push(node.arg(0), g, false); adj.push(node.arg(1), g, false); }
                case SUB -> { adj.push(node.arg(0), g, false); adj.push(node.arg(1), g, true); }
                case NEG -> adj.push(node.arg(0), g, true);
                case MUL -> {
                    int a = node.arg(0), b = node.arg(1);
                    if (active[a]) adj.push(a, dag.mul(g, b), false);
                    if (active[b]) adj.push(b, dag.mul(g, a), false);
                }
                case DIV -> {
                    // q = a/b: dq/da = 1/b, dq/db = -q/b
                    int a = node.arg(0), b = node.arg(1);
                    int t = dag.div(g, b);
                    if (active[a]) adj.push(a, t, false);
                    if (active[b]) adj.push(b, dag.mul(t, id), true);
                }
                case POWC -> {
                    // d/dx x^k = k x^(k-1)
                    Num k = (Num) node.payload();
                    int x = node.arg(0);
                    int local = dag.mul(dag.constant(k.toDouble()), dag.powConst(x, k.minus(Num.ONE)));
                    adj.push(x, dag.mul(g, local), false);
                }
                case POW -> {
                    // y = a^b: dy/da = b a^(b-1), dy/db = y ln a
                    int a = node.arg(0), b = node.arg(1);
                    if (active[a]) {
                        int local = dag.mul(b, dag.pow(a, dag.sub(b, dag.constant(1))));
                        adj.push(a, dag.mul(g, local), false);
                    }
                    if (active[b]) adj.push(b, dag.mul(g, dag.mul(id, dag.call(Fn.of("ln"), a))), false);
                }
                case CALL -> {
                    Fn fn = (Fn) node.payload();
                    int[] args = node.args();
                    for (int i = 0; i < args.length; i++) {
                        if (!active[args[i]]) continue;
                        adj.push(args[i], dag.mul(g, partial(dag, fn, i, args)), false);
                    }
                }
                case SELECT -> {
                    int c = node.arg(0), zero = dag.constant(0);
                    if (active[node.arg(1)]) adj.push(node.arg(1), dag.select(c, g, zero), false);
                    if (active[node.arg(2)]) adj.push(node.arg(2), dag.select(c, zero, g), false);
                }
            }
        }
        int[] grads = new int[wrtNodes.length];
        for (int i = 0; i < grads.length; i++) {
            int w = wrtNodes[i];
            grads[i] = w >= 0 && sum[w] >= 0 ? sum[w] : dag.constant(0);
        }
        return grads;
    }

    /** The built-in's own partial derivative (its {@link Fn} template) over the argument nodes. */
    private static int partial(Dag dag, Fn fn, int i, int[] args) {
        List<Expr> holes = new ArrayList<>();
        Map<String, Integer> bound = new HashMap<>();
        for (int j = 0; j < args.length; j++) {
            // names no input can have: the parser accepts no control characters
            String name = "\u0000" + j;
            holes.add(new Expr.Var(name));
            bound.put(name, args[j]);
        }
        Expr template = fn.partials().get(i).apply(holes);
        return dag.build(template, bound);
    }

    /** Contributions to each node's adjoint, summed when the sweep reaches the node. */
    private static final class Adjoints {
        private final Dag dag;
        private final boolean[] active;
        private final Map<Integer, List<int[]>> parts = new HashMap<>();

        Adjoints(Dag dag, boolean[] active) { this.dag = dag; this.active = active; }

        void push(int node, int value, boolean negated) {
            if (!active[node]) return;
            if (dag.isConst(value) && dag.constValue(value) == 0) return;
            parts.computeIfAbsent(node, k -> new ArrayList<>()).add(new int[] {value, negated ? 1 : 0});
        }

        /** The summed adjoint, or -1 when nothing flows into the node. */
        int total(int node) {
            List<int[]> ps = parts.remove(node);
            if (ps == null) return -1;
            int acc = -1;
            for (int[] p : ps) if (p[1] == 0) acc = acc < 0 ? p[0] : dag.add(acc, p[0]);
            for (int[] p : ps) if (p[1] == 1) acc = acc < 0 ? dag.neg(p[0]) : dag.sub(acc, p[0]);
            return acc;
        }
    }
}
