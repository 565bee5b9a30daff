package deriv.simplify;

import static deriv.expr.Expr.*;

import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Identities of the built-in functions, in the forms derivatives are taught: {@code σ(u)(1 - σ(u))},
 * {@code 1 - tanh(u)^2}, {@code exp(ln u) = u}, {@code sin^2 + cos^2 = 1}. Each method is one rule
 * at one node and returns null where the rule does not apply.
 */
final class Functions {
    private Functions() {}

    private static final Set<String> ODD = Set.of("sin", "tan", "csc", "cot", "asin", "atan", "sinh", "tanh", "sign");
    private static final Set<String> EVEN = Set.of("cos", "sec", "cosh", "abs");

    static boolean isOdd(String fn) { return ODD.contains(fn); }

    static boolean isEven(String fn) { return EVEN.contains(fn); }

    // ----------------------------------------------------------------------------- facts

    /** Whether {@code u >= 0} wherever it is defined, known from its form alone. */
    static boolean nonnegative(Expr u) {
        return switch (u) {
            case Num n -> n.signum() >= 0;
            case Const c -> true;
            case Call c -> switch (c.fn()) {
                case "exp", "sqrt", "abs", "sigmoid", "softplus", "relu", "cosh" -> true;
                default -> false;
            };
            case Pow p -> Terms.isEvenInteger(p.exp()) || nonnegative(p.base());
            case Mul m -> m.factors().stream().allMatch(Functions::nonnegative);
            case Add a -> a.terms().stream().allMatch(Functions::nonnegative);
            default -> false;
        };
    }

    /** The taught forms kept whole: {@code 1 - σ(u)} and {@code 1 - tanh(u)^2} (terms in any order). */
    static boolean isProtected(Expr s) {
        if (!(s instanceof Add a) || a.terms().size() != 2) return false;
        Expr one = null, other = null;
        for (Expr t : a.terms()) {
            if (t instanceof Num n && n.isOne()) one = t; else other = t;
        }
        if (one == null || !(other instanceof Mul m) || m.factors().size() != 2) return false;
        if (!(m.factors().getFirst() instanceof Num c) || !c.isMinusOne()) return false;
        Expr f = m.factors().get(1);
        return Terms.isCall(f, "sigmoid") || Terms.callPower(f, "tanh", 2) != null;
    }

    static Expr oneMinus(Expr e) {
        return add(Num.ONE, mul(Num.MINUS_ONE, e));
    }

    // ----------------------------------------------------------------------- exact values

    /** The exact value of a built-in at numbers, where it is rational: sin 0 = 0, ln 1 = 0, sqrt(9/4) = 3/2. */
    static Expr exactValue(Call c) {
        var fn = Fn.lookup(c.fn());
        if (fn.isEmpty() || !fn.get().name().equals(c.fn())) return null;
        List<Expr> args = fn.get().withDefaults(c.args());
        for (Expr a : args) if (!(a instanceof Num) && !(a instanceof Const)) return null;
        Expr x = args.getFirst();
        boolean zero = x instanceof Num n && n.isZero(), one = x instanceof Num n && n.isOne();
        boolean pi = x.equals(Const.PI), e = x.equals(Const.E);
        switch (c.fn()) {
            case "sin", "tan" -> { if (zero || pi) return Num.ZERO; }
            case "asin", "atan", "sinh", "tanh" -> { if (zero) return Num.ZERO; }
            case "cos" -> { if (zero) return Num.ONE; if (pi) return Num.MINUS_ONE; }
            case "cosh", "sec", "exp" -> { if (zero) return Num.ONE; }
            case "acos" -> { if (one) return Num.ZERO; }
            case "ln" -> { if (one) return Num.ZERO; if (e) return Num.ONE; }
            case "sigmoid" -> { if (zero) return Num.HALF; }
            default -> { }
        }
        if (!(x instanceof Num n)) return null;
        return switch (c.fn()) {
            case "abs" -> n.abs();
            case "sign" -> Num.of(n.signum());
            case "relu" -> n.signum() > 0 ? n : Num.ZERO;
            case "LeakyReLU" -> args.get(1) instanceof Num a ? (n.signum() > 0 ? n : a.times(n)) : null;
            case "min", "max" -> {
                if (!(args.get(1) instanceof Num m)) yield null;
                boolean firstSmaller = n.compareTo(m) <= 0;
                yield c.fn().equals("min") == firstSmaller ? n : m;
            }
            case "sqrt" -> n.signum() < 0 ? null : Arithmetic.foldPow(n, Num.HALF);
            default -> null;
        };
    }

