package deriv.verify;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Fn;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation with 60 significant digits, the referee of the numeric check: when two sides disagree
 * in double precision, the point is re-evaluated here, so that rounding (cancellation in
 * {@code (1+x)^2 - x^2 - 2x}, say) never passes for a counterexample. Same semantics as
 * {@link deriv.eval.Evaluator} (odd roots of negatives are real, the same kink conventions).
 */
final class PreciseEvaluator {
    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final MathContext WIDE = new MathContext(80, RoundingMode.HALF_EVEN);
    private static final BigDecimal PI = new BigDecimal(
        "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798");
    private static final BigDecimal TWO_PI = PI.multiply(BigDecimal.TWO);
    private static final BigDecimal HALF_PI = PI.divide(BigDecimal.TWO);
    private static final BigDecimal E = new BigDecimal(
        "2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642743");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal LN2 = lnReduced(BigDecimal.TWO);
    private static final BigDecimal LN10 = lnReduced(BigDecimal.TWO).multiply(BigDecimal.valueOf(3), WIDE)
        .add(lnReduced(new BigDecimal("1.25")), WIDE);
    /** Largest |argument| of exp worked out exactly; beyond it double precision already says inf or 0. */
    private static final BigDecimal EXP_LIMIT = BigDecimal.valueOf(100_000);

    /** The value is not a real number here (outside a function's domain, a division by zero). */
    static final class Undefined extends RuntimeException {
        Undefined() { super(null, null, false, false); }
    }

    /** This evaluator cannot work the value out (an unknown function, an enormous argument). */
    static final class Unsupported extends RuntimeException {
        Unsupported() { super(null, null, false, false); }
    }

    private final Definitions defs;
    private final Map<String, BigDecimal> at;
    private final Map<String, BigDecimal> intermediates = new HashMap<>();

    private PreciseEvaluator(Definitions defs, Map<String, BigDecimal> at) {
        this.defs = defs;
        this.at = at;
    }

    /** The value of {@code e} (its diff nodes resolved) at the point, whose doubles are taken exactly. */
    static BigDecimal eval(Expr e, Definitions defs, Map<String, Double> point) {
        Map<String, BigDecimal> at = new HashMap<>();
        for (var p : point.entrySet()) at.put(p.getKey(), new BigDecimal(p.getValue()));
        return new PreciseEvaluator(defs, at).value(e, Map.of());
    }

    private BigDecimal value(Expr e, Map<String, BigDecimal> locals) {
        return switch (e) {
            case Num n -> new BigDecimal(n.num()).divide(new BigDecimal(n.den()), MC);
            case Const c -> c.name().equals("e") ? E : PI;
            case Var v -> variable(v.name(), locals);
            case Add a -> {
                BigDecimal s = BigDecimal.ZERO;
                for (Expr t : a.terms()) s = s.add(value(t, locals));
                yield s.round(MC);
            }
            case Mul m -> {
                BigDecimal p = BigDecimal.ONE;
                for (Expr f : m.factors()) p = p.multiply(value(f, locals), MC);
                yield p;
            }
            case Pow p -> power(value(p.base(), locals), p.exp(), locals);
            case Call c -> call(c, locals);
            case Piecewise p -> {
                for (Branch b : p.branches()) {
                    int cmp = value(b.cond().left(), locals).compareTo(value(b.cond().right(), locals));
                    boolean holds = switch (b.cond().rel()) {
                        case LT -> cmp < 0; case LE -> cmp <= 0; case GT -> cmp > 0; case GE -> cmp >= 0;
                    };
                    if (holds) yield value(b.value(), locals);
                }
                yield value(p.otherwise(), locals);
            }
            case Diff d -> throw new Unsupported();
        };
    }

    private BigDecimal variable(String name, Map<String, BigDecimal> locals) {
        BigDecimal local = locals.get(name);
        if (local != null) return local;
        var def = defs.intermediate(name);
        if (def.isPresent()) {
            BigDecimal cached = intermediates.get(name);
            if (cached == null) {
                cached = value(def.get(), Map.of());
                intermediates.put(name, cached);
            }
            return cached;
        }
        BigDecimal v = at.get(name);
        if (v == null) throw new Unsupported();
        return v;
    }

    private BigDecimal power(BigDecimal base, Expr exp, Map<String, BigDecimal> locals) {
        if (exp instanceof Num n) {
            if (n.isInteger() && n.num().bitLength() < 20) return intPow(base, n.num().intValue());
            if (n.equals(Num.HALF)) return sqrt(base);
            if (base.signum() < 0 && n.den().testBit(0)) {
                BigDecimal r = realPow(base.negate(), value(n, Map.of()));
                return n.num().testBit(0) ? r.negate() : r;
            }
            return realPow(base, value(n, Map.of()));
        }
        BigDecimal y = value(exp, locals);
        if (base.signum() < 0) {
            // as Math.pow: a negative base takes integer exponents only
            if (y.stripTrailingZeros().scale() > 0) throw new Undefined();
            if (y.abs().compareTo(BigDecimal.valueOf(100_000)) > 0) throw new Unsupported();
            return intPow(base, y.intValueExact());
        }
        return realPow(base, y);
    }

