package deriv.simplify;

import static deriv.expr.Expr.*;

import deriv.expr.Expr;
import deriv.expr.Expr.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic rules: folding numbers, the identities of 0 and 1, like terms, powers, signs,
 * and the canonical order. Each method is one rule at one node and returns null where the rule
 * does not apply.
 */
final class Arithmetic {
    private Arithmetic() {}

    // ------------------------------------------------------------------------ ConstantFolding

    /** 2 + 3 = 5, 2*3 = 6, 2^3 = 8, 4^(1/2) = 2, and exact values of functions (sin 0 = 0, ln 1 = 0). */
    static Expr constantFolding(Expr e, Engine en) {
        return switch (e) {
            case Add a -> {
                int nums = 0;
                Num sum = Num.ZERO;
                for (Expr t : a.terms()) if (t instanceof Num n) { nums++; sum = sum.plus(n); }
                if (nums < 2) yield null;
                List<Expr> out = new ArrayList<>();
                boolean placed = false;
                for (Expr t : a.terms()) {
                    if (!(t instanceof Num)) out.add(t);
                    else if (!placed) { out.add(sum); placed = true; }
                }
                yield add(out);
            }
            case Mul m -> {
                int nums = 0;
                Num prod = Num.ONE;
                for (Expr f : m.factors()) if (f instanceof Num n) { nums++; prod = prod.times(n); }
                if (nums < 2) yield null;
                List<Expr> out = new ArrayList<>();
                out.add(prod);
                for (Expr f : m.factors()) if (!(f instanceof Num)) out.add(f);
                yield mul(out);
            }
            case Pow(Num a, Num b) -> foldPow(a, b);
            case Call c -> Functions.exactValue(c);
            default -> null;
        };
    }

    /** a^b as an exact rational, or null when it is not one (or is too large to be worth writing). */
    static Num foldPow(Num a, Num b) {
        if (b.isInteger()) {
            if (b.num().bitLength() > 12) return null;
            int k = b.num().intValue();
            if (a.isZero() && k < 0) return null;
            if ((long) Math.max(a.num().bitLength(), a.den().bitLength()) * Math.abs(k) > 4096) return null;
            return a.pow(k);
        }
        if (b.den().bitLength() > 7) return null;
        int q = b.den().intValue();
        BigInteger rn = Terms.exactRoot(a.num(), q), rd = Terms.exactRoot(a.den(), q);
        if (rn == null || rd == null) return null;
        return foldPow(new Num(rn, rd), new Num(b.num(), BigInteger.ONE));
    }

    // ------------------------------------------------------------------ identities of 0 and 1

    /** u + 0 = u */
    static Expr additiveIdentity(Expr e, Engine en) {
        if (!(e instanceof Add a)) return null;
        List<Expr> out = new ArrayList<>();
        for (Expr t : a.terms()) if (!(t instanceof Num n && n.isZero())) out.add(t);
        return out.size() == a.terms().size() ? null : add(out);
    }

    /** 1*u = u */
    static Expr multiplicativeIdentity(Expr e, Engine en) {
        if (!(e instanceof Mul m)) return null;
        List<Expr> out = new ArrayList<>();
        for (Expr f : m.factors()) if (!(f instanceof Num n && n.isOne())) out.add(f);
        return out.size() == m.factors().size() ? null : mul(out);
    }

    /** 0*u = 0 */
    static Expr zeroProduct(Expr e, Engine en) {
        if (!(e instanceof Mul m)) return null;
        for (Expr f : m.factors()) if (f instanceof Num n && n.isZero()) return Num.ZERO;
        return null;
    }

    /** u^1 = u, u^0 = 1, 1^u = 1 */
    static Expr powerIdentity(Expr e, Engine en) {
        if (!(e instanceof Pow p)) return null;
        if (p.exp() instanceof Num n && n.isOne()) return p.base();
        if (p.exp() instanceof Num n && n.isZero()) return Num.ONE;
        if (p.base() instanceof Num n && n.isOne()) return Num.ONE;
        return null;
    }

    // ---------------------------------------------------------------------------- like terms

