package deriv.simplify;

import static deriv.expr.Expr.*;

import deriv.diff.Step;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that reshape a sum, applied once the local rules are done and kept only when the
 * result is shorter: factoring out what every term shares, expanding products when like terms
 * then cancel, and writing a sum of fractions over one denominator. Products of sums are never
 * expanded for their own sake: the factored form is what a teacher writes.
 */
final class Factoring {
    private Factoring() {}

    /** Most terms a trial expansion may produce. */
    static final int MAX_EXPANDED_TERMS = 256;

    // -------------------------------------------------------------------------- FactorCommon

    /** ab + ac = a(b + c): a factor (or power, or common numeric content) of every term is taken out, when shorter. */
    static Expr factorCommon(Expr e, Engine en) {
        if (!(e instanceof Add a)) return null;
        List<Expr> ts = alignSigns(a.terms(), en);
        List<Keyed<Expr, Expr>> powers = new ArrayList<>(ts.size());
        for (Expr t : ts) powers.add(powersOf(t));
        Keyed<Expr, Expr> common = new Keyed<>();
        Keyed<Expr, Expr> first = powers.getFirst();
        for (int i = 0; i < first.size(); i++) {
            Expr pick = commonExponent(first.key(i), powers);
            if (pick != null) common.put(first.key(i), pick);
        }
        if (common.size() == 0 && !sharesNumericContent(ts)) return null;
        Num content = content(ts);
        if (common.size() == 0 && content.abs().isOne()) return null;
        List<Expr> inner = new ArrayList<>(ts.size());
        for (int i = 0; i < ts.size(); i++) {
            List<Expr> fs = new ArrayList<>();
            Keyed<Expr, Expr> p = powers.get(i);
            for (int j = 0; j < p.size(); j++) {
                Expr x = p.value(j);
                Expr c = common.get(p.key(j));
                if (c != null) x = c instanceof Num cn && x instanceof Num xn ? xn.minus(cn) : Num.ZERO;
                if (!(x instanceof Num n && n.isZero())) fs.add(Terms.power(p.key(j), x));
            }
            inner.add(Terms.term(Terms.coefficient(ts.get(i)).dividedBy(content), fs));
        }
        List<Expr> outer = new ArrayList<>();
        if (!content.isOne()) outer.add(content);
        for (int j = 0; j < common.size(); j++) outer.add(Terms.power(common.key(j), common.value(j)));
        outer.add(add(inner));
        Expr candidate = mul(outer);
        return Terms.size(candidate) < Terms.size(e) ? candidate : null;
    }

    /**
     * The terms with each sum factor that is the negation of one of the first term's sum factors
     * ({@code 2h - 1} against {@code 1 - 2h}) written as that factor, its sign moved into the
     * coefficient, so that the factor is seen as common: a leading minus absorbed into a balanced
     * factor (NegationNormalisation) must not hide it.
     */
    private static List<Expr> alignSigns(List<Expr> ts, Engine en) {
        List<Expr> refs = new ArrayList<>();
        for (Expr f : Terms.rest(ts.getFirst())) if (Terms.base(f) instanceof Add s) refs.add(s);
        if (refs.isEmpty()) return ts;
        List<Expr> out = new ArrayList<>(ts.size());
        out.add(ts.getFirst());
        boolean changed = false;
        for (Expr t : ts.subList(1, ts.size())) {
            Num c = Terms.coefficient(t);
            List<Expr> fs = new ArrayList<>();
            boolean flipped = false;
            for (Expr f : Terms.rest(t)) {
                if (Terms.base(f) instanceof Add s && Terms.exponent(f) instanceof Num n && n.isInteger() && !refs.contains(s)) {
                    Expr negated = Arithmetic.sorted(Terms.negate(s), en);
                    if (refs.contains(negated)) {
                        fs.add(Terms.power(negated, n));
                        if (n.num().testBit(0)) c = c.negate();
                        flipped = true;
                        continue;
                    }
                }
                fs.add(f);
            }
            out.add(flipped ? Terms.term(c, fs) : t);
            changed |= flipped;
        }
        return changed ? out : ts;
    }

