package deriv.codegen;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hash-consed DAG of double-precision operations: a straight-line program in which equal
 * subexpressions are one node. Nodes are numbered in creation order, and a node's arguments are
 * always created before it, so ascending ids are a topological order.
 *
 * <p>The builders fold constants and skip neutral operations ({@code x*1}, {@code x+0}, {@code --x})
 * while interning, so derivative templates that mention an existing subexpression (tanh's
 * {@code 1 - tanh(u)^2}) reuse it instead of recomputing it.
 */
public final class Dag {

    /** Node kinds. CMP yields a boolean and is used only as the condition of a SELECT. */
    public enum Op { CONST, INPUT, ADD, SUB, MUL, DIV, NEG, POWC, POW, CALL, CMP, SELECT }

    /**
     * One node. Payload: CONST a {@code Double}, INPUT the variable name, POWC the exact exponent
     * ({@link Num}), CALL the {@link Fn}, CMP the {@link Rel}; otherwise null.
     */
    public record Node(Op op, int[] args, Object payload) {
        @Override public boolean equals(Object o) {
            return o instanceof Node n && n.op == op && Arrays.equals(n.args, args) && Objects.equals(n.payload, payload);
        }
        @Override public int hashCode() { return (op.hashCode() * 31 + Arrays.hashCode(args)) * 31 + Objects.hashCode(payload); }
        public int arg(int i) { return args[i]; }
    }

    /** Results of a comparison between constants: only {@link #select} accepts them. */
    public static final int TRUE = -1, FALSE = -2;

    private static final int[] NO_ARGS = {};

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Node, Integer> index = new HashMap<>();
    private final Map<String, Integer> inputs = new LinkedHashMap<>();

    public int size() { return nodes.size(); }

    public Node node(int id) { return nodes.get(id); }

    public Op op(int id) { return nodes.get(id).op; }

    public int arg(int id, int i) { return nodes.get(id).args[i]; }

    /** Input names in order of creation (first appearance while building). */
    public List<String> inputNames() { return List.copyOf(inputs.keySet()); }

    /** The INPUT node of a variable, or -1 if the DAG has none. */
    public int inputNode(String name) { return inputs.getOrDefault(name, -1); }

    public boolean isConst(int id) { return id >= 0 && nodes.get(id).op == Op.CONST; }

    public double constValue(int id) { return (Double) nodes.get(id).payload; }

    private boolean isConst(int id, double v) { return isConst(id) && constValue(id) == v && !isNegZero(id); }

    private boolean isNegZero(int id) { return Double.doubleToRawLongBits(constValue(id)) == Long.MIN_VALUE; }

    private int intern(Op op, int[] args, Object payload) {
        Node n = new Node(op, args, payload);
        Integer id = index.get(n);
        if (id != null) return id;
        int fresh = nodes.size();
        nodes.add(n);
        index.put(n, fresh);
        return fresh;
    }

    // ------------------------------------------------------------------ builders

    public int constant(double v) { return intern(Op.CONST, NO_ARGS, v); }

    public int input(String name) {
        Integer id = inputs.get(name);
        if (id != null) return id;
        int fresh = intern(Op.INPUT, NO_ARGS, name);
        inputs.put(name, fresh);
        return fresh;
    }

    /** Commutative operations take their arguments in id order, so that a+b and b+a are one node. */
    private int commutative(Op op, int a, int b) {
        return a <= b ? intern(op, new int[] {a, b}, null) : intern(op, new int[] {b, a}, null);
    }

    public int add(int a, int b) {
        if (isConst(a) && isConst(b)) return constant(constValue(a) + constValue(b));
        if (isConst(a, 0)) return b;
        if (isConst(b, 0)) return a;
        if (op(b) == Op.NEG) return sub(a, arg(b, 0));
        if (op(a) == Op.NEG) return sub(b, arg(a, 0));
        return commutative(Op.ADD, a, b);
    }

    public int sub(int a, int b) {
        if (isConst(a) && isConst(b)) return constant(constValue(a) - constValue(b));
        if (isConst(b, 0)) return a;
        if (isConst(a, 0)) return neg(b);
        if (a == b) return constant(0);
        if (op(b) == Op.NEG) return add(a, arg(b, 0));
        return intern(Op.SUB, new int[] {a, b}, null);
    }

    public int neg(int a) {
        if (isConst(a)) return constant(-constValue(a));
        if (op(a) == Op.NEG) return arg(a, 0);
        if (op(a) == Op.SUB) return sub(arg(a, 1), arg(a, 0));
        return intern(Op.NEG, new int[] {a}, null);
    }

