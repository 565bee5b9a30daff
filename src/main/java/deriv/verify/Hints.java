package deriv.verify;

import static deriv.expr.Expr.*;

import deriv.diff.Differentiator;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the shape of a slip, by testing candidate explanations numerically at the points
 * where the two sides were compared: each candidate is the expected side changed the way a
 * student's slip would change it (its sign flipped, a chain factor dropped, the activation and its
 * input swapped ...); when the claimed values match a candidate everywhere, that slip is named.
 * A hint is a guess and never part of a verdict.
 */
final class Hints {
    /** Functions whose output and input students swap (z for sigma(z) and back). */
    private static final Set<String> ACTIVATIONS = Set.of("sigmoid", "tanh", "relu", "LeakyReLU", "softplus");
    /** Candidate factors tried at most. */
    private static final int MAX_FACTORS = 60;

    private final Side expected;
    private final List<Map<String, Double>> points;
    private final double[] e, c;

    private Hints(Side expected, NumericCheck.Result r) {
        this.expected = expected;
        this.points = r.points();
        this.e = r.expected();
        this.c = r.claimed();
    }

    /**
     * The likely slip that turned {@code expected} into the claim whose values the numeric result
     * holds, if one is recognised.
     */
    static Optional<String> find(Side expected, NumericCheck.Result r) {
        if (r.points().size() < 2) return Optional.empty();
        try {
            return new Hints(expected, r).find();
        } catch (RuntimeException | StackOverflowError x) {
            return Optional.empty();
        }
    }

    /** The candidates in order, most specific first; the first that matches names the slip. */
    private Optional<String> find() {
        if (matches(neg(expected.value()))) {
            return Optional.of("sign slip: the claim is exactly the negative of the " + expectedWords());
        }
        String chain = missingChainFactor(), variable = wrongVariable();
        if (chain != null && variable != null) {
            return Optional.of(chain + " (the claim equals " + variable.substring(variable.indexOf("d/d")) + ")");
        }
        if (chain != null) return Optional.of(chain);
        if (variable != null) return Optional.of(variable);
        List<java.util.function.Supplier<String>> rest = List.of(this::productRule, this::activationConfused,
            this::absAsSqrt, this::factor, this::notDifferentiated, this::constantFactor, this::constantOffset);
        for (var candidate : rest) {
            String hint = candidate.get();
            if (hint != null) return Optional.of(hint);
        }
        return Optional.empty();
    }

    private String expectedWords() {
        return hasDiff(expected.written()) ? "correct derivative" : "previous line";
    }

    // ----------------------------------------------------------------------------- candidates

    /** diff(body, v) in the expected side's text, by the other variable: the derivative of the wrong variable. */
    private String wrongVariable() {
        List<Diff> diffs = diffs(expected.written());
        if (diffs.isEmpty() || diffs.size() > 3) return null;
        for (Diff d : diffs) {
            List<String> others = new ArrayList<>(Side.freeVariables(d.body(), expected.defs()));
            for (String name : Exprs.freeVars(d.body())) {
                if (expected.defs().intermediate(name).isPresent() && !others.contains(name)) others.add(name);
            }
            others.remove(d.var());
            if (others.size() > 12) continue;
            for (String w : others) {
                Expr swapped = replace(expected.written(), d, new Diff(d.body(), w));
                Expr value = new Differentiator(expected.defs()).resolve(swapped);
                if (matches(value)) {
                    return "derivative with respect to the wrong variable: the claim is d/d" + w + " of "
                        + Printer.print(d.body()) + ", not d/d" + d.var();
                }
            }
        }
        return null;
    }

