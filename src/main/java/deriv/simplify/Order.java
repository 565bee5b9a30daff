package deriv.simplify;

import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Exprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical order of terms and factors, so that equal things look equal. A deterministic
 * total order on {@link Expr} (never hash codes or map iteration), chosen to read the way a
 * teacher writes:
 * <ul>
 *   <li>products: numbers first, then constants, piecewise factors, variables, calls, sums;
 *       factors with negative powers (denominators) last; {@code 1 - σ(u)} right after {@code σ(u)};</li>
 *   <li>sums: terms by their factors, variables in the order they first appear in the problem,
 *       higher powers first, numbers last; when that would start with a minus, the positive
 *       terms go first ({@code 1 - tanh(u)^2}, {@code σ(z) - y}, {@code m*x + c - y});</li>
 *   <li>within a kind, an expression whose first-appearing variable comes earlier goes first.</li>
 * </ul>
 */
final class Order {
    private final Map<String, Integer> rank = new HashMap<>();
    private final Map<Expr, Integer> minRank = new IdentityHashMap<>();

    /** Variables in the order they first appear in the problem. */
    Order(List<String> vars) {
        for (int i = 0; i < vars.size(); i++) rank.putIfAbsent(vars.get(i), i);
    }

    static Order of(Expr e) {
        return new Order(Exprs.freeVars(e));
    }

    private int rank(String v) {
        Integer r = rank.get(v);
        return r == null ? Integer.MAX_VALUE - 1 : r;
    }

    /** The rank of the earliest variable in {@code e}; numbers and constants come after all variables. */
    private int minRank(Expr e) {
        return switch (e) {
            case Num n -> Integer.MAX_VALUE;
            case Const c -> Integer.MAX_VALUE;
            case Var v -> rank(v.name());
            default -> {
                Integer m = minRank.get(e);
                if (m == null) {
                    int r = Integer.MAX_VALUE;
                    for (Expr c : Exprs.children(e)) r = Math.min(r, minRank(c));
                    m = r;
                    minRank.put(e, m);
                }
                yield m;
            }
        };
    }

    private static final Map<String, Integer> FN_INDEX = new HashMap<>();
    static {
        for (int i = 0; i < deriv.expr.Fn.TABLE.size(); i++) FN_INDEX.put(deriv.expr.Fn.TABLE.get(i).name(), i);
    }

    /** Built-ins in the order of the function table (sin before cos, as usually written), then user functions. */
    private static int fnIndex(String fn) {
        return FN_INDEX.getOrDefault(fn, Integer.MAX_VALUE);
    }

    private static int kind(Expr e) {
        return switch (e) {
            case Num n -> 0;
            case Const c -> 1;
            case Piecewise p -> 2;
            case Var v -> 3;
            case Call c -> 4;
            case Add a -> 5;
            case Mul m -> 6;
            case Pow p -> 7;
            case Diff d -> 8;
        };
    }

    /** The total order on expressions: powers by base then exponent (higher first), else by kind, then structure. */
    int compare(Expr a, Expr b) {
        if (a == b) return 0;
        if (a instanceof Pow || b instanceof Pow) {
            int c = compare(Terms.base(a), Terms.base(b));
            if (c != 0) return c;
            c = compareExponents(Terms.exponent(a), Terms.exponent(b));
            if (c != 0) return c;
            return Boolean.compare(a instanceof Pow, b instanceof Pow);
        }
        int c = Integer.compare(kind(a), kind(b));
        if (c != 0) return c;
        return switch (a) {
            case Num x -> x.compareTo((Num) b);
            case Const x -> x.name().compareTo(((Const) b).name());
            case Var x -> {
                Var y = (Var) b;
                int r = Integer.compare(rank(x.name()), rank(y.name()));
                yield r != 0 ? r : x.name().compareTo(y.name());
            }
            case Call x -> {
                Call y = (Call) b;
                int r = Integer.compare(minRank(x), minRank(y));
                if (r == 0) r = Integer.compare(fnIndex(x.fn()), fnIndex(y.fn()));
                if (r == 0) r = x.fn().compareTo(y.fn());
                if (r == 0) r = lex(x.args(), y.args(), false);
                yield r;
            }
            case Add x -> {
                int r = Integer.compare(minRank(x), minRank(b));
                yield r != 0 ? r : lex(x.terms(), ((Add) b).terms(), false);
            }
            case Mul x -> {
                int r = Integer.compare(minRank(x), minRank(b));
                yield r != 0 ? r : lex(x.factors(), ((Mul) b).factors(), true);
            }
            case Piecewise x -> {
                Piecewise y = (Piecewise) b;
                int r = Integer.compare(minRank(x), minRank(y));
                if (r == 0) r = Integer.compare(x.branches().size(), y.branches().size());
                for (int i = 0; r == 0 && i < x.branches().size(); i++) {
                    Branch p = x.branches().get(i), q = y.branches().get(i);
                    r = compare(p.cond().left(), q.cond().left());
                    if (r == 0) r = p.cond().rel().compareTo(q.cond().rel());
                    if (r == 0) r = compare(p.cond().right(), q.cond().right());
                    if (r == 0) r = compare(p.value(), q.value());
                }
                yield r != 0 ? r : compare(x.otherwise(), y.otherwise());
            }
            case Diff x -> {
                Diff y = (Diff) b;
                int r = x.var().compareTo(y.var());
                yield r != 0 ? r : compare(x.body(), y.body());
            }
            case Pow x -> throw new IllegalStateException("unreachable");
        };
    }