    // ---------------------------------------------------------------- exponentials and logs

    /** e^u = exp(u): one spelling, so that the identities of exp apply. */
    static Expr expNotation(Expr e, Engine en) {
        if (e instanceof Pow(Const c, Expr u) && c.name().equals("e")) return call("exp", u);
        return null;
    }

    /** exp(ln u) = u, and exp(a ln u) = u^a. */
    static Expr expOfLog(Expr e, Engine en) {
        if (!Terms.isCall(e, "exp")) return null;
        Expr x = Terms.arg(e);
        if (Terms.isCall(x, "ln")) return Terms.arg(x);
        if (x instanceof Mul m) {
            for (int i = 0; i < m.factors().size(); i++) {
                if (Terms.isCall(m.factors().get(i), "ln")) {
                    List<Expr> rest = new ArrayList<>(m.factors());
                    Expr ln = rest.remove(i);
                    return new Pow(Terms.arg(ln), mul(rest));
                }
            }
        }
        return null;
    }

    /** ln(exp u) = u */
    static Expr logOfExp(Expr e, Engine en) {
        if (Terms.isCall(e, "ln") && Terms.isCall(Terms.arg(e), "exp")) return Terms.arg(Terms.arg(e));
        return null;
    }

    // ------------------------------------------------------------------------ roots, abs

    /** sqrt(u)^2 = u (and sqrt(u)^(2k) = u^k): equal wherever sqrt(u) is defined. */
    static Expr squareOfSqrt(Expr e, Engine en) {
        if (e instanceof Pow(Expr b, Num n) && Terms.isCall(b, "sqrt") && n.isInteger() && !n.num().testBit(0)) {
            return Terms.power(Terms.arg(b), n.times(Num.HALF));
        }
        return null;
    }

    /** sqrt(u^2) = |u|, not u; sqrt(u^(2k)) = |u|^k. */
    static Expr sqrtOfSquare(Expr e, Engine en) {
        Expr inner = null;
        if (Terms.isCall(e, "sqrt")) inner = Terms.arg(e);
        else if (e instanceof Pow(Expr b, Num h) && h.equals(Num.HALF)) inner = b;
        if (inner instanceof Pow(Expr u, Num n) && Terms.isEvenInteger(n) && n.signum() > 0) {
            Expr root = nonnegative(u) ? u : call("abs", u);
            return Terms.power(root, n.times(Num.HALF));
        }
        return null;
    }