    /** claim * g' == expected for an inner expression g of a differentiated body: the chain factor g' was left out. */
    private String missingChainFactor() {
        List<Diff> ds = diffs(expected.written());
        // a written factor diff(g, v) dropped (replaced by 1)
        for (Diff d : ds) {
            if (d.equals(expected.written())) continue;
            Expr value = new Differentiator(expected.defs()).resolve(d);
            if (Exprs.isConstant(value) && value instanceof Num n && n.isOne()) continue;
            if (claimTimesMatches(value)) {
                return "missing chain-rule factor: the factor " + Printer.print(d) + " = " + shown(value) + " was dropped";
            }
        }
        for (Diff d : ds) {
            Differentiator dx = new Differentiator(expected.defs());
            List<Expr> gs = inners(d.body(), d.var());
            // sigma(u) = 1/(1 + e^-u) and the like: the chain factors a student meets in the exponential form
            for (Expr g : inners(exponentialForm(d.body()), d.var())) if (!gs.contains(g)) gs.add(g);
            for (Expr g : gs) {
                Expr gp = dx.differentiate(g, d.var()).after();
                if (Exprs.isConstant(gp) && gp instanceof Num n && n.isOne()) continue;
                String what = g instanceof Var v && expected.defs().intermediate(v.name()).isPresent()
                    ? "d" + v.name() + "/d" + d.var() + " = " + shown(gp) + " (through " + v.name() + " := "
                      + Printer.print(expected.defs().intermediate(v.name()).get()) + ")"
                    : "d/d" + d.var() + " (" + Printer.print(g) + ") = " + shown(gp);
                String message = "missing chain-rule factor: the inner factor " + what + " was not multiplied in";
                // the whole claim lacks the factor ...
                if (claimTimesMatches(gp)) return message;
                // ... or the derivatives of diff(...) holding g were taken as if g were the variable (in one, or in all)
                if (g instanceof Var) continue;
                Expr all = expected.written();
                for (Diff other : ds) {
                    if (!other.var().equals(d.var())) continue;
                    Expr local = heldDerivative(other, g);
                    if (local == null) continue;
                    if (matches(new Differentiator(expected.defs()).resolve(replace(expected.written(), other, local)))) return message;
                    all = replace(all, other, local);
                }
                if (!all.equals(expected.written()) && matches(new Differentiator(expected.defs()).resolve(all))) return message;
            }
        }
        return null;
    }

    /** The derivative of {@code d} with the inner expression g held as a variable t, whose derivative is taken as 1. */
    private Expr heldDerivative(Diff d, Expr g) {
        Expr body = occurrences(d.body(), g) > 0 ? d.body() : occurrences(exponentialForm(d.body()), g) > 0
            ? exponentialForm(d.body()) : null;
        if (body == null) return null;
        String t = fresh(body, d.var());
        Expr held = replace(body, g, var(t));
        Expr local = add(new Differentiator(expected.defs()).differentiate(held, d.var()).after(),
                         new Differentiator(expected.defs()).differentiate(held, t).after());
        return Exprs.substitute(local, java.util.Map.of(t, g));
    }

    private static String shown(Expr e) {
        Expr s = Symbolic.simplify(e);
        return Printer.print(s == null ? e : s);
    }

    /** A variable name not in {@code e}. */
    private static String fresh(Expr e, String var) {
        List<String> used = Exprs.freeVars(e);
        for (int i = 0; ; i++) {
            String n = "t_held" + i;
            if (!used.contains(n) && !n.equals(var)) return n;
        }
    }