    public int mul(int a, int b) {
        if (isConst(a) && isConst(b)) return constant(constValue(a) * constValue(b));
        if (isConst(b)) { int t = a; a = b; b = t; }
        if (isConst(a)) {
            double c = constValue(a);
            if (c == 1) return b;
            if (c == 0) return constant(0);
            if (c == -1) return neg(b);
            // c1 * (c2 * x) = (c1 c2) x
            if (op(b) == Op.MUL && isConst(arg(b, 0))) return mul(constant(c * constValue(arg(b, 0))), arg(b, 1));
        }
        // (-a) b = -(a b): the negation moves out, where a sum can absorb it as a subtraction
        if (op(a) == Op.NEG || op(b) == Op.NEG) {
            int x = op(a) == Op.NEG ? arg(a, 0) : a, y = op(b) == Op.NEG ? arg(b, 0) : b;
            int m = mul(x, y);
            return op(a) == Op.NEG && op(b) == Op.NEG ? m : neg(m);
        }
        // x * (cond ? 1 : 0) = cond ? x : 0: a relu-like derivative costs a select, not a product
        if (isUnitSelect(b)) return select(arg(b, 0), mul(a, arg(b, 1)), mul(a, arg(b, 2)));
        if (isUnitSelect(a)) return select(arg(a, 0), mul(b, arg(a, 1)), mul(b, arg(a, 2)));
        return commutative(Op.MUL, a, b);
    }

    private boolean isUnitSelect(int id) {
        if (op(id) != Op.SELECT) return false;
        int t = arg(id, 1), f = arg(id, 2);
        return (isConst(t, 0) || isConst(t, 1)) && (isConst(f, 0) || isConst(f, 1));
    }

    public int div(int a, int b) {
        if (isConst(a) && isConst(b)) return constant(constValue(a) / constValue(b));
        if (isConst(b, 1)) return a;
        if (isConst(b, -1)) return neg(a);
        if (isConst(a, 0)) return constant(0);
        return intern(Op.DIV, new int[] {a, b}, null);
    }

    /** {@code base^k} for an exact exponent, with the interpreter's meaning (odd roots of negatives are real). */
    public int powConst(int base, Num k) {
        if (isConst(base)) return constant(Builtins.powRational(constValue(base), k));
        if (k.isZero()) return constant(1);
        if (k.isOne()) return base;
        if (k.equals(Num.TWO)) return mul(base, base);
        if (k.isMinusOne()) return div(constant(1), base);
        if (k.equals(Num.HALF)) return call(Fn.of("sqrt"), base);
        if (k.equals(Num.HALF.negate())) return div(constant(1), call(Fn.of("sqrt"), base));
        return intern(Op.POWC, new int[] {base}, k);
    }

    /** {@code base^exp} with a general exponent (Math.pow). */
    public int pow(int base, int exp) {
        if (isConst(exp)) {
            double e = constValue(exp);
            if (e == Math.rint(e) && Math.abs(e) < 1 << 30) return powConst(base, Num.of((long) e));
            if (isConst(base)) return constant(Math.pow(constValue(base), e));
        }
        return intern(Op.POW, new int[] {base, exp}, null);
    }

    public int call(Fn fn, int... args) {
        boolean allConst = true;
        for (int a : args) allConst &= isConst(a);
        if (allConst) {
            double[] xs = new double[args.length];
            for (int i = 0; i < xs.length; i++) xs[i] = constValue(args[i]);
            return constant(fn.apply(xs));
        }
        return intern(Op.CALL, args.clone(), fn);
    }

    /** A comparison; between constants it folds to {@link #TRUE} or {@link #FALSE}. */
    public int cmp(Rel rel, int l, int r) {
        if (isConst(l) && isConst(r)) return DagInterpreter.holds(rel, constValue(l), constValue(r)) ? TRUE : FALSE;
        return intern(Op.CMP, new int[] {l, r}, rel);
    }

    public int select(int cond, int ifTrue, int ifFalse) {
        if (cond == TRUE) return ifTrue;
        if (cond == FALSE) return ifFalse;
        if (ifTrue == ifFalse) return ifTrue;
        return intern(Op.SELECT, new int[] {cond, ifTrue, ifFalse}, null);
    }

    // ------------------------------------------------------------------ from expressions

    /**
     * The node of an expression. Intermediates are built once from their definitions and user
     * functions are instantiated with their arguments' nodes, so nothing is expanded as a tree.
     */
    public int build(Expr e, Definitions defs) { return new Builder(defs, Map.of()).node(e); }

    /** The node of {@code e} with some variables bound to existing nodes (derivative templates). */
    public int build(Expr e, Map<String, Integer> bound) { return new Builder(Definitions.EMPTY, bound).node(e); }