    private static BigDecimal intPow(BigDecimal b, int k) {
        if (k >= 0) return b.pow(k, MC);
        if (b.signum() == 0) throw new Undefined();
        return BigDecimal.ONE.divide(b.pow(-k, WIDE), MC);
    }

    /** b^y for b >= 0. */
    private static BigDecimal realPow(BigDecimal b, BigDecimal y) {
        if (b.signum() < 0) throw new Undefined();
        if (b.signum() == 0) {
            int s = y.signum();
            if (s > 0) return BigDecimal.ZERO;
            if (s == 0) return BigDecimal.ONE;
            throw new Undefined();
        }
        return exp(y.multiply(ln(b), WIDE));
    }

    private BigDecimal call(Call c, Map<String, BigDecimal> locals) {
        var user = defs.function(c.fn());
        if (user.isPresent()) {
            Definition.Function f = user.get();
            Map<String, BigDecimal> params = new HashMap<>();
            for (int i = 0; i < f.params().size(); i++) params.put(f.params().get(i), value(c.args().get(i), locals));
            return value(f.body(), params);
        }
        Fn fn = Fn.lookup(c.fn()).orElseThrow(Unsupported::new);
        List<Expr> args = fn.withDefaults(c.args());
        BigDecimal x = value(args.getFirst(), locals);
        return switch (fn.name()) {
            case "sin" -> sin(x);
            case "cos" -> cos(x);
            case "tan" -> divide(sin(x), cos(x));
            case "sec" -> divide(BigDecimal.ONE, cos(x));
            case "csc" -> divide(BigDecimal.ONE, sin(x));
            case "cot" -> divide(cos(x), sin(x));
            case "asin" -> asin(x);
            case "acos" -> HALF_PI.subtract(asin(x), MC);
            case "atan" -> atan(x);
            case "sinh" -> exp(x).subtract(exp(x.negate()), WIDE).divide(BigDecimal.TWO, MC);
            case "cosh" -> exp(x).add(exp(x.negate()), WIDE).divide(BigDecimal.TWO, MC);
            case "tanh" -> {
                // (1 - e^-2|x|) / (1 + e^-2|x|) with the sign of x: no overflow for large |x|
                BigDecimal t = exp(x.abs().multiply(BigDecimal.valueOf(-2)));
                BigDecimal r = BigDecimal.ONE.subtract(t, WIDE).divide(BigDecimal.ONE.add(t, WIDE), MC);
                yield x.signum() < 0 ? r.negate() : r;
            }
            case "exp" -> exp(x);
            case "ln" -> ln(x);
            case "sqrt" -> sqrt(x);
            case "abs" -> x.abs();
            case "sign" -> BigDecimal.valueOf(x.signum());
            case "sigmoid" -> BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate()), WIDE), MC);
            case "softplus" -> {
                // max(x, 0) + ln(1 + e^-|x|)
                BigDecimal m = x.signum() > 0 ? x : BigDecimal.ZERO;
                yield m.add(ln(BigDecimal.ONE.add(exp(x.abs().negate()), WIDE)), MC);
            }
            case "relu" -> x.signum() > 0 ? x : BigDecimal.ZERO;
            case "LeakyReLU" -> x.signum() > 0 ? x : value(args.get(1), locals).multiply(x, MC);
            case "min" -> x.min(value(args.get(1), locals));
            case "max" -> x.max(value(args.get(1), locals));
            default -> throw new Unsupported();
        };
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) throw new Undefined();
        return a.divide(b, MC);
    }

    private static BigDecimal sqrt(BigDecimal x) {
        if (x.signum() < 0) throw new Undefined();
        return x.sqrt(MC);
    }

    static BigDecimal exp(BigDecimal x) {
        if (x.signum() == 0) return BigDecimal.ONE;
        if (x.abs().compareTo(EXP_LIMIT) > 0) throw new Unsupported();
        // e^x = (e^(x/2^m))^(2^m) with |x/2^m| <= 1/2, the series on the small argument
        int m = 0;
        BigDecimal r = x;
        while (r.abs().compareTo(HALF) > 0) { r = r.divide(BigDecimal.TWO, WIDE); m++; }
        MathContext mc = new MathContext(WIDE.getPrecision() + m / 3 + 2, RoundingMode.HALF_EVEN);
        BigDecimal sum = BigDecimal.ONE, term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int k = 1; k < 500; k++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(eps) < 0) break;
        }
        for (int i = 0; i < m; i++) sum = sum.multiply(sum, mc);
        return sum.round(MC);
    }

    static BigDecimal ln(BigDecimal x) {
        if (x.signum() <= 0) throw new Undefined();
        // x = y * 10^s with y in [1, 10); ln x = ln y + s ln 10
        int s = x.precision() - x.scale() - 1;
        BigDecimal y = x.movePointLeft(s);
        return lnReduced(y).add(LN10.multiply(BigDecimal.valueOf(s), WIDE), MC);
    }

    /** ln y for y > 0 of moderate size: halve or double into [1/2, 2], then 2 atanh((y-1)/(y+1)). */
    private static BigDecimal lnReduced(BigDecimal y) {
        int k = 0;
        while (y.compareTo(BigDecimal.TWO) > 0) { y = y.divide(BigDecimal.TWO, WIDE); k++; }
        while (y.compareTo(HALF) < 0) { y = y.multiply(BigDecimal.TWO, WIDE); k--; }
        BigDecimal z = y.subtract(BigDecimal.ONE, WIDE).divide(y.add(BigDecimal.ONE, WIDE), WIDE);
        BigDecimal z2 = z.multiply(z, WIDE), term = z, sum = z;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(WIDE.getPrecision() + 2);
        for (int n = 3; n < 2000; n += 2) {
            term = term.multiply(z2, WIDE);
            BigDecimal t = term.divide(BigDecimal.valueOf(n), WIDE);
            sum = sum.add(t, WIDE);
            if (t.abs().compareTo(eps) < 0) break;
        }
        BigDecimal r = sum.multiply(BigDecimal.TWO, WIDE);
        if (k != 0) r = r.add(LN2.multiply(BigDecimal.valueOf(k), WIDE), WIDE);
        return r;
    }

    private static BigDecimal reduceAngle(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) throw new Unsupported();
        BigDecimal n = x.divide(TWO_PI, WIDE).setScale(0, RoundingMode.HALF_EVEN);
        return x.subtract(TWO_PI.multiply(n, WIDE), WIDE);
    }

    static BigDecimal sin(BigDecimal x) { return sinCos(reduceAngle(x), true); }

    static BigDecimal cos(BigDecimal x) { return sinCos(reduceAngle(x), false); }

    private static BigDecimal sinCos(BigDecimal r, boolean sine) {
        BigDecimal term = sine ? r : BigDecimal.ONE, sum = term, r2 = r.multiply(r, WIDE);
        BigDecimal eps = BigDecimal.ONE.movePointLeft(WIDE.getPrecision() + 2);
        for (int k = sine ? 2 : 1; k < 500; k++) {
            int a = sine ? 2 * k - 2 : 2 * k - 1, b = a + 1;
            term = term.multiply(r2, WIDE).divide(BigDecimal.valueOf((long) a * b), WIDE).negate();
            sum = sum.add(term, WIDE);
            if (term.abs().compareTo(eps) < 0) break;
        }
        return sum.round(MC);
    }

    static BigDecimal atan(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal r = HALF_PI.subtract(atan(BigDecimal.ONE.divide(x.abs(), WIDE)), WIDE);
            return (x.signum() < 0 ? r.negate() : r).round(MC);
        }
        // atan x = 2 atan(x / (1 + sqrt(1 + x^2))), three times: |x| < 0.13, then the series
        BigDecimal y = x;
        for (int i = 0; i < 3; i++) {
            y = y.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(y.multiply(y, WIDE), WIDE).sqrt(WIDE), WIDE), WIDE);
        }
        BigDecimal y2 = y.multiply(y, WIDE), term = y, sum = y;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(WIDE.getPrecision() + 2);
        for (int n = 3; n < 2000; n += 2) {
            term = term.multiply(y2, WIDE).negate();
            BigDecimal t = term.divide(BigDecimal.valueOf(n), WIDE);
            sum = sum.add(t, WIDE);
            if (t.abs().compareTo(eps) < 0) break;
        }
        return sum.multiply(BigDecimal.valueOf(8), MC);
    }

    static BigDecimal asin(BigDecimal x) {
        int c = x.abs().compareTo(BigDecimal.ONE);
        if (c > 0) throw new Undefined();
        if (c == 0) return x.signum() > 0 ? HALF_PI.round(MC) : HALF_PI.negate().round(MC);
        BigDecimal d = BigDecimal.ONE.subtract(x.multiply(x, WIDE), WIDE).sqrt(WIDE);
        return atan(x.divide(d, WIDE));
    }
}
