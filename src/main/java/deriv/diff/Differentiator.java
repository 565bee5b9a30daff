package deriv.diff;

import static deriv.expr.Expr.*;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Differentiation by named textbook rules. One exhaustive switch over node kinds; the chain rule
 * is written once ({@link #chain}), and each built-in gives only its own derivative through
 * {@link Fn#partials()}. Every result comes with the {@link Step} tree that produced it.
 *
 * <p>Intermediates ({@code k := W2*tanh(m) + b2}) stay variables: {@code d/dk} treats {@code k} as
 * a variable, while {@code d/db1} goes through {@code k}'s definition (the total derivative).
 */
public final class Differentiator {
    private final Definitions defs;
    private final Map<Expr, Boolean> dependsCache = new IdentityHashMap<>();
    private final Map<String, Step> intermediateSteps = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private String wrt;

    public Differentiator(Definitions defs) {
        this.defs = defs;
        for (Definition d : defs.all()) {
            taken.add(d.name());
            taken.addAll(Exprs.freeVars(d.body()));
            if (d instanceof Definition.Function f) taken.addAll(f.params());
        }
    }

    public Differentiator() { this(Definitions.EMPTY); }

    /** d/d{@code var} of {@code e}: a step whose {@code before} is {@code diff(e, var)} and {@code after} the derivative. */
    public Step differentiate(Expr e, String var) {
        if (!var.equals(wrt)) {
            wrt = var;
            dependsCache.clear();
            intermediateSteps.clear();
        }
        taken.addAll(Exprs.freeVars(e));
        taken.add(var);
        return d(e);
    }

    /** The derivative of {@code e} with respect to each of {@code wrt} in turn, as one derivation (raw, not simplified). */
    public static Derivation derive(Expr e, List<String> wrt, Definitions defs) {
        return derive(e, wrt, defs, x -> x);
    }

    /**
     * As {@link #derive(Expr, List, Definitions)}, applying {@code between} (e.g. a simplifier) to
     * the derivation after each order, so that higher derivatives do not swell.
     */
    public static Derivation derive(Expr e, List<String> wrt, Definitions defs,
                                    java.util.function.UnaryOperator<Derivation> between) {
        Differentiator dx = new Differentiator(defs);
        Expr problem = e;
        for (String v : wrt) problem = new Diff(problem, v);
        if (wrt.size() == 1) return between.apply(new Derivation(problem, List.of(dx.differentiate(e, wrt.getFirst()))));
        Derivation der = Derivation.of(problem);
        Expr current = e;
        for (int i = 0; i < wrt.size(); i++) {
            Step s = dx.differentiate(current, wrt.get(i));
            Expr before = der.result();
            Expr after = wrapOuter(s.after(), wrt.subList(i + 1, wrt.size()));
            der = der.then(new Step("Derivative", before, after, List.of(s), null,
                "order " + (i + 1) + ": d/d" + wrt.get(i)));
            der = between.apply(der);
            current = unwrapOuter(der.result(), wrt.size() - i - 1);
        }
        return der;
    }

    private static Expr wrapOuter(Expr e, List<String> rest) {
        for (String v : rest) e = new Diff(e, v);
        return e;
    }

    private static Expr unwrapOuter(Expr e, int n) {
        for (int i = 0; i < n; i++) e = ((Diff) e).body();
        return e;
    }

    /** Replaces every {@code diff(...)} node, innermost first, by its derivative. */
    public Expr resolve(Expr e) {
        return switch (e) {
            case Diff d -> differentiate(resolve(d.body()), d.var()).after();
            default -> Exprs.mapChildren(e, this::resolve);
        };
    }

    // ---------------------------------------------------------------------------------- rules

    private Step d(Expr e) {
        Expr before = new Diff(e, wrt);
        if (!depends(e)) {
            return new Step("ConstantRule", before, Num.ZERO);
        }
        return switch (e) {
            case Num n -> new Step("ConstantRule", before, Num.ZERO);
            case Const c -> new Step("ConstantRule", before, Num.ZERO);
            case Var v -> variable(v, before);
            case Add a -> sum(a, before);
            case Mul m -> product(m, before);
            case Pow p -> power(p, before);
            case Call c -> function(c, before);
            case Piecewise p -> piecewise(p, before);
            case Diff inner -> {
                Step first = differentiate(inner.body(), inner.var());
                String outer = wrt;
                Step second = differentiate(first.after(), outer);
                yield new Step("HigherDerivative", before, second.after(), List.of(first, second));
            }
        };
    }

    private Step variable(Var v, Expr before) {
        if (v.name().equals(wrt)) return new Step("VariableRule", before, Num.ONE);
        var def = defs.intermediate(v.name());
        if (def.isPresent()) {
            // the total derivative goes through the definition; computed once per intermediate
            Step cached = intermediateSteps.get(v.name());
            if (cached == null) {
                Step inner = d(def.get());
                cached = new Step("IntermediateVariable", before, inner.after(), List.of(inner), null,
                    v.name() + " := " + deriv.expr.Printer.print(def.get()));
                intermediateSteps.put(v.name(), cached);
            }
            return cached;
        }
        return new Step("VariableRule", before, Num.ZERO);
    }

    // d/dx (u + v) = u' + v';  d/dx (u - v) = u' - v'
    private Step sum(Add a, Expr before) {
        List<Step> subs = new ArrayList<>();
        List<Expr> terms = new ArrayList<>();
        boolean difference = false;
        for (Expr t : a.terms()) {
            if (!depends(t)) continue;
            difference |= isNegated(t);
            Step s = d(t);
            subs.add(s);
            terms.add(s.after());
        }
        return new Step(difference ? "DifferenceRule" : "SumRule", before, tidyAdd(terms), subs);
    }

    private static boolean isNegated(Expr t) {
        return t instanceof Num n && n.isNegative() || t instanceof Mul m && m.factors().getFirst() instanceof Num c && c.isNegative();
    }

    private Step product(Mul m, Expr before) {
        List<Expr> constant = new ArrayList<>(), varying = new ArrayList<>();
        for (Expr f : m.factors()) (depends(f) ? varying : constant).add(f);
        if (!constant.isEmpty()) {
            // d/dx c*u = c*u'
            Step inner = d(mul(varying));
            return new Step("ConstantMultipleRule", before, tidyMul(constant, inner.after()), List.of(inner));
        }
        List<Expr> num = new ArrayList<>(), den = new ArrayList<>();
        for (Expr f : varying) {
            if (f instanceof Pow(Expr b, Num k) && k.isNegative()) den.add(k.isMinusOne() ? b : pow(b, k.negate()));
            else num.add(f);
        }
        if (!num.isEmpty() && !den.isEmpty()) {
            // d/dx u/v = (u'v - uv')/v^2
            Expr u = mul(num), v = mul(den);
            Step du = d(u), dv = d(v);
            Expr top = tidyAdd(List.of(tidyMul(List.of(du.after()), v), neg(tidyMul(List.of(u), dv.after()))));
            Expr after = isZero(top) ? Num.ZERO : div(top, pow(v, 2));
            return new Step("QuotientRule", before, after, List.of(du, dv), null, "u = " + deriv.expr.Printer.print(u)
                + ", v = " + deriv.expr.Printer.print(v));
        }
        // d/dx (f1 f2 ... fn) = sum_i f1 ... fi' ... fn
        List<Step> subs = new ArrayList<>();
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < varying.size(); i++) {
            Step s = d(varying.get(i));
            subs.add(s);
            List<Expr> others = new ArrayList<>(varying);
            others.remove(i);
            terms.add(tidyMul(insertAt(others, i, s.after())));
        }
        return new Step("ProductRule", before, tidyAdd(terms), subs);
    }

    private static List<Expr> insertAt(List<Expr> xs, int i, Expr e) {
        List<Expr> out = new ArrayList<>(xs);
        out.add(i, e);
        return out;
    }

    private Step power(Pow p, Expr before) {
        Expr b = p.base(), k = p.exp();
        boolean baseVaries = depends(b), expVaries = depends(k);
        if (baseVaries && !expVaries) {
            // d/du u^n = n u^(n-1)
            Expr lowered = k instanceof Num n ? n.minus(Num.ONE) : add(k, Num.MINUS_ONE);
            Expr outer = isOne(lowered) ? null : pow(b, lowered);
            return chain("PowerRule", before, b, u -> tidyMul(List.of(k), isZeroNum(lowered) ? Num.ONE : isOne(lowered) ? u : pow(u, lowered)),
                outer == null ? tidyMul(List.of(k), b) : tidyMul(List.of(k), outer));
        }
        if (!baseVaries) {
            // d/du a^u = a^u ln a;  e^u' = e^u
            Expr lnA = b instanceof Const c && c.name().equals("e") ? Num.ONE : call("ln", b);
            return chain("ExponentialRule", before, k, u -> tidyMul(List.of(pow(b, u)), lnA), tidyMul(List.of(p), lnA));
        }
        // d/dx u^v = u^v (v' ln u + v u'/u)
        Step du = d(b), dv = d(k);
        Expr inner = tidyAdd(List.of(tidyMul(List.of(dv.after()), call("ln", b)),
                                     tidyMul(List.of(k, du.after()), pow(b, -1))));
        return new Step("GeneralPowerRule", before, tidyMul(List.of(p), inner), List.of(du, dv), null,
            "logarithmic differentiation: d(u^v) = u^v (v' ln u + v u'/u)");
    }

    private Step function(Call c, Expr before) {
        var user = defs.function(c.fn());
        if (user.isPresent()) {
            Definition.Function f = user.get();
            Expr body = defs.instantiate(f, c.args());
            Step inner = d(body);
            return new Step("ExpandDefinition", before, inner.after(), List.of(inner), null,
                f.name() + "(" + String.join(", ", f.params()) + ") := " + deriv.expr.Printer.print(f.body()));
        }
        Fn fn = Fn.of(c.fn());
        List<Expr> args = fn.withDefaults(c.args());
        List<Integer> varying = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) if (depends(args.get(i))) varying.add(i);
        if (varying.size() == 1) {
            int i = varying.getFirst();
            Expr arg = args.get(i);
            return chain(fn.rule(), before, arg, u -> {
                List<Expr> at = new ArrayList<>(args);
                at.set(i, u);
                return fn.partials().get(i).apply(at);
            }, fn.partials().get(i).apply(args));
        }
        // several arguments vary: d f(a, b) = f_a a' + f_b b'
        List<Step> subs = new ArrayList<>();
        List<Expr> terms = new ArrayList<>();
        for (int i : varying) {
            Step s = d(args.get(i));
            subs.add(s);
            terms.add(tidyMul(List.of(fn.partials().get(i).apply(args)), s.after()));
        }
        return new Step("MultivariableChainRule", before, tidyAdd(terms), subs, null, fn.rule() + " in each argument");
    }

    // d/dx if(c, f, g) = if(c, f', g')   (the kinks themselves follow the functions' conventions)
    private Step piecewise(Piecewise p, Expr before) {
        List<Step> subs = new ArrayList<>();
        List<Branch> branches = new ArrayList<>();
        for (Branch b : p.branches()) {
            Step s = d(b.value());
            subs.add(s);
            branches.add(new Branch(b.cond(), s.after()));
        }
        Step o = d(p.otherwise());
        subs.add(o);
        return new Step("PiecewiseRule", before, new Piecewise(branches, o.after()), subs);
    }

    /**
     * The chain rule, once for every function: d/dx f(g) = f'(g) * g'. When g is the variable
     * itself the function's own rule applies directly; otherwise the inner expression is named
     * ("let u = g") in the outer step.
     *
     * @param rule     the outer function's rule (PowerRule, SinRule ...)
     * @param inner    g
     * @param outerAt  f' as a function of its argument
     * @param outerAtG f'(g), the same built at g itself (kept as the function builds it)
     */
    private Step chain(String rule, Expr before, Expr inner, java.util.function.UnaryOperator<Expr> outerAt, Expr outerAtG) {
        if (inner instanceof Var v && v.name().equals(wrt)) {
            return new Step(rule, before, outerAtG);
        }
        String u = fresh();
        Var uv = var(u);
        Expr fOfU = replaceInner(((Diff) before).body(), inner, uv);
        Step outer = new Step(rule, new Diff(fOfU, u), outerAt.apply(uv));
        Step in = d(inner);
        Expr after = tidyMul(List.of(outerAtG), in.after());
        return new Step("ChainRule", before, after, List.of(outer, in), new Step.Let(u, inner), null);
    }

    /** The node {@code e} (a call or power) with its argument {@code inner} replaced by {@code u}. */
    private static Expr replaceInner(Expr e, Expr inner, Var u) {
        return switch (e) {
            case Call c -> {
                List<Expr> args = new ArrayList<>(c.args());
                for (int i = 0; i < args.size(); i++) if (args.get(i).equals(inner)) { args.set(i, u); break; }
                yield new Call(c.fn(), args);
            }
            case Pow p when p.base().equals(inner) -> new Pow(u, p.exp());
            case Pow p when p.exp().equals(inner) -> new Pow(p.base(), u);
            default -> e;
        };
    }

    private String fresh() {
        for (String n : new String[] {"u", "v", "w", "s", "t"}) {
            if (!taken.contains(n)) { taken.add(n); return n; }
        }
        for (int i = 1; ; i++) {
            String n = "u_" + i;
            if (!taken.contains(n)) { taken.add(n); return n; }
        }
    }

    // ------------------------------------------------------------------------ minimal cleanup

    /** A sum without zero terms (0 when none is left). */
    static Expr tidyAdd(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) if (!isZeroNum(t)) out.add(t);
        return add(out);
    }

    /** A product without factors of one; zero when a factor is zero; a -1 folded into a sign. */
    static Expr tidyMul(List<Expr> factors, Expr... more) {
        List<Expr> all = new ArrayList<>(factors);
        all.addAll(List.of(more));
        List<Expr> out = new ArrayList<>();
        boolean negative = false;
        for (Expr f : all) {
            if (isZeroNum(f)) return Num.ZERO;
            if (isOne(f)) continue;
            if (f instanceof Num n && n.isMinusOne()) { negative = !negative; continue; }
            if (f instanceof Mul m && m.factors().getFirst() instanceof Num c && c.isMinusOne()) {
                negative = !negative;
                out.addAll(m.factors().subList(1, m.factors().size()));
                continue;
            }
            out.add(f);
        }
        Expr p = mul(out);
        return negative ? neg(p) : p;
    }

    private static boolean isZeroNum(Expr e) { return e instanceof Num n && n.isZero(); }
    private static boolean isOne(Expr e) { return e instanceof Num n && n.isOne(); }
    private static boolean isZero(Expr e) { return isZeroNum(e); }

    /** Whether {@code e} depends on the current variable, directly or through intermediates and user functions. */
    private boolean depends(Expr e) {
        Boolean cached = dependsCache.get(e);
        if (cached != null) return cached;
        boolean r = switch (e) {
            case Var v -> v.name().equals(wrt) || defs.intermediate(v.name()).map(this::depends).orElse(false);
            case Call c when defs.function(c.fn()).isPresent() -> depends(defs.instantiate(defs.function(c.fn()).get(), c.args()));
            default -> {
                boolean any = false;
                for (Expr ch : Exprs.children(e)) if (depends(ch)) { any = true; break; }
                yield any;
            }
        };
        dependsCache.put(e, r);
        return r;
    }
}