    private final class Builder {
        private final Definitions defs;
        private final Map<String, Integer> env;
        private final Map<Expr, Integer> memo = new IdentityHashMap<>();
        private final Map<String, Integer> intermediates;

        Builder(Definitions defs, Map<String, Integer> env) { this(defs, env, new HashMap<>()); }

        Builder(Definitions defs, Map<String, Integer> env, Map<String, Integer> intermediates) {
            this.defs = defs;
            this.env = env;
            this.intermediates = intermediates;
        }

        int node(Expr e) {
            Integer m = memo.get(e);
            if (m != null) return m;
            int id = make(e);
            memo.put(e, id);
            return id;
        }

        private int make(Expr e) {
            return switch (e) {
                case Num n -> constant(n.toDouble());
                case Const c -> constant(c.value());
                case Var v -> variable(v.name());
                case Add a -> {
                    int acc = node(a.terms().getFirst());
                    for (int i = 1; i < a.terms().size(); i++) acc = add(acc, node(a.terms().get(i)));
                    yield acc;
                }
                case Mul m -> product(m.factors());
                case Pow p -> power(p);
                case Call c -> call(c);
                case Piecewise p -> {
                    int[] conds = new int[p.branches().size()];
                    int[] vals = new int[conds.length];
                    for (int i = 0; i < conds.length; i++) {
                        Cond c = p.branches().get(i).cond();
                        int l = node(c.left()), r = node(c.right());
                        conds[i] = cmp(c.rel(), l, r);
                        vals[i] = node(p.branches().get(i).value());
                    }
                    int acc = node(p.otherwise());
                    for (int i = conds.length - 1; i >= 0; i--) acc = select(conds[i], vals[i], acc);
                    yield acc;
                }
                case Diff d -> throw new IllegalArgumentException("diff(...) must be resolved before code generation");
            };
        }

        private int variable(String name) {
            Integer bound = env.get(name);
            if (bound != null) return bound;
            var def = defs.intermediate(name);
            if (def.isEmpty()) return input(name);
            Integer done = intermediates.get(name);
            if (done != null) return done;
            // definitions are global: build them without the local (function parameter) bindings
            int id = new Builder(defs, Map.of(), intermediates).node(def.get());
            intermediates.put(name, id);
            return id;
        }

        // numerator factors multiplied in order, then divided by each denominator: a*b^-1*c = (a*c)/b
        private int product(List<Expr> factors) {
            int num = -1;
            List<Expr> den = new ArrayList<>();
            for (Expr f : factors) {
                if (f instanceof Pow(Expr b, Num k) && k.isNegative()) {
                    den.add(k.isMinusOne() ? b : new Pow(b, k.negate()));
                    continue;
                }
                int x = node(f);
                num = num < 0 ? x : mul(num, x);
            }
            if (num < 0) num = constant(1);
            for (Expr d : den) num = div(num, node(d));
            return num;
        }

        private int power(Pow p) {
            if (p.base() instanceof Const c && c.name().equals("e")) return Dag.this.call(Fn.of("exp"), node(p.exp()));
            int base = node(p.base());
            if (p.exp() instanceof Num k) return powConst(base, k);
            return pow(base, node(p.exp()));
        }

        private int call(Call c) {
            var user = defs.function(c.fn());
            if (user.isPresent()) {
                Definition.Function f = user.get();
                Map<String, Integer> bound = new HashMap<>();
                for (int i = 0; i < f.params().size(); i++) bound.put(f.params().get(i), node(c.args().get(i)));
                return new Builder(defs, bound, intermediates).node(f.body());
            }
            Fn fn = Fn.of(c.fn());
            List<Expr> args = fn.withDefaults(c.args());
            int[] ids = new int[args.size()];
            for (int i = 0; i < ids.length; i++) ids[i] = node(args.get(i));
            return Dag.this.call(fn, ids);
        }
    }

    // ------------------------------------------------------------------ analysis

    /** Nodes reachable from the roots, ascending (a topological order). */
    public int[] schedule(int... roots) {
        BitSet seen = new BitSet(nodes.size());
        int[] stack = new int[nodes.size() + roots.length];
        int sp = 0;
        for (int r : roots) if (r >= 0 && !seen.get(r)) { seen.set(r); stack[sp++] = r; }
        while (sp > 0) {
            int n = stack[--sp];
            for (int a : nodes.get(n).args) {
                if (!seen.get(a)) { seen.set(a); stack[sp++] = a; }
            }
        }
        return seen.stream().toArray();
    }

    /** Operations reachable from the roots: every node that is neither an input nor a constant. */
    public int opCount(int... roots) {
        int n = 0;
        for (int id : schedule(roots)) {
            Op op = op(id);
            if (op != Op.CONST && op != Op.INPUT) n++;
        }
        return n;
    }
}