    /** (uv)' taken as u'v', (u/v)' as u'/v', or the quotient rule with its sign flipped. */
    private String productRule() {
        for (Diff d : diffs(expected.written())) {
            if (!(d.body() instanceof Mul m)) continue;
            Differentiator dx = new Differentiator(expected.defs());
            List<Expr> num = new ArrayList<>(), den = new ArrayList<>();
            for (Expr f : m.factors()) {
                if (Exprs.isConstant(f)) continue;
                if (f instanceof Pow(Expr b, Num k) && k.isNegative()) den.add(k.isMinusOne() ? b : pow(b, k.negate()));
                else num.add(f);
            }
            Expr constant = mul(m.factors().stream().filter(Exprs::isConstant).toList());
            if (num.size() + den.size() < 2) continue;
            Expr top = mul(num), bottom = mul(den);
            if (den.isEmpty()) {
                List<Expr> ds = new ArrayList<>();
                for (Expr f : num) ds.add(dx.differentiate(f, d.var()).after());
                if (matches(replace(expected.value(), dx.differentiate(d.body(), d.var()).after(), mul(constant, mul(ds))))
                    || matches(mul(constant, mul(ds)))) {
                    return "product rule: the claim multiplies the derivatives of the factors; (uv)' = u'v + uv', not u'v'";
                }
                continue;
            }
            Expr du = dx.differentiate(top, d.var()).after(), dv = dx.differentiate(bottom, d.var()).after();
            if (matches(mul(constant, du, pow(dv, -1)))) {
                return "quotient rule: the claim divides the derivatives; (u/v)' = (u'v - uv')/v^2, not u'/v'";
            }
            if (matches(mul(constant, add(mul(du, bottom), mul(top, dv)), pow(bottom, -2)))) {
                return "quotient rule with the wrong sign: (u/v)' = (u'v - uv')/v^2, with a minus";
            }
            if (matches(mul(constant, sub(mul(top, dv), mul(du, bottom)), pow(bottom, -2)))) {
                return "quotient rule with the terms swapped: (u/v)' = (u'v - uv')/v^2, not (uv' - u'v)/v^2";
            }
        }
        return null;
    }

    /** Activations written by their exponential definitions, so that their inner chain factors can be named. */
    private static Expr exponentialForm(Expr e) {
        Expr inner = Exprs.mapChildren(e, Hints::exponentialForm);
        if (inner instanceof Call c && c.args().size() == 1) {
            Expr u = c.args().getFirst();
            return switch (c.fn()) {
                case "sigmoid" -> pow(add(Num.ONE, call("exp", neg(u))), -1);
                case "tanh" -> mul(sub(call("exp", u), call("exp", neg(u))), pow(add(call("exp", u), call("exp", neg(u))), -1));
                case "softplus" -> call("ln", add(Num.ONE, call("exp", u)));
                default -> inner;
            };
        }
        return inner;
    }

    /** z written for sigma(z), or sigma(z) for z (also through intermediates a := sigma(z), and 1/(1+e^-z) spelled out). */
    private String activationConfused() {
        for (boolean written : new boolean[] {false, true}) {
            Expr E = written ? expected.written() : expected.value();
            List<Expr> nodes = new ArrayList<>();
            collect(E, x -> activationArgument(x) != null, nodes);
            for (Expr f : new LinkedHashSet<>(nodes)) {
                Expr u = activationArgument(f);
                String fu = Printer.print(f), us = Printer.print(u);
                if (anyReplacementMatches(E, f, u, null, null, written)) {
                    return "an activation confused with its input: the claim has " + us + " where " + fu + " belongs";
                }
                Expr marker = var("\u0000");
                Expr hidden = replace(E, f, marker);
                if (occurrences(hidden, u) > 0 && anyReplacementMatches(hidden, u, f, marker, f, written)) {
                    return "an activation confused with its input: the claim has " + fu + " where " + us + " belongs";
                }
            }
            // intermediates a := f(u): a and u swapped
            for (var def : expected.defs().all()) {
                if (!(def.body() instanceof Call call && ACTIVATIONS.contains(call.fn()))) continue;
                Var a = var(def.name());
                Expr u = call.args().getFirst();
                if (anyReplacementMatches(E, a, u, null, null, written)) {
                    return "an activation confused with its input: the claim has " + Printer.print(u) + " where "
                        + def.name() + " = " + Printer.print(call) + " belongs";
                }
                if (anyReplacementMatches(E, u, a, null, null, written)) {
                    return "an activation confused with its input: the claim has " + def.name() + " = " + Printer.print(call)
                        + " where " + Printer.print(u) + " belongs";
                }
            }
        }
        return null;
    }