    /** 2x + 3x = 5x, x - x = 0: terms equal but for their coefficients are added. */
    static Expr collectLikeTerms(Expr e, Engine en) {
        if (!(e instanceof Add a)) return null;
        Keyed<List<Expr>, Num> coef = new Keyed<>();
        boolean like = false;
        for (Expr t : a.terms()) {
            List<Expr> rest = Terms.rest(t);
            List<Expr> key = rest.size() < 2 ? rest : en.order().sortFactors(rest);
            Num c = Terms.coefficient(t);
            int i = coef.indexOf(key);
            if (i >= 0) {
                like = true;
                coef.put(key, coef.value(i).plus(c));
            } else {
                coef.put(key, c);
            }
        }
        if (!like) return null;
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < coef.size(); i++) {
            if (!coef.value(i).isZero()) out.add(Terms.term(coef.value(i), coef.key(i)));
        }
        return add(out);
    }

    // -------------------------------------------------------------------------------- powers

    /** The non-numeric factors of a product grouped by base, in order of first appearance. */
    private static boolean mixedSigns(Expr[] exps, List<Integer> idx) {
        boolean pos = false, neg = false;
        for (int i : idx) {
            if (!(exps[i] instanceof Num n)) return false;
            pos |= n.signum() > 0;
            neg |= n.signum() < 0;
        }
        return pos && neg;
    }

    /** x/x = 1, x^2/x = x: a factor of the numerator cancels one of the denominator. */
    static Expr cancelCommonFactor(Expr e, Engine en) {
        if (!(e instanceof Mul m)) return null;
        return combine(m.factors(), true);
    }

    /**
     * x*x = x^2, x^a*x^b = x^(a+b): factors with the same base are combined; so are exponentials,
     * exp(a)*exp(b) = exp(a + b), when the exponents then combine (exp(2x)*exp(-x) = exp(x)).
     */
    static Expr combinePowers(Expr e, Engine en) {
        if (!(e instanceof Mul m)) return null;
        Expr c = combine(m.factors(), false);
        return c != null ? c : combineExponentials(m, en);
    }

    private static Expr combineExponentials(Mul m, Engine en) {
        List<Expr> args = new ArrayList<>(), others = new ArrayList<>();
        int first = -1;
        for (Expr f : m.factors()) {
            Expr b = Terms.base(f), k = Terms.exponent(f);
            if (Terms.isCall(b, "exp") && Terms.isInteger(k)) {
                if (first < 0) first = others.size();
                args.addAll(Terms.terms(Terms.times(k, Terms.arg(b))));
            } else {
                others.add(f);
            }
        }
        if (first < 0 || args.size() < 2) return null;
        Expr sum = collectLikeTerms(add(args), en);
        if (sum == null || Terms.terms(sum).size() >= args.size()) return null;
        others.add(first, call("exp", sum));
        return mul(others);
    }

    private static Expr combine(List<Expr> factors, boolean cancelling) {
        if (factors.size() < 2) return null;
        // sqrt(u)^k next to a power of u itself counts as u^(k/2): x/sqrt(x) = sqrt(x),
        // sqrt(u)^-1 * u^-1 = u^(-3/2)
        int n = factors.size();
        Expr[] bases = new Expr[n], exps = new Expr[n];
        boolean[] root = new boolean[n];
        for (int i = 0; i < n; i++) {
            bases[i] = Terms.base(factors.get(i));
            exps[i] = Terms.exponent(factors.get(i));
        }
        for (int i = 0; i < n; i++) {
            if (!Terms.isCall(bases[i], "sqrt")) continue;
            Expr u = Terms.arg(bases[i]);
            boolean paired = false;
            // a linear scan: records do not cache their hash codes (see Keyed)
            for (int k = 0; k < n && !paired; k++) paired = k != i && !root[k] && !(factors.get(k) instanceof Num) && bases[k].equals(u);
            if (paired) {
                bases[i] = u;
                exps[i] = Terms.times(exps[i], Num.HALF);
                root[i] = true;
            }
        }
        Keyed<Expr, List<Integer>> groups = new Keyed<>();
        for (int i = 0; i < n; i++) {
            if (factors.get(i) instanceof Num) continue;
            List<Integer> g = groups.get(bases[i]);
            if (g == null) groups.put(bases[i], g = new ArrayList<>());
            g.add(i);
        }
        Expr[] out = factors.toArray(new Expr[0]);
        boolean any = false;
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> idx = groups.value(g);
            if (idx.size() < 2 || mixedSigns(exps, idx) != cancelling) continue;
            Expr sum = Num.ZERO;
            boolean roots = false;
            for (int i : idx) { sum = Terms.plus(sum, exps[i]); roots |= root[i]; }
            Expr p = roots && sum instanceof Num h && h.den().equals(java.math.BigInteger.TWO) && h.num().abs().equals(java.math.BigInteger.ONE)
                ? Terms.power(call("sqrt", groups.key(g)), Num.of(h.signum()))
                : Terms.power(groups.key(g), sum);
            out[idx.getFirst()] = p instanceof Num one && one.isOne() ? null : p;
            for (int k = 1; k < idx.size(); k++) out[idx.get(k)] = null;
            any = true;
        }
        if (!any) return null;
        List<Expr> kept = new ArrayList<>();
        for (Expr f : out) if (f != null) kept.add(f);
        return mul(kept);
    }

    /** (u^a)^b = u^(ab) when b is an integer, or u is known to be nonnegative. */
    static Expr powerOfPower(Expr e, Engine en) {
        if (!(e instanceof Pow(Pow(Expr u, Expr a), Expr b))) return null;
        if (!Terms.isInteger(b) && !Functions.nonnegative(u)) return null;
        return Terms.power(u, Terms.times(a, b));
    }

    /** (ab)^n = a^n b^n for an integer n. */
    static Expr powerOfProduct(Expr e, Engine en) {
        if (!(e instanceof Pow(Mul m, Num n)) || !n.isInteger()) return null;
        List<Expr> out = new ArrayList<>();
        for (Expr f : m.factors()) out.add(new Pow(f, n));
        return mul(out);
    }

    // ------------------------------------------------------------------------- distribution

    /**
     * c(a + b) = ca + cb for a number c: inside a sum always (y - (mx + c) = y - mx - c), elsewhere
     * when that is shorter (-(y - x) = x - y, (2x + 4)/2 = x + 2); a number times a piecewise
     * number goes into its branches. The forms 1 - tanh(u)^2 and 1 - σ(u) are kept whole:
     * 2(1 - tanh(u)^2) stays as written.
     */
    static Expr distributeConstant(Expr e, Engine en) {
        if (e instanceof Add a) {
            boolean any = false;
            List<Expr> out = new ArrayList<>();
            for (Expr t : a.terms()) {
                List<Expr> d = distributed(t);
                if (d == null) out.add(t);
                else { out.addAll(d); any = true; }
            }
            return any ? sorted(add(out), en) : null;
        }
        if (e instanceof Mul m && m.factors().size() == 2 && m.factors().getFirst() instanceof Num c
            && m.factors().get(1) instanceof Piecewise p) {
            return Piecewises.scale(p, c);
        }
        List<Expr> d = distributed(e);
        if (d == null) return null;
        Expr candidate = sorted(add(d), en);
        return Terms.size(candidate) < Terms.size(e) ? candidate : null;
    }

    /** The terms of c(a + b) distributed, when {@code t} is a number times a sum that may be opened; else null. */
    private static List<Expr> distributed(Expr t) {
        if (!(t instanceof Mul m) || m.factors().size() != 2 || !(m.factors().getFirst() instanceof Num c)) return null;
        if (!(m.factors().get(1) instanceof Add s) || Functions.isProtected(s)) return null;
        List<Expr> out = new ArrayList<>();
        for (Expr x : s.terms()) out.add(Terms.term(c.times(Terms.coefficient(x)), Terms.rest(x)));
        return out;
    }

    // -------------------------------------------------------------------------------- signs

    /**
     * Signs where a reader expects them: a factor (-a - b) becomes -(a + b); (-u)^2 = u^2;
     * sin(-u) = -sin(u), cos(-u) = cos(u) (odd and even functions); σ(u) - 1 = -(1 - σ(u)); a
     * leading minus is taken into a factor with as many negative terms as positive ones:
     * -x sign(y - wx) = x sign(wx - y).
     */
    static Expr negationNormalisation(Expr e, Engine en) {
        return switch (e) {
            case Pow(Add s, Num n) when n.isInteger() && (n.num().testBit(0) ? mustFlip(s) : flips(s)) -> {
                Expr p = new Pow(sorted(Terms.negate(s), en), n);
                yield n.num().testBit(0) ? mul(Num.MINUS_ONE, p) : p;
            }
            case Mul m -> {
                boolean any = false, negative = false;
                List<Expr> out = new ArrayList<>(m.factors());
                List<Integer> optional = new ArrayList<>();
                for (int i = 0; i < out.size(); i++) {
                    if (!(out.get(i) instanceof Add s) || !flips(s)) continue;
                    if (!mustFlip(s)) { optional.add(i); continue; }
                    any = true;
                    negative = !negative;
                    negateAt(out, i, en);
                }
                // a sum that still has a positive term reads as well either way: it is negated only
                // where that cancels a minus (-2x(y - mx - c) = 2x(mx + c - y)) or in pairs, never
                // to put a new minus in front (2L(a - b - c) stays, not -2L(b + c - a))
                boolean minus = Terms.coefficient(m).isNegative() != negative;
                int k = 0;
                if (minus && !optional.isEmpty()) {
                    negateAt(out, optional.get(k++), en);
                    negative = !negative;
                    any = true;
                }
                for (; k + 1 < optional.size(); k += 2) {
                    negateAt(out, optional.get(k), en);
                    negateAt(out, optional.get(k + 1), en);
                    any = true;
                }
                // a leading minus goes into a balanced factor: -s(1 - s)(2s - 1) = s(1 - s)(1 - 2s), -sign(y - wx) = sign(wx - y)
                if (Terms.coefficient(m).isNegative() != negative) {
                    for (int i = 0; i < out.size(); i++) {
                        Expr flipped = absorbMinus(out.get(i), en);
                        if (flipped != null) {
                            out.set(i, flipped);
                            negative = !negative;
                            any = true;
                            break;
                        }
                    }
                }
                if (!any) yield null;
                if (negative) {
                    if (!(out.getFirst() instanceof Num c)) out.addFirst(Num.MINUS_ONE);
                    else if (c.isMinusOne()) out.removeFirst();
                    else out.set(0, c.negate());
                }
                yield mul(out);
            }
            case Call c when c.args().size() == 1 && Terms.looksNegative(c.args().getFirst()) -> {
                Expr u = sorted(Terms.negate(c.args().getFirst()), en);
                if (Functions.isOdd(c.fn())) yield mul(Num.MINUS_ONE, call(c.fn(), u));
                if (Functions.isEven(c.fn())) yield call(c.fn(), u);
                yield null;
            }
            default -> null;
        };
    }

    /** A sum in canonical order (a rule that builds a sum writes it in order, saving a reordering step). */
    static Expr sorted(Expr e, Engine en) {
        return e instanceof Add a ? new Add(en.order().sortTerms(a.terms())) : e;
    }

    /** -f as f' for a factor whose sum has as many negative as positive terms (or an odd function or odd power of one); else null. */
    private static Expr absorbMinus(Expr f, Engine en) {
        return switch (f) {
            case Add s when balanced(s) -> sorted(Terms.negate(s), en);
            case Call c when c.args().size() == 1 && Functions.isOdd(c.fn()) && c.args().getFirst() instanceof Add s && balanced(s) ->
                call(c.fn(), sorted(Terms.negate(s), en));
            case Pow(Add s, Num n) when n.isInteger() && n.num().testBit(0) && balanced(s) -> new Pow(sorted(Terms.negate(s), en), n);
            default -> null;
        };
    }

    private static boolean balanced(Add s) {
        int neg = 0;
        for (Expr t : s.terms()) if (Terms.isNegative(t)) neg++;
        return 2 * neg == s.terms().size() && !Functions.isProtected(s);
    }

    private static boolean flips(Add s) {
        return Terms.looksNegative(s) || Functions.isProtected(Terms.negate(s));
    }

    /** Replaces the sum at {@code i} by its negation, in canonical order. */
    private static void negateAt(List<Expr> factors, int i, Engine en) {
        factors.set(i, sorted(Terms.negate(factors.get(i)), en));
    }

    /** A sum that reads better negated whatever the sign outside: every term negative, or {@code sigmoid(u) - 1}. */
    private static boolean mustFlip(Add s) {
        for (Expr t : s.terms()) if (!Terms.isNegative(t)) return Functions.isProtected(Terms.negate(s));
        return true;
    }

    // -------------------------------------------------------------------------------- order

    /** The terms of a sum in canonical order. */
    static Expr orderTerms(Expr e, Engine en) {
        if (!(e instanceof Add a)) return null;
        List<Expr> sorted = en.order().sortTerms(a.terms());
        return sameElements(sorted, a.terms()) ? null : new Add(sorted);
    }

    /** The factors of a product in canonical order. */
    static Expr orderFactors(Expr e, Engine en) {
        if (!(e instanceof Mul m)) return null;
        List<Expr> sorted = en.order().sortFactors(m.factors());
        return sameElements(sorted, m.factors()) ? null : new Mul(sorted);
    }

    /** The same elements, by reference, in the same order. */
    static boolean sameElements(List<Expr> a, List<Expr> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }
}