    /** The non-numeric factors of a term as base -> exponent, in order of appearance. */
    private static Keyed<Expr, Expr> powersOf(Expr t) {
        Keyed<Expr, Expr> m = new Keyed<>();
        for (Expr f : Terms.rest(t)) m.merge(Terms.base(f), Terms.exponent(f), Terms::plus);
        return m;
    }

    /** The exponent of {@code b} that every term shares (the smallest power), or null. */
    private static Expr commonExponent(Expr b, List<Keyed<Expr, Expr>> powers) {
        Expr first = powers.getFirst().get(b);
        if (!(first instanceof Num)) {
            for (Keyed<Expr, Expr> p : powers) if (!first.equals(p.get(b))) return null;
            return first;
        }
        Num pick = (Num) first;
        for (Keyed<Expr, Expr> p : powers) {
            if (!(p.get(b) instanceof Num x) || x.signum() != pick.signum()) return null;
            // x^2 and x^3 share x^2; x^-1 and x^-2 share x^-1
            if (pick.signum() > 0 ? x.compareTo(pick) < 0 : x.compareTo(pick) > 0) pick = x;
        }
        return pick;
    }

    /** Whether the coefficients might share a factor other than 1: none is 1 or -1. */
    private static boolean sharesNumericContent(List<Expr> ts) {
        for (Expr t : ts) if (Terms.coefficient(t).abs().isOne()) return false;
        return true;
    }

    /** The greatest common divisor of the coefficients, negative when every one is. */
    private static Num content(List<Expr> ts) {
        BigInteger num = BigInteger.ZERO, den = BigInteger.ONE;
        boolean allNegative = true;
        for (Expr t : ts) {
            Num c = Terms.coefficient(t);
            if (c.isZero()) return Num.ONE;
            num = num.gcd(c.num());
            den = den.divide(den.gcd(c.den())).multiply(c.den());
            allNegative &= c.isNegative();
        }
        Num g = new Num(num, den);
        return allNegative ? g.negate() : g;
    }

    // ---------------------------------------------------------------------- ExpandAndCollect

    /**
     * -y(1 - σ) + (1 - y)σ = σ - y: products of sums in a sum are multiplied out when like terms
     * then cancel or combine and the result is shorter; otherwise the factored form stays.
     */
    static Expr expandAndCollect(Expr e, Engine en) {
        if (!(e instanceof Add a)) return null;
        boolean any = false;
        for (Expr t : a.terms()) any |= hasSumFactor(t);
        if (!any || !en.mayTry("ExpandAndCollect", e)) return null;
        List<Expr> expanded = new ArrayList<>();
        for (Expr t : a.terms()) {
            if (!hasSumFactor(t)) { expanded.add(t); continue; }
            List<Expr> x = expand(t, MAX_EXPANDED_TERMS - expanded.size());
            if (x == null) return en.reject("ExpandAndCollect", e);
            expanded.addAll(x);
        }
        if (distinctTerms(expanded, en.order()) >= expanded.size()) return en.reject("ExpandAndCollect", e);
        Expr candidate = add(expanded);
        return en.keepIfShorter("ExpandAndCollect", e, candidate, new Step("Expand", e, candidate));
    }

    private static boolean hasSumFactor(Expr t) {
        for (Expr f : Terms.factors(t)) {
            if (f instanceof Add) return true;
            if (f instanceof Pow(Add s, Num n) && (Terms.isNum(n, 2) || Terms.isNum(n, 3))) return true;
        }
        return false;
    }

    /** The terms of a product with its sums multiplied out, or null past {@code cap} terms. */
    private static List<Expr> expand(Expr t, int cap) {
        List<List<Expr>> partial = new ArrayList<>();
        partial.add(new ArrayList<>());
        for (Expr f : Terms.factors(t)) {
            List<Expr> alternatives;
            int times = 1;
            if (f instanceof Add s) {
                alternatives = s.terms();
            } else if (f instanceof Pow(Add s, Num n) && (Terms.isNum(n, 2) || Terms.isNum(n, 3))) {
                alternatives = s.terms();
                times = n.num().intValue();
            } else {
                for (List<Expr> p : partial) p.add(f);
                continue;
            }
            for (int k = 0; k < times; k++) {
                if ((long) partial.size() * alternatives.size() > cap) return null;
                List<List<Expr>> next = new ArrayList<>();
                for (List<Expr> p : partial) {
                    for (Expr alt : alternatives) {
                        List<Expr> q = new ArrayList<>(p);
                        q.add(alt);
                        next.add(q);
                    }
                }
                partial = next;
            }
        }
        List<Expr> out = new ArrayList<>(partial.size());
        for (List<Expr> p : partial) out.add(mul(p));
        return out;
    }