    /** u when {@code e} is an activation of u: sigmoid(u), tanh(u) ..., or sigma spelled out as 1/(1 + e^-u). */
    private static Expr activationArgument(Expr e) {
        if (e instanceof Call call && ACTIVATIONS.contains(call.fn())) return call.args().getFirst();
        if (e instanceof Pow(Add(List<Expr> ts), Num k) && k.isMinusOne() && ts.size() == 2
            && ts.get(0) instanceof Num one && one.isOne() && ts.get(1) instanceof Call exp && exp.fn().equals("exp")) {
            return negated(exp.args().getFirst());
        }
        // (e^u - e^-u) / (e^u + e^-u)
        if (e instanceof Mul(List<Expr> fs) && fs.size() == 2 && fs.get(1) instanceof Pow(Add(List<Expr> den), Num k)
            && k.isMinusOne() && den.size() == 2 && fs.get(0) instanceof Add(List<Expr> num) && num.size() == 2
            && den.get(0) instanceof Call e1 && e1.fn().equals("exp") && den.get(1) instanceof Call e2 && e2.fn().equals("exp")
            && negated(e1.args().getFirst()).equals(e2.args().getFirst())
            && num.get(0).equals(e1) && num.get(1).equals(neg(e2))) {
            return e1.args().getFirst();
        }
        return null;
    }

    /** -e without a stray factor of 1. */
    private static Expr negated(Expr e) {
        if (e instanceof Num n) return n.negate();
        if (e instanceof Mul m && m.factors().getFirst() instanceof Num c && c.isMinusOne()) {
            return mul(m.factors().subList(1, m.factors().size()));
        }
        return neg(e);
    }

    /** |s| written as sqrt(s) (it is sqrt(s^2)). */
    private String absAsSqrt() {
        for (boolean written : new boolean[] {false, true}) {
            Expr E = written ? expected.written() : expected.value();
            List<Expr> found = new ArrayList<>();
            collect(E, x -> x instanceof Call call && (call.fn().equals("abs")
                || call.fn().equals("sqrt") && call.args().getFirst() instanceof Pow(Expr b, Num n) && n.equals(Num.TWO)), found);
            for (Expr x : new LinkedHashSet<>(found)) {
                Call call = (Call) x;
                Expr s = call.fn().equals("abs") ? call.args().getFirst() : ((Pow) call.args().getFirst()).base();
                if (anyReplacementMatches(E, call, call("sqrt", s), null, null, written)) {
                    String t = Printer.print(s);
                    return "|" + t + "| written as sqrt(" + t + "): |" + t + "| = sqrt((" + t + ")^2), and sqrt(" + t
                        + ") is another function";
                }
            }
        }
        return null;
    }

    /** An extra or a missing factor taken from the expected side: a squared residual left in, a dropped factor. */
    private String factor() {
        List<Expr> squaredBases = new ArrayList<>();
        collect(expected.written(), x -> x instanceof Pow(Expr b, Num n) && n.equals(Num.TWO) && !Exprs.isConstant(b), squaredBases);
        Set<Expr> candidates = new LinkedHashSet<>();
        for (Expr p : squaredBases) candidates.add(((Pow) p).base());
        List<Expr> subs = new ArrayList<>();
        collect(expected.written(), x -> !Exprs.isConstant(x) && !(x instanceof Diff), subs);
        subs.sort(Comparator.comparingInt(Exprs::size));
        for (Expr s : subs) {
            if (candidates.size() >= MAX_FACTORS) break;
            candidates.add(s);
        }
        Set<Expr> bases = new LinkedHashSet<>();
        for (Expr p : squaredBases) bases.add(((Pow) p).base());
        for (Expr s : candidates) {
            double[] sv = NumericCheck.values(s, expected.defs(), points);
            if (constantValues(sv)) continue;
            if (matchesValues(times(e, sv))) {
                String text = Printer.print(s);
                if (bases.contains(s)) {
                    return "a squared term left in: the claim has an extra factor (" + text + "), as if (" + text
                        + ")^2 had been kept where the power rule lowers it to 2*(" + text + ")";
                }
                return "an extra factor (" + text + "): the claim is the " + expectedWords() + " times " + text;
            }
            if (claimTimesValuesMatch(sv)) {
                return "a factor (" + Printer.print(s) + ") is missing: the claim times " + Printer.print(s)
                    + " is the " + expectedWords();
            }
        }
        return null;
    }