    // higher numeric exponents first; numbers before symbolic exponents
    private int compareExponents(Expr a, Expr b) {
        if (a instanceof Num x && b instanceof Num y) return y.compareTo(x);
        if (a instanceof Num) return -1;
        if (b instanceof Num) return 1;
        return compare(a, b);
    }

    private int lex(List<Expr> xs, List<Expr> ys, boolean factors) {
        int n = Math.min(xs.size(), ys.size());
        for (int i = 0; i < n; i++) {
            int c = factors ? compareFactors(xs.get(i), ys.get(i)) : compare(xs.get(i), ys.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(xs.size(), ys.size());
    }

    // ------------------------------------------------------------------------------ products

    private static int group(Expr f) {
        if (f instanceof Num) return 0;
        if (f instanceof Pow(Expr b, Num k) && k.isNegative()) return 2;
        return 1;
    }

    /** {@code σ(u)} for the factor {@code 1 - σ(u)}, which is kept next to it; else null. */
    static Expr complementOf(Expr f) {
        if (f instanceof Add a && a.terms().size() == 2) {
            Expr one = null, other = null;
            for (Expr t : a.terms()) {
                if (t instanceof Num n && n.isOne()) one = t; else other = t;
            }
            if (one != null && other instanceof Mul m && m.factors().size() == 2
                && m.factors().getFirst() instanceof Num c && c.isMinusOne() && Terms.isCall(m.factors().get(1), "sigmoid")) {
                return m.factors().get(1);
            }
        }
        return null;
    }

    /** The order of factors in a product. */
    int compareFactors(Expr a, Expr b) {
        if (a == b) return 0;
        int c = Integer.compare(group(a), group(b));
        if (c != 0) return c;
        Expr ca = complementOf(a), cb = complementOf(b);
        c = compare(ca != null ? ca : a, cb != null ? cb : b);
        if (c != 0) return c;
        c = Boolean.compare(ca != null, cb != null);
        if (c != 0) return c;
        return compare(a, b);
    }

    List<Expr> sortFactors(List<Expr> factors) {
        List<Expr> out = new ArrayList<>(factors);
        out.sort(this::compareFactors);
        return out;
    }

    // ---------------------------------------------------------------------------------- sums

    /** The order of terms in a sum, before the positive-first adjustment. */
    int compareTerms(Expr a, Expr b) {
        if (a == b) return 0;
        boolean na = a instanceof Num, nb = b instanceof Num;
        if (na != nb) return na ? 1 : -1;
        if (na) return ((Num) a).compareTo((Num) b);
        List<Expr> ra = sortFactors(Terms.rest(a)), rb = sortFactors(Terms.rest(b));
        int n = Math.min(ra.size(), rb.size());
        for (int i = 0; i < n; i++) {
            int c = compareFactors(ra.get(i), rb.get(i));
            if (c != 0) return c;
        }
        // x^2*y before x^2: more factors first
        int c = Integer.compare(rb.size(), ra.size());
        if (c != 0) return c;
        c = Terms.coefficient(a).compareTo(Terms.coefficient(b));
        if (c != 0) return c;
        return compare(a, b);
    }

    /**
     * Terms in canonical order; when that starts with a negative term, the positive terms go
     * first (keeping their order): {@code 1 - tanh(u)^2}, {@code m*x + c - y}.
     */
    List<Expr> sortTerms(List<Expr> terms) {
        List<Expr> out = new ArrayList<>(terms);
        out.sort(this::compareTerms);
        if (!Terms.isNegative(out.getFirst())) return out;
        List<Expr> pos = new ArrayList<>(), neg = new ArrayList<>();
        for (Expr t : out) (Terms.isNegative(t) ? neg : pos).add(t);
        pos.addAll(neg);
        return pos;
    }
}