    /** How many terms remain once like terms are added (numbers folded, powers of one base combined). */
    private static int distinctTerms(List<Expr> terms, Order order) {
        Keyed<List<Expr>, Num> coef = new Keyed<>();
        for (Expr t : terms) {
            Num c = Num.ONE;
            Keyed<Expr, Expr> powers = new Keyed<>();
            for (Expr f : Terms.factors(t)) {
                if (f instanceof Num n) c = c.times(n);
                else powers.merge(Terms.base(f), Terms.exponent(f), Terms::plus);
            }
            List<Expr> rest = new ArrayList<>();
            for (int i = 0; i < powers.size(); i++) {
                if (!(powers.value(i) instanceof Num n && n.isZero())) rest.add(Terms.power(powers.key(i), powers.value(i)));
            }
            coef.merge(order.sortFactors(rest), c, Num::plus);
        }
        int n = 0;
        for (int i = 0; i < coef.size(); i++) if (!coef.value(i).isZero()) n++;
        return n;
    }

    // ---------------------------------------------------------------------- CombineFractions

    /**
     * a/d + b/d^2 = (ad + b)/d^2: a sum with denominators written over one denominator, and a
     * quotient by such a sum multiplied through ({@code x^-2/(1 + y^2 x^-2) = 1/(x^2 + y^2)}),
     * kept when shorter.
     */
    static Expr combineFractions(Expr e, Engine en) {
        Expr candidate;
        if (e instanceof Add a) {
            Expr t = together(a.terms());
            if (t == null) return null;
            candidate = t;
        } else if (e instanceof Mul m) {
            boolean any = false;
            List<Expr> out = new ArrayList<>();
            for (Expr f : m.factors()) {
                Expr t = f instanceof Pow(Add s, Num k) && k.isInteger() && k.isNegative() ? together(s.terms()) : null;
                if (t != null) {
                    any = true;
                    out.add(new Pow(t, ((Pow) f).exp()));
                } else {
                    out.add(f);
                }
            }
            if (!any) return null;
            candidate = mul(out);
        } else {
            return null;
        }
        if (!en.mayTry("CombineFractions", e)) return null;
        return en.keepIfShorter("CombineFractions", e, candidate, new Step("CommonDenominator", e, candidate));
    }

    /** The sum over its common denominator, N * D^-1, or null when no term has a denominator. */
    private static Expr together(List<Expr> terms) {
        if (terms.size() < 2) return null;
        Keyed<Expr, Num> den = new Keyed<>();
        for (Expr t : terms) {
            for (Expr f : Terms.factors(t)) {
                if (f instanceof Pow(Expr b, Num k) && k.isNegative() && !(b instanceof Num)) {
                    den.merge(b, k.negate(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
                }
            }
        }
        if (den.size() == 0) return null;
        List<Expr> numerator = new ArrayList<>();
        for (Expr t : terms) {
            List<Expr> fs = new ArrayList<>(Terms.factors(t));
            for (int d = 0; d < den.size(); d++) {
                boolean found = false;
                for (int i = 0; i < fs.size(); i++) {
                    if (fs.get(i) instanceof Pow(Expr b, Num k) && k.isNegative() && b.equals(den.key(d))) {
                        fs.set(i, Terms.power(b, k.plus(den.value(d))));
                        found = true;
                        break;
                    }
                }
                if (!found) fs.add(Terms.power(den.key(d), den.value(d)));
            }
            numerator.add(mul(fs));
        }
        List<Expr> out = new ArrayList<>();
        out.add(add(numerator));
        for (int d = 0; d < den.size(); d++) out.add(new Pow(den.key(d), den.value(d).negate()));
        return mul(out);
    }
}