    private String notDifferentiated() {
        if (expected.written() instanceof Diff d && matches(d.body())) {
            return "not differentiated: the claim is the function " + Printer.print(d.body()) + " itself";
        }
        for (Diff d : diffs(expected.written())) {
            if (matches(replace(expected.value(), d, d.body()))) {
                return "diff(" + Printer.print(d.body()) + ", " + d.var() + ") was replaced by "
                    + Printer.print(d.body()) + " itself, not by its derivative";
            }
        }
        return null;
    }

    private String constantFactor() {
        Double k = constantRatio();
        if (k == null || Math.abs(k - 1) < 1e-9 || Math.abs(k) < 1e-9) return null;
        return "off by a constant factor: the claim is " + number(k) + " times the " + expectedWords();
    }

    private String constantOffset() {
        double d0 = Double.NaN;
        for (int i = 0; i < c.length; i++) {
            double d = c[i] - e[i];
            if (Double.isNaN(d0)) d0 = d;
            else if (!Tolerance.close(d, d0, Tolerance.HINT)) return null;
        }
        if (Double.isNaN(d0) || Math.abs(d0) < 1e-12) return null;
        return "off by a constant term: the claim is the " + expectedWords() + " plus " + number(d0);
    }

    /** c/e when it is the same at every point where both values are clearly away from 0 (tiny values carry rounding). */
    private Double constantRatio() {
        Double k = null;
        int used = 0;
        for (int i = 0; i < c.length; i++) {
            if (Math.abs(e[i]) < 1e-4 || Math.abs(c[i]) < 1e-4) {
                // one side clearly nonzero while the other vanishes: no constant ratio
                if (Math.abs(e[i]) > 1e-2 || Math.abs(c[i]) > 1e-2) return null;
                continue;
            }
            double r = c[i] / e[i];
            if (k == null) k = r;
            else if (!Tolerance.close(r, k, Tolerance.HINT)) return null;
            used++;
        }
        return used >= 2 ? k : null;
    }

    // --------------------------------------------------------------------------------- tests

    /** The claimed values equal the candidate's (under the expected side's definitions). */
    private boolean matches(Expr candidate) {
        return matchesValues(NumericCheck.values(candidate, expected.defs(), points));
    }