    /** |u| = u when u >= 0 is known; |u|^2 = u^2; sign(u) |u| = u; sign(u) u = |u|. */
    static Expr absIdentity(Expr e, Engine en) {
        if (Terms.isCall(e, "abs") && nonnegative(Terms.arg(e))) return Terms.arg(e);
        if (e instanceof Pow(Expr b, Num n) && Terms.isCall(b, "abs") && Terms.isEvenInteger(n)) return new Pow(Terms.arg(b), n);
        if (e instanceof Mul m) {
            List<Expr> fs = m.factors();
            for (int i = 0; i < fs.size(); i++) {
                if (!Terms.isCall(fs.get(i), "sign")) continue;
                Expr u = Terms.arg(fs.get(i));
                for (int j = 0; j < fs.size(); j++) {
                    if (Terms.isCall(fs.get(j), "abs") && Terms.arg(fs.get(j)).equals(u)) return replacePair(fs, i, j, u);
                    if (fs.get(j).equals(u)) return replacePair(fs, i, j, call("abs", u));
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------ sigmoid

    /**
     * σ(u) = 1/(1 + exp(-u)), and its derivative kept in the taught form σ(u)(1 - σ(u)):
     * (1 + exp(-u))^-k = σ(u)^k;  exp(-u) σ(u)^k = σ(u)^(k-1) (1 - σ(u));
     * exp(u)/(1 + exp(u))^2 = σ(u)(1 - σ(u));  c σ(u) - c σ(u)^2 = c σ(u)(1 - σ(u)).
     */
    static Expr sigmoidIdentity(Expr e, Engine en) {
        return switch (e) {
            case Pow(Add s, Num k) when k.isInteger() && k.signum() < 0 -> {
                Expr v = onePlusExp(s);
                if (v == null || !Terms.looksNegative(v)) yield null;
                yield Terms.power(call("sigmoid", Terms.negate(v)), k.negate());
            }
            case Mul m -> sigmoidProduct(m);
            case Add a when anyFactor(a, f -> Terms.callPower(f, "sigmoid", 2) != null) -> pairs(a, en, (c, rest, order) -> {
                List<Match> out = new ArrayList<>();
                for (int i = 0; i < rest.size(); i++) {
                    Expr u = Terms.callPower(rest.get(i), "sigmoid", 2);
                    if (u == null) continue;
                    List<Expr> r = without(rest, i);
                    Expr s = call("sigmoid", u);
                    out.add(new Match(c.negate(), with(order, r, s), Terms.term(c.negate(), with(order, r, s, oneMinus(s)))));
                }
                return out;
            });
            default -> null;
        };
    }

    /** v when {@code s} is 1 + exp(v), else null. */
    private static Expr onePlusExp(Add s) {
        if (s.terms().size() != 2) return null;
        Expr a = s.terms().get(0), b = s.terms().get(1);
        if (a instanceof Num n && n.isOne() && Terms.isCall(b, "exp")) return Terms.arg(b);
        if (b instanceof Num n && n.isOne() && Terms.isCall(a, "exp")) return Terms.arg(a);
        return null;
    }

    private static Expr sigmoidProduct(Mul m) {
        List<Expr> fs = m.factors();
        for (int i = 0; i < fs.size(); i++) {
            if (!Terms.isCall(fs.get(i), "exp")) continue;
            Expr v = Terms.arg(fs.get(i));
            for (int j = 0; j < fs.size(); j++) {
                if (j == i) continue;
                Expr f = fs.get(j);
                // exp(-u) σ(u)^k = σ(u)^(k-1) (1 - σ(u))
                if (Terms.looksNegative(v) && Terms.isCall(Terms.base(f), "sigmoid")
                    && Terms.arg(Terms.base(f)).equals(Terms.negate(v))
                    && Terms.exponent(f) instanceof Num k && k.isInteger() && k.signum() > 0) {
                    Expr s = Terms.base(f);
                    return replacePair(fs, i, j, mul(Terms.power(s, k.minus(Num.ONE)), oneMinus(s)));
                }
                // exp(u) (1 + exp(u))^-2 = σ(u)(1 - σ(u))
                if (f instanceof Pow(Add s, Num k) && k.equals(Num.of(-2)) && v.equals(onePlusExp(s))) {
                    Expr u = Terms.looksNegative(v) ? Terms.negate(v) : v;
                    Expr sg = call("sigmoid", u);
                    return replacePair(fs, i, j, mul(sg, oneMinus(sg)));
                }
            }
        }
        return null;
    }

    private static Expr replacePair(List<Expr> fs, int drop, int at, Expr by) {
        List<Expr> out = new ArrayList<>();
        for (int k = 0; k < fs.size(); k++) {
            if (k == drop) continue;
            out.add(k == at ? by : fs.get(k));
        }
        return mul(out);
    }

    // --------------------------------------------------------------------------------- tanh

    /** The derivative of tanh kept as taught: c - c tanh(u)^2 = c(1 - tanh(u)^2); cosh(u)^-2 = 1 - tanh(u)^2. */
    static Expr tanhIdentity(Expr e, Engine en) {
        return switch (e) {
            case Pow(Expr b, Num k) when Terms.isCall(b, "cosh") && k.equals(Num.of(-2)) -> oneMinus(pow(call("tanh", Terms.arg(b)), 2));
            case Add a when !isProtected(a) && anyFactor(a, f -> Terms.callPower(f, "tanh", 2) != null) -> pairs(a, en, (c, rest, order) -> {
                List<Match> out = new ArrayList<>();
                for (int i = 0; i < rest.size(); i++) {
                    Expr u = Terms.callPower(rest.get(i), "tanh", 2);
                    if (u == null) continue;
                    List<Expr> r = without(rest, i);
                    out.add(new Match(c.negate(), r, Terms.term(c.negate(), with(order, r, oneMinus(rest.get(i))))));
                }
                return out;
            });
            default -> null;
        };
    }

    // --------------------------------------------------------------------------------- trig

    /** sin(u)^2 + cos(u)^2 = 1 (also 1 - sin(u)^2 = cos(u)^2, 1 - cos(u)^2 = sin(u)^2, cosh^2 - sinh^2 = 1). */
    static Expr pythagoreanIdentity(Expr e, Engine en) {
        if (!(e instanceof Add a) || !anyFactor(a, f -> Terms.callPower(f, "sin", 2) != null
            || Terms.callPower(f, "cos", 2) != null || Terms.callPower(f, "cosh", 2) != null)) return null;
        return pairs(a, en, (c, rest, order) -> {
            List<Match> out = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                Expr f = rest.get(i);
                List<Expr> r = without(rest, i);
                Expr u;
                if ((u = Terms.callPower(f, "sin", 2)) != null) {
                    out.add(new Match(c, with(order, r, pow(call("cos", u), 2)), Terms.term(c, r)));
                    out.add(new Match(c.negate(), r, Terms.term(c.negate(), with(order, r, pow(call("cos", u), 2)))));
                } else if ((u = Terms.callPower(f, "cos", 2)) != null) {
                    out.add(new Match(c.negate(), r, Terms.term(c.negate(), with(order, r, pow(call("sin", u), 2)))));
                } else if ((u = Terms.callPower(f, "cosh", 2)) != null) {
                    out.add(new Match(c.negate(), with(order, r, pow(call("sinh", u), 2)), Terms.term(c, r)));
                }
            }
            return out;
        });
    }

    /** cos(u)^2 - sin(u)^2 = cos(2u). */
    static Expr doubleAngle(Expr e, Engine en) {
        if (!(e instanceof Add a) || !anyFactor(a, f -> Terms.callPower(f, "cos", 2) != null)) return null;
        return pairs(a, en, (c, rest, order) -> {
            List<Match> out = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                Expr u = Terms.callPower(rest.get(i), "cos", 2);
                if (u == null) continue;
                List<Expr> r = without(rest, i);
                out.add(new Match(c.negate(), with(order, r, pow(call("sin", u), 2)),
                                  Terms.term(c, with(order, r, call("cos", mul(Num.TWO, u))))));
            }
            return out;
        });
    }

    /**
     * The angle sum and difference formulas, read backwards:
     * sin A cos B ± cos A sin B = sin(A ± B);  cos A cos B ∓ sin A sin B = cos(A ± B).
     */
    static Expr angleAddition(Expr e, Engine en) {
        if (!(e instanceof Add a) || !anyFactor(a, f -> Terms.isCall(f, "sin") || Terms.isCall(f, "cos"))) return null;
        return pairs(a, en, (c, rest, order) -> {
            List<Match> out = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                for (int j = 0; j < rest.size(); j++) {
                    if (i == j) continue;
                    Expr fi = rest.get(i), fj = rest.get(j);
                    List<Expr> r = without(without(rest, Math.max(i, j)), Math.min(i, j));
                    if (Terms.isCall(fi, "sin") && Terms.isCall(fj, "cos")) {
                        Expr x = Terms.arg(fi), y = Terms.arg(fj);
                        if (x.equals(y)) continue;
                        List<Expr> partner = with(order, r, call("cos", x), call("sin", y));
                        out.add(new Match(c, partner, Terms.term(c, with(order, r, call("sin", add(x, y))))));
                        out.add(new Match(c.negate(), partner, Terms.term(c, with(order, r, call("sin", add(x, Terms.negate(y)))))));
                    } else if (i < j && Terms.isCall(fi, "cos") && Terms.isCall(fj, "cos")) {
                        Expr x = Terms.arg(fi), y = Terms.arg(fj);
                        if (x.equals(y)) continue;
                        List<Expr> partner = with(order, r, call("sin", x), call("sin", y));
                        out.add(new Match(c.negate(), partner, Terms.term(c, with(order, r, call("cos", add(x, y))))));
                        out.add(new Match(c, partner, Terms.term(c, with(order, r, call("cos", add(x, Terms.negate(y)))))));
                    }
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ pairs of terms in a sum

    /**
     * A way to combine term i with a partner term: the partner's coefficient and (sorted)
     * factors, and the term that replaces both.
     */
    record Match(Num partnerCoefficient, List<Expr> partnerRest, Expr replacement) {}

    @FunctionalInterface
    interface PairPattern {
        /** The matches offered by a term with coefficient {@code c} and sorted factors {@code rest}. */
        List<Match> matches(Num c, List<Expr> rest, Order order);
    }

    /**
     * Combines pairs of terms of a sum: for each term in order, the first match whose partner is
     * present and unused. Partners are found by their (coefficient, factors) key: linear in the
     * number of terms, so that a sum of thousands of terms stays cheap.
     */
    static Expr pairs(Add a, Engine en, PairPattern pattern) {
        Order order = en.order();
        List<Expr> ts = a.terms();
        int n = ts.size();
        List<Num> coef = new ArrayList<>(n);
        List<List<Expr>> rests = new ArrayList<>(n);
        Keyed<List<Object>, Integer> index = new Keyed<>();
        for (int i = 0; i < n; i++) {
            coef.add(Terms.coefficient(ts.get(i)));
            rests.add(order.sortFactors(Terms.rest(ts.get(i))));
            List<Object> key = List.of(coef.get(i), rests.get(i));
            if (index.indexOf(key) < 0) index.put(key, i);
        }
        Expr[] out = ts.toArray(new Expr[0]);
        boolean[] used = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (used[i] || rests.get(i).isEmpty()) continue;
            for (Match m : pattern.matches(coef.get(i), rests.get(i), order)) {
                Integer j = index.get(List.of(m.partnerCoefficient(), m.partnerRest()));
                if (j == null || j == i || used[j]) continue;
                used[i] = used[j] = true;
                out[i] = m.replacement();
                out[j] = null;
                any = true;
                break;
            }
        }
        if (!any) return null;
        List<Expr> result = new ArrayList<>();
        for (Expr t : out) if (t != null) result.add(t);
        return add(result);
    }

    /** Whether some factor of some term satisfies {@code p}: a cheap test before the work of {@link #pairs}. */
    static boolean anyFactor(Add a, java.util.function.Predicate<Expr> p) {
        for (Expr t : a.terms()) for (Expr f : Terms.factors(t)) if (p.test(f)) return true;
        return false;
    }

    static List<Expr> without(List<Expr> xs, int i) {
        List<Expr> out = new ArrayList<>(xs);
        out.remove(i);
        return out;
    }

    static List<Expr> with(Order order, List<Expr> xs, Expr... more) {
        List<Expr> out = new ArrayList<>(xs);
        out.addAll(List.of(more));
        return order.sortFactors(out);
    }
}
