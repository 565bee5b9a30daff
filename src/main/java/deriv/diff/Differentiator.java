package deriv.diff;

import static deriv.expr.Expr.*;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.Collections;
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
    private final Map<Expr, Step> steps = new IdentityHashMap<>();
    /** Names a "let" must not take: definitions, parameters, every variable of the expressions seen. */
    private final Set<String> reserved = new HashSet<>();
    /** Names introduced so far in the current derivation (each derivation starts again at u). */
    private final Set<String> used = new HashSet<>();
    private int nextIndex;
    private int depth;
    private Expr lastSeen;
    private boolean lastHadDiff;
    private String wrt;

    public Differentiator(Definitions defs) {
        this.defs = resolveDefinitions(defs);
        for (Definition d : defs.all()) {
            reserved.add(d.name());
            reserved.addAll(Exprs.freeVars(d.body()));
            if (d instanceof Definition.Function f) reserved.addAll(f.params());
        }
    }

    public Differentiator() { this(Definitions.EMPTY); }

    private java.util.function.Function<Expr, Step> tidy;

    /**
     * Simplifies the derivative of each intermediate once, where it is first needed: {@code tidy}
     * returns the step from a derivative to its simpler form, or null when nothing simplifies.
     */
    public Differentiator tidyingIntermediates(java.util.function.Function<Expr, Step> tidy) {
        this.tidy = tidy;
        return this;
    }

    /**
     * d/d{@code var} of {@code e}: a step whose {@code before} is {@code diff(e, var)} and {@code after}
     * the derivative. The result holds no {@code diff(...)} node: inner derivatives in {@code e} are
     * worked out first (innermost first), as sub-steps of a {@code HigherDerivative} step.
     */
    public Step differentiate(Expr e, String var) {
        if (depth == 0) {
            used.clear();
            nextIndex = 1;
            // a cached step may hold names of an earlier derivation
            intermediateSteps.clear();
            steps.clear();
        }
        depth++;
        try {
            if (e != lastSeen) {
                // the same expression by many variables (a gradient) is scanned once
                lastSeen = e;
                lastHadDiff = scan(e, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
            reserved.add(var);
            if (lastHadDiff) {
                List<Step> inner = new ArrayList<>();
                Expr resolved = resolve(e, inner);
                Step s = differentiate(resolved, var);
                inner.add(s);
                return new Step("HigherDerivative", new Diff(e, var), s.after(), inner, null,
                    "inner derivatives first");
            }
            if (!var.equals(wrt)) {
                wrt = var;
                dependsCache.clear();
                intermediateSteps.clear();
                steps.clear();
            }
            return d(e);
        } finally {
            depth--;
        }
    }

    /**
     * The definitions with every {@code diff(...)} in their bodies worked out, so that an evaluator
     * never meets one ({@code g := diff(m^2, W1)} becomes {@code g := 2*m*x}). Definitions refer
     * only to earlier ones, so each is resolved with the ones before it.
     */
    public static Definitions resolveDefinitions(Definitions defs) {
        boolean any = false;
        for (Definition d : defs.all()) any |= containsDiff(d.body());
        if (!any) return defs;
        List<Definition> done = new ArrayList<>();
        for (Definition d : defs.all()) {
            if (!containsDiff(d.body())) { done.add(d); continue; }
            Expr body = new Differentiator(new Definitions(done)).resolve(d.body());
            done.add(switch (d) {
                case Definition.Intermediate i -> new Definition.Intermediate(i.name(), body);
                case Definition.Function f -> new Definition.Function(f.name(), f.params(), body);
            });
        }
        return new Definitions(done);
    }

    /**
     * The definitions as a derivative by {@code var} sees them: when {@code var} is an intermediate
     * ({@code d/dk} with {@code k := ...}), {@code k} is a variable of its own, so an evaluator must take
     * its value from the point rather than from its definition. Other definitions are kept.
     */
    public static Definitions holding(Definitions defs, String var) {
        if (defs.intermediate(var).isEmpty()) return defs;
        return new Definitions(defs.all().stream().filter(d -> !d.name().equals(var)).toList());
    }

    /**
     * Reserves every variable name of {@code e} and tells whether it holds a {@code diff(...)}; each
     * shared node is visited once (a raw higher derivative is a small graph but a huge tree).
     */
    private boolean scan(Expr e, Set<Expr> seen) {
        if (!seen.add(e)) return false;
        boolean diff = false;
        switch (e) {
            case Var v -> reserved.add(v.name());
            case Diff dd -> { diff = true; reserved.add(dd.var()); }
            default -> {}
        }
        for (Expr c : Exprs.children(e)) diff |= scan(c, seen);
        return diff;
    }

    /** Whether {@code e} holds an unevaluated {@code diff(...)}. */
    public static boolean containsDiff(Expr e) {
        if (e instanceof Diff) return true;
        for (Expr c : Exprs.children(e)) if (containsDiff(c)) return true;
        return false;
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
        return derive(new Differentiator(defs), e, wrt, between);
    }

    /** As above, with a differentiator set up by the caller (e.g. {@link #tidyingIntermediates}). */
    public static Derivation derive(Differentiator dx, Expr e, List<String> wrt,
                                    java.util.function.UnaryOperator<Derivation> between) {
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
        return resolve(e, new ArrayList<>());
    }

    private Expr resolve(Expr e, List<Step> steps) {
        if (!containsDiff(e)) return e;
        return switch (e) {
            case Diff d -> {
                Step s = differentiate(resolve(d.body(), steps), d.var());
                steps.add(s);
                yield s.after();
            }
            default -> Exprs.mapChildren(e, c -> resolve(c, steps));
        };
    }

    // ---------------------------------------------------------------------------------- rules

    /**
     * d/d{@code wrt} of {@code e}, once per node: a subexpression shared by reference (the same hidden
     * unit feeding every unit of the next layer, {@code u} and {@code v} of a product rule one order
     * down) is differentiated once and its step shown wherever it is used.
     */
    private Step d(Expr e) {
        Step s = steps.get(e);
        if (s == null) {
            // a caller that gave up (a --timeout, a web request) interrupts the thread: stop the work
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("interrupted");
            s = rule(e);
            steps.put(e, s);
        }
        return s;
    }

    private Step rule(Expr e) {
        Expr before = new Diff(e, wrt);
        if (!depends(e)) {
            // d/dx y = 0 is the variable rule; a constant expression has the constant rule
            return new Step(e instanceof Var ? "VariableRule" : "ConstantRule", before, Num.ZERO);
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
                String outer = wrt;
                Step first = differentiate(inner.body(), inner.var());
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
                // a teacher tidies d(k)/dx before using it: without this a chain of intermediates
                // (the logistic map) doubles the tree at every link
                Step tidied = tidy == null ? null : tidy.apply(inner.after());
                cached = tidied == null
                    ? new Step("IntermediateVariable", before, inner.after(), List.of(inner), null,
                        v.name() + " := " + deriv.expr.Printer.print(def.get()))
                    : new Step("IntermediateVariable", before, tidied.after(), List.of(inner, tidied), null,
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
            difference |= isNegated(t);
            if (!depends(t)) continue;
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
        constant.removeIf(Differentiator::isOne);  // 1/x is read as 1 * x^-1: no constant multiple there
        if (constant.isEmpty() && varying.size() == 1) {
            Step s = d(varying.getFirst());
            return new Step(s.rule(), before, s.after(), s.substeps(), s.let(), s.note());
        }
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
            java.util.function.UnaryOperator<Expr> outer =
                u -> tidyMul(List.of(k), isZeroNum(lowered) ? Num.ONE : isOne(lowered) ? u : pow(u, lowered));
            return chain("PowerRule", before, b, outer, outer.apply(b));
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
        // every branch the same number (sign', a relu' by another variable): just that number
        boolean same = o.after() instanceof Num;
        for (Branch b : branches) same &= b.value().equals(o.after());
        return new Step("PiecewiseRule", before, same ? o.after() : new Piecewise(branches, o.after()), subs);
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
        if (inner instanceof Var v) {
            // an intermediate already has a name: df/dk * dk/dx, no "let" needed
            Step outer = new Step(rule, new Diff(((Diff) before).body(), v.name()), outerAtG);
            Step in = d(inner);
            return new Step("ChainRule", before, tidyMul(List.of(outerAtG), in.after()), List.of(outer, in));
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

    /** A name for an inner expression: u, v, w, s, t, then u_1, u_2 ...; never a name in use. */
    private String fresh() {
        for (String n : FIRST_NAMES) {
            if (!reserved.contains(n) && used.add(n)) return n;
        }
        while (true) {
            String n = "u_" + nextIndex++;
            if (!reserved.contains(n) && used.add(n)) return n;
        }
    }

    private static final List<String> FIRST_NAMES = List.of("u", "v", "w", "s", "t");

    // ------------------------------------------------------------------------ minimal cleanup

    /** A sum without zero terms, its numbers added up (in the place of the first); 0 when nothing is left. */
    static Expr tidyAdd(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        Num constant = Num.ZERO;
        int at = -1;
        for (Expr t : add(terms) instanceof Add a ? a.terms() : terms) {
            if (t instanceof Num n) {
                if (at < 0) at = out.size();
                constant = constant.plus(n);
            } else {
                out.add(t);
            }
        }
        if (!constant.isZero()) out.add(at, constant);
        return add(out);
    }

    /** A product with its numbers multiplied into one leading coefficient (0 absorbs, 1 vanishes, -1 is a sign). */
    static Expr tidyMul(List<Expr> factors, Expr... more) {
        List<Expr> all = new ArrayList<>(factors);
        all.addAll(List.of(more));
        List<Expr> out = new ArrayList<>();
        Num coefficient = Num.ONE;
        for (Expr f : mul(all) instanceof Mul m ? m.factors() : all) {
            if (f instanceof Pow(Num b, Num k) && k.isInteger() && !b.isZero() && k.num().abs().intValue() <= 64
                && k.num().bitLength() < 8) {
                f = b.pow(k.num().intValue());  // 2^-1 from x/2 joins the coefficient
            }
            if (f instanceof Num n) {
                if (n.isZero()) return Num.ZERO;
                coefficient = coefficient.times(n);
            } else {
                out.add(f);
            }
        }
        if (coefficient.isOne()) return mul(out);
        if (coefficient.isMinusOne()) return neg(mul(out));
        out.addFirst(coefficient);
        return mul(out);
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
