package deriv.eval;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Fn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Double-precision tree-walking interpreter. Intermediates are evaluated from their definitions
 * (once per evaluation), user functions by binding their parameters.
 */
public final class Evaluator {
    private final Definitions defs;
    private final Map<String, Double> at;
    private final Map<String, Double> intermediates = new HashMap<>();

    private Evaluator(Definitions defs, Map<String, Double> at) {
        this.defs = defs;
        this.at = at;
    }

    public static double eval(Expr e, Map<String, Double> at) { return eval(e, Definitions.EMPTY, at); }

    public static double eval(Expr e, Definitions defs, Map<String, Double> at) {
        return new Evaluator(defs, at).value(e, Map.of());
    }

    /** A variable with no value and no definition. */
    public static final class UnboundVariable extends RuntimeException {
        public final String name;
        public UnboundVariable(String name) { super("no value for '" + name + "'"); this.name = name; }
    }

    private double value(Expr e, Map<String, Double> locals) {
        return switch (e) {
            case Num n -> n.toDouble();
            case Const c -> c.value();
            case Var v -> variable(v.name(), locals);
            case Add a -> {
                double s = 0;
                for (Expr t : a.terms()) s += value(t, locals);
                yield s;
            }
            case Mul m -> {
                double p = 1;
                for (Expr f : m.factors()) p *= value(f, locals);
                yield p;
            }
            case Pow p -> power(value(p.base(), locals), p.exp(), locals);
            case Call c -> call(c, locals);
            case Piecewise p -> {
                for (Branch b : p.branches()) {
                    if (holds(b.cond(), locals)) yield value(b.value(), locals);
                }
                yield value(p.otherwise(), locals);
            }
            case Diff d -> throw new IllegalStateException("diff(...) must be resolved before evaluation");
        };
    }

    boolean holds(Cond c, Map<String, Double> locals) {
        return c.holds(value(c.left(), locals), value(c.right(), locals));
    }

    private double variable(String name, Map<String, Double> locals) {
        Double local = locals.get(name);
        if (local != null) return local;
        var def = defs.intermediate(name);
        if (def.isPresent()) {
            Double cached = intermediates.get(name);
            if (cached == null) {
                cached = value(def.get(), Map.of());
                intermediates.put(name, cached);
            }
            return cached;
        }
        Double v = at.get(name);
        if (v == null) throw new UnboundVariable(name);
        return v;
    }

    private double power(double base, Expr exp, Map<String, Double> locals) {
        if (exp instanceof Num n) {
            if (n.isInteger() && n.num().bitLength() < 31) return intPow(base, n.num().intValue());
            if (n.equals(Num.HALF)) return Math.sqrt(base);
            // odd roots of negatives are real: (-8)^(1/3) = -2
            if (base < 0 && n.den().testBit(0) && n.den().bitLength() < 31) {
                double r = Math.pow(-base, n.toDouble());
                return n.num().testBit(0) ? -r : r;
            }
            return Math.pow(base, n.toDouble());
        }
        return Math.pow(base, value(exp, locals));
    }

    static double intPow(double b, int k) {
        if (k == 2) return b * b;
        if (k == 1) return b;
        return Math.pow(b, k);
    }

    private double call(Call c, Map<String, Double> locals) {
        var user = defs.function(c.fn());
        if (user.isPresent()) {
            Definition.Function f = user.get();
            Map<String, Double> params = new HashMap<>();
            for (int i = 0; i < f.params().size(); i++) params.put(f.params().get(i), value(c.args().get(i), locals));
            return value(f.body(), params);
        }
        Fn fn = Fn.of(c.fn());
        List<Expr> args = fn.withDefaults(c.args());
        double[] xs = new double[args.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = value(args.get(i), locals);
        return fn.apply(xs);
    }
}
