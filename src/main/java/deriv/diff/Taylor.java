package deriv.diff;

import static deriv.expr.Expr.*;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import deriv.expr.Interner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * High-order derivatives in Taylor mode, for when the rules' tree would not fit. The k-th
 * derivative of each node comes from lower derivatives of its parts: Leibniz's rule for products,
 * and for a function {@code w = f(v)} the rule {@code w^(k) = sum_j C(k-1, j) (f'(v))^(j) v^(k-j)},
 * where {@code f'(v)} is taken from the function table and is itself a node whose derivatives are
 * worked out the same way ({@code sin' = cos}, {@code cos' = -sin}, {@code tan' = 1 + tan^2}).
 *
 * <p>Every node is hash-consed, so structurally equal subexpressions are one object, and the n-th
 * derivative of an expression with m nodes is a DAG of about m n^2 nodes instead of a tree that
 * grows exponentially with n. Six nested sines, 10th derivative: about a thousand DAG operations;
 * its tree has more than 10^12 nodes (SymPy's expanded tree: 375,582). The result shares
 * subexpressions by reference, which {@link deriv.codegen.Dag}, the evaluator and
 * {@link deriv.Deriv#treeSize} respect; printing it as a tree is what does not fit.
 *
 * <p>No steps are recorded: this is the engine for orders where a step list would not fit either.
 */
public final class Taylor {
    private final Definitions defs;
    private final String x;
    private final Interner interner = new Interner();
    private final Map<Expr, List<Expr>> derivatives = new IdentityHashMap<>();
    private final Map<Expr, Boolean> depends = new IdentityHashMap<>();
    private final Map<Expr, Expr> expanded = new IdentityHashMap<>();
    private final Map<Expr, List<Expr>> fPrimes = new IdentityHashMap<>();

    private Taylor(Definitions defs, String x) {
        this.defs = Differentiator.resolveDefinitions(defs);
        this.x = x;
    }

    /** The {@code n}-th derivative of {@code e} by {@code x} ({@code e} without {@code diff(...)} nodes). */
    public static Expr derivative(Expr e, String x, int n, Definitions defs) {
        if (n < 0) throw new IllegalArgumentException("order " + n);
        if (Differentiator.containsDiff(e)) e = new Differentiator(defs).resolve(e);
        Taylor t = new Taylor(defs, x);
        return t.nth(t.intern(e), n);
    }

    public static Expr derivative(Expr e, String x, int n) { return derivative(e, x, n, Definitions.EMPTY); }

    private Expr intern(Expr e) { return interner.intern(e); }

    private List<Expr> internAll(List<Expr> xs) {
        List<Expr> out = new ArrayList<>(xs.size());
        for (Expr c : xs) out.add(intern(c));
        return out;
    }

    // ------------------------------------------------------------------ building (canonical)

    private Expr plus(List<Expr> terms) {
        List<Expr> out = new ArrayList<>(terms.size());
        Num sum = Num.ZERO;
        for (Expr t : terms) {
            if (t instanceof Num n) sum = sum.plus(n); else out.add(t);
        }
        if (!sum.isZero()) out.addFirst(sum);
        if (out.isEmpty()) return intern(Num.ZERO);
        if (out.size() == 1) return out.getFirst();
        return intern(new Add(out));
    }

    private Expr times(Expr... factors) {
        List<Expr> out = new ArrayList<>(factors.length);
        Num c = Num.ONE;
        for (Expr f : factors) {
            if (f instanceof Num n) c = c.times(n);
            else if (f instanceof Mul m && m.factors().getFirst() instanceof Num k) {
                // a coefficient moves to the front, so 3*(2*u) is 6*u and zeros are seen
                c = c.times(k);
                List<Expr> rest = m.factors().subList(1, m.factors().size());
                out.add(rest.size() == 1 ? rest.getFirst() : intern(new Mul(rest)));
            } else out.add(f);
        }
        if (c.isZero()) return intern(Num.ZERO);
        if (!c.isOne() || out.isEmpty()) out.addFirst(c);
        if (out.size() == 1) return intern(out.getFirst());
        return intern(new Mul(out));
    }

    private static boolean isZero(Expr e) { return e instanceof Num n && n.isZero(); }

    // ------------------------------------------------------------------------- derivatives

    /** The k-th derivative of the canonical node {@code e}, working up from the ones already known. */
    private Expr nth(Expr e, int k) {
        if (k == 0) return e;
        if (!dependsOnX(e)) return intern(Num.ZERO);
        List<Expr> known = derivatives.computeIfAbsent(e, z -> new ArrayList<>(List.of(z)));
        while (known.size() <= k) {
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("interrupted");
            known.add(next(e, known.size()));
        }
        return known.get(k);
    }

    /** The k-th derivative (k >= 1) of {@code e}, given its derivatives of lower order. */
    private Expr next(Expr e, int k) {
        return switch (e) {
            case Num n -> intern(Num.ZERO);
            case Const c -> intern(Num.ZERO);
            case Var v -> {
                if (v.name().equals(x)) yield intern(k == 1 ? Num.ONE : Num.ZERO);
                yield nth(expand(v), k);
            }
            case Add a -> {
                List<Expr> ts = new ArrayList<>();
                for (Expr t : a.terms()) ts.add(nth(t, k));
                yield plus(ts);
            }
            case Mul m -> {
                List<Expr> constant = new ArrayList<>(), varying = new ArrayList<>();
                for (Expr f : m.factors()) (dependsOnX(f) ? varying : constant).add(f);
                if (!constant.isEmpty()) {
                    Expr rest = varying.size() == 1 ? varying.getFirst() : intern(new Mul(varying));
                    constant.add(nth(rest, k));
                    yield times(constant.toArray(Expr[]::new));
                }
                // Leibniz: (a b)^(k) = sum_j C(k, j) a^(j) b^(k-j), with b the rest of the product
                Expr a = varying.getFirst();
                List<Expr> rest = varying.subList(1, varying.size());
                Expr b = rest.size() == 1 ? rest.getFirst() : intern(new Mul(rest));
                List<Expr> terms = new ArrayList<>();
                for (int j = 0; j <= k; j++) {
                    Expr da = nth(a, j), db = nth(b, k - j);
                    if (isZero(da) || isZero(db)) continue;
                    terms.add(times(binomial(k, j), da, db));
                }
                yield plus(terms);
            }
            case Pow p -> {
                boolean baseVaries = dependsOnX(p.base());
                // an exponent that mentions x but does not change with it (if(x > 0, 2, 3), 2 + sign(x))
                // is a constant exponent: u^v = exp(v ln u) would be NaN for a negative base
                boolean expVaries = dependsOnX(p.exp()) && !isZero(nth(intern(p.exp()), 1));
                if (baseVaries && expVaries) {
                    // u^v = exp(v ln u)
                    yield nth(expand(p), k);
                }
                Expr arg = baseVaries ? p.base() : p.exp();
                yield composite(e, List.of(arg), () -> List.of(powerPrime(p, baseVaries)), k);
            }
            case Call c when defs.function(c.fn()).isPresent() -> nth(expand(c), k);
            case Call c -> {
                Fn fn = Fn.of(c.fn());
                List<Expr> args = fn.withDefaults(c.args());
                yield composite(e, args, () -> {
                    List<Expr> gs = new ArrayList<>();
                    for (int i = 0; i < args.size(); i++) {
                        gs.add(dependsOnX(args.get(i)) ? intern(fn.partials().get(i).apply(args)) : null);
                    }
                    return gs;
                }, k);
            }
            case Piecewise p -> {
                // the derivative of each branch; the conditions stay (kinks follow the functions' conventions)
                List<Branch> bs = new ArrayList<>();
                boolean allZero = true;
                for (Branch b : p.branches()) {
                    Expr v = nth(b.value(), k);
                    allZero &= isZero(v);
                    bs.add(new Branch(b.cond(), v));
                }
                Expr o = nth(p.otherwise(), k);
                allZero &= isZero(o);
                yield allZero ? intern(Num.ZERO) : intern(new Piecewise(bs, o));
            }
            case Diff d -> throw new IllegalStateException("unresolved diff(...)");
        };
    }

    /**
     * {@code w = f(a_1, ..., a_m)}: {@code w' = sum_i g_i a_i'} with {@code g_i = df/da_i}, so
     * {@code w^(k) = sum_i sum_j C(k-1, j) g_i^(j) a_i^(k-j)}.
     */
    private Expr composite(Expr w, List<Expr> args, java.util.function.Supplier<List<Expr>> partials, int k) {
        List<Expr> gs = fPrimes.computeIfAbsent(w, z -> partials.get());
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Expr g = gs.get(i);
            if (g == null) continue;
            Expr a = intern(args.get(i));
            for (int j = 0; j <= k - 1; j++) {
                Expr dg = nth(g, j), da = nth(a, k - j);
                if (isZero(dg) || isZero(da)) continue;
                terms.add(times(binomial(k - 1, j), dg, da));
            }
        }
        return plus(terms);
    }

    /** d(u^c)/du = c u^(c-1); d(a^v)/dv = a^v ln a (just a^v for e). */
    private Expr powerPrime(Pow p, boolean baseVaries) {
        if (baseVaries) {
            Expr c = p.exp();
            List<Expr> terms = new ArrayList<>(c instanceof Add a ? a.terms() : List.of(c));
            terms.add(Num.MINUS_ONE);
            Expr lowered = c instanceof Num n ? n.minus(Num.ONE) : plus(internAll(terms));
            Expr power = lowered instanceof Num n && n.isZero() ? Num.ONE
                : lowered instanceof Num n && n.isOne() ? p.base() : intern(new Pow(p.base(), lowered));
            return times(intern(c), intern(power));
        }
        if (p.base() instanceof Const c && c.name().equals("e")) return intern(p);
        return times(intern(p), intern(call("ln", p.base())));
    }

    /** An intermediate's definition, a user function's body, or u^v as exp(v ln u): canonical. */
    private Expr expand(Expr e) {
        Expr done = expanded.get(e);
        if (done != null) return done;
        Expr out = switch (e) {
            case Var v -> intern(defs.intermediate(v.name()).orElseThrow());
            case Call c -> {
                Definition.Function f = defs.function(c.fn()).orElseThrow();
                yield intern(defs.instantiate(f, c.args()));
            }
            case Pow p -> intern(call("exp", mul(p.exp(), call("ln", p.base()))));
            default -> throw new IllegalArgumentException(String.valueOf(e));
        };
        expanded.put(e, out);
        return out;
    }

    private boolean dependsOnX(Expr e) {
        Boolean known = depends.get(e);
        if (known != null) return known;
        boolean r = switch (e) {
            case Var v -> v.name().equals(x) || defs.intermediate(v.name()).isPresent() && dependsOnX(expand(v));
            case Call c when defs.function(c.fn()).isPresent() -> dependsOnX(expand(c));
            default -> {
                boolean any = false;
                for (Expr ch : Exprs.children(e)) if (dependsOnX(intern(ch))) { any = true; break; }
                yield any;
            }
        };
        depends.put(e, r);
        return r;
    }

    private final Map<Long, Num> binomials = new HashMap<>();

    private Num binomial(int n, int k) {
        return binomials.computeIfAbsent(((long) n << 32) | k, key -> {
            BigInteger r = BigInteger.ONE;
            for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
            return new Num(r, BigInteger.ONE);
        });
    }
}
