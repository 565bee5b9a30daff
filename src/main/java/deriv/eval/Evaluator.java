package deriv.eval;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import deriv.expr.Printer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Double-precision tree-walking interpreter. Intermediates are evaluated from their definitions
 * (once per evaluation), user functions by binding their parameters.
 *
 * <p>{@link #eval} is the plain, fast path. {@link #evaluate} also reports the first sub-expression
 * whose value was NaN or infinite, for callers that show a value to a person (numerical honesty:
 * {@code ln(-1)} should say where the NaN came from).
 */
public final class Evaluator {
    private final Definitions defs;
    private final Map<String, Double> at;
    private final Map<String, Double> intermediates = new HashMap<>();
    private final boolean tracing;
    private NonFinite first;
    private String inFunction;

    private Evaluator(Definitions defs, Map<String, Double> at, boolean tracing) {
        this.defs = defs;
        this.at = at;
        this.tracing = tracing;
    }

    public static double eval(Expr e, Map<String, Double> at) { return eval(e, Definitions.EMPTY, at); }

    public static double eval(Expr e, Definitions defs, Map<String, Double> at) {
        return new Evaluator(defs, at, false).value(e, Map.of());
    }

    /** The value, and where a NaN or infinity first arose during the evaluation (even if the value is finite). */
    public static Evaluation evaluate(Expr e, Definitions defs, Map<String, Double> at) {
        Evaluator ev = new Evaluator(defs, at, true);
        double v = ev.value(e, Map.of());
        return new Evaluation(v, Optional.ofNullable(ev.first));
    }

    /** The result of {@link #evaluate}. */
    public record Evaluation(double value, Optional<NonFinite> firstNonFinite) {}

    /**
     * The first sub-expression (in evaluation order) whose value was NaN or infinite although its
     * operands were finite.
     *
     * @param expr     the sub-expression
     * @param value    its value (NaN or an infinity)
     * @param values   values of its variables where it was evaluated (parameters inside a function body)
     * @param function the user function whose body it is in, or null
     * @param reason   why, in words: "log of a negative number", "division by zero", "overflow"
     */
    public record NonFinite(Expr expr, double value, Map<String, Double> values, String function, String reason) {
        /** {@code ln(x) is NaN at x=-1 (log of a negative number)}. */
        public String describe() {
            StringBuilder sb = new StringBuilder(expr instanceof Num n ? "the number " + approximately(n)
                                                                          : shorten(Printer.print(readable(expr))));
            sb.append(" is ").append(number(value));
            if (!values.isEmpty()) {
                sb.append(" at ");
                boolean firstVar = true;
                for (var v : values.entrySet()) {
                    if (!firstVar) sb.append(", ");
                    sb.append(v.getKey()).append('=').append(number(v.getValue()));
                    firstVar = false;
                }
            }
            if (function != null) sb.append(" in the body of ").append(function);
            return sb.append(" (").append(reason).append(')').toString();
        }

        /** {@code x^-1} reads better as {@code 1/x} in a warning. */
        private static Expr readable(Expr e) {
            if (e instanceof Pow(Expr b, Num k) && k.isNegative()) return Expr.div(Num.ONE, Expr.pow(b, k.negate()));
            return e;
        }

        /** A number too long to show digit by digit: {@code 1.000e+999}. */
        private static String approximately(Num n) {
            String s = n.toString();
            if (s.length() <= 30) return s;
            var d = new java.math.BigDecimal(n.num()).divide(new java.math.BigDecimal(n.den()), java.math.MathContext.DECIMAL64);
            return String.format(java.util.Locale.ROOT, "%.3e", d);
        }

        private static String shorten(String s) { return s.length() > 80 ? s.substring(0, 77) + "..." : s; }

        /** Whole numbers without ".0": {@code x=-1}; others in Java's shortest round-trip form. */
        static String number(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
            return Double.toString(v);
        }
    }

    /** A variable with no value and no definition. */
    public static final class UnboundVariable extends RuntimeException {
        public final String name;
        public UnboundVariable(String name) { super("no value for '" + name + "'"); this.name = name; }
    }

    private double value(Expr e, Map<String, Double> locals) {
        double v = compute(e, locals);
        // the plain path pays one comparison; a non-finite value is rare
        if (!Double.isFinite(v) && tracing && first == null) first = nonFinite(e, v, locals);
        return v;
    }

    private double compute(Expr e, Map<String, Double> locals) {
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
                String outer = inFunction;
                inFunction = null;
                cached = value(def.get(), Map.of());
                inFunction = outer;
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
            String outer = inFunction;
            inFunction = f.name();
            double v = value(f.body(), params);
            inFunction = outer;
            return v;
        }
        Fn fn = Fn.of(c.fn());
        List<Expr> args = fn.withDefaults(c.args());
        double[] xs = new double[args.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = value(args.get(i), locals);
        return fn.apply(xs);
    }

    // ------------------------------------------------------------------ where a NaN or infinity arose

    private NonFinite nonFinite(Expr e, double v, Map<String, Double> locals) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : Exprs.freeVars(e)) {
            Double x = locals.get(name);
            if (x == null) x = intermediates.get(name);
            if (x == null && !defs.intermediate(name).isPresent()) x = at.get(name);
            if (x != null) values.put(name, x);
        }
        return new NonFinite(e, v, values, inFunction, reason(e, v, locals));
    }

    /** Why a node with finite operands has a non-finite value (its operands are evaluated again). */
    private String reason(Expr e, double v, Map<String, Double> locals) {
        return switch (e) {
            case Num n -> "too large for double precision";
            case Var x -> "its value is " + v;
            case Pow p -> {
                double b = quiet(p.base(), locals), x = quiet(p.exp(), locals);
                if (b == 0 && x < 0) yield "division by zero";
                if (b < 0 && x != Math.rint(x)) yield "a negative number to a fractional power";
                yield "overflow";
            }
            case Call c when Fn.lookup(c.fn()).isPresent() && !defs.function(c.fn()).isPresent() -> {
                double a = quiet(c.args().getFirst(), locals);
                yield switch (Fn.of(c.fn()).name()) {
                    case "ln" -> a == 0 ? "log of zero" : a < 0 ? "log of a negative number" : "overflow";
                    case "sqrt" -> "square root of a negative number";
                    case "asin", "acos" -> c.fn() + " of a number outside [-1, 1]";
                    case "csc", "cot", "sec", "tan" -> "division by zero";
                    case "exp", "sinh", "cosh", "softplus" -> "overflow";
                    default -> "outside its domain";
                };
            }
            default -> Double.isNaN(v) ? "undefined" : "overflow";
        };
    }

    /** A value for diagnosing only; cannot record another non-finite value since one is recorded. */
    private double quiet(Expr e, Map<String, Double> locals) {
        try {
            return value(e, locals);
        } catch (RuntimeException x) {
            return Double.NaN;
        }
    }
}