    private boolean matchesValues(double[] v) {
        int used = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) continue;
            if (!Tolerance.close(v[i], c[i], Tolerance.HINT)) return false;
            used++;
        }
        return used >= Math.min(3, v.length) && used * 2 > v.length;
    }

    private boolean claimTimesMatches(Expr factor) {
        return claimTimesValuesMatch(NumericCheck.values(factor, expected.defs(), points));
    }

    /** claim * factor equals the expected values. */
    private boolean claimTimesValuesMatch(double[] f) {
        int used = 0;
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(f[i])) continue;
            if (!Tolerance.close(c[i] * f[i], e[i], Tolerance.HINT)) return false;
            used++;
        }
        return used >= Math.min(3, f.length) && used * 2 > f.length;
    }

    /**
     * Replacing all occurrences of target, or any single one, gives the claim ({@code marker} restored
     * afterwards); {@code resolve}: the candidate is written text whose diff nodes are worked out first.
     */
    private boolean anyReplacementMatches(Expr in, Expr target, Expr by, Expr marker, Expr markerValue, boolean resolve) {
        int n = occurrences(in, target);
        if (n == 0) return false;
        List<Expr> tries = new ArrayList<>();
        tries.add(replace(in, target, by));
        if (n > 1 && n <= 6) for (int k = 0; k < n; k++) tries.add(replaceOccurrence(in, target, by, k));
        for (Expr t : tries) {
            Expr cand = marker == null ? t : replace(t, marker, markerValue);
            if (resolve) {
                if (cand.equals(in)) continue;
                cand = new Differentiator(expected.defs()).resolve(cand);
            }
            if (matches(cand)) return true;
        }
        return false;
    }

    private static double[] times(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] * b[i];
        return out;
    }

    private static boolean constantValues(double[] v) {
        double first = Double.NaN;
        for (double x : v) {
            if (!Double.isFinite(x)) continue;
            if (Double.isNaN(first)) first = x;
            else if (!Tolerance.close(x, first, 1e-12)) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------ tree helpers

    private static boolean hasDiff(Expr e) { return !diffs(e).isEmpty(); }

    static List<Diff> diffs(Expr e) {
        List<Expr> found = new ArrayList<>();
        collect(e, x -> x instanceof Diff, found);
        List<Diff> out = new ArrayList<>();
        for (Expr x : found) out.add((Diff) x);
        return out;
    }

    /** Inner expressions of a body whose derivative a chain rule multiplies in: arguments, bases, exponents, intermediates. */
    private List<Expr> inners(Expr body, String var) {
        Set<Expr> out = new LinkedHashSet<>();
        List<Expr> nodes = new ArrayList<>();
        collect(body, x -> true, nodes);
        for (Expr n : nodes) {
            switch (n) {
                case Call call -> { for (Expr a : call.args()) addInner(a, var, out); }
                case Pow p -> { addInner(p.base(), var, out); addInner(p.exp(), var, out); }
                case Var v when expected.defs().intermediate(v.name()).isPresent() && !v.name().equals(var) -> {
                    out.add(v);
                    intermediatesBelow(v.name(), var, out);
                }
                default -> {}
            }
        }
        return new ArrayList<>(out);
    }

    /** The intermediates an intermediate's definition uses, transitively (k := W2*h + b2 uses h, h uses m). */
    private void intermediatesBelow(String name, String var, Set<Expr> out) {
        for (String n : Exprs.freeVars(expected.defs().intermediate(name).orElseThrow())) {
            if (n.equals(var) || expected.defs().intermediate(n).isEmpty()) continue;
            if (out.add(var(n))) intermediatesBelow(n, var, out);
        }
    }

    private void addInner(Expr a, String var, Set<Expr> out) {
        if (a instanceof Var v && v.name().equals(var)) return;
        if (Exprs.isConstant(a)) return;
        if (!Side.freeVariables(a, expected.defs()).contains(var) && !Exprs.containsVar(a, var)) return;
        out.add(a);
    }

    static void collect(Expr e, java.util.function.Predicate<Expr> p, List<Expr> out) {
        if (p.test(e)) out.add(e);
        for (Expr ch : Exprs.children(e)) collect(ch, p, out);
    }

    static int occurrences(Expr e, Expr target) {
        if (e.equals(target)) return 1;
        int n = 0;
        for (Expr ch : Exprs.children(e)) n += occurrences(ch, target);
        return n;
    }

    /** {@code e} with every occurrence of {@code target} replaced. */
    static Expr replace(Expr e, Expr target, Expr by) {
        if (e.equals(target)) return by;
        return Exprs.mapChildren(e, ch -> replace(ch, target, by));
    }

    /** {@code e} with the k-th occurrence (depth first, left to right) of {@code target} replaced. */
    static Expr replaceOccurrence(Expr e, Expr target, Expr by, int k) {
        int[] seen = {0};
        return replaceKth(e, target, by, k, seen);
    }

    private static Expr replaceKth(Expr e, Expr target, Expr by, int k, int[] seen) {
        if (e.equals(target)) return seen[0]++ == k ? by : e;
        return Exprs.mapChildren(e, ch -> replaceKth(ch, target, by, k, seen));
    }

    /** A number as a small fraction when it is one (3, -1/2, 2/3), else six significant digits. */
    static String number(double k) {
        for (int q = 1; q <= 64; q++) {
            double p = Math.rint(k * q);
            if (Math.abs(p / q - k) <= 1e-9 * Math.max(1, Math.abs(k))) {
                Num n = new Num(BigInteger.valueOf((long) p), BigInteger.valueOf(q));
                return n.toString();
            }
        }
        return String.format(java.util.Locale.ROOT, "%.6g", k);
    }
}
