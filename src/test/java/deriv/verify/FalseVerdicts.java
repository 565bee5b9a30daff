package deriv.verify;

import static deriv.expr.Expr.*;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures false verdicts: over seeded random (function, derivative) pairs, the derivative taken
 * by an independent reference differentiator written here (with other forms: tanh' = 1/cosh^2,
 * sigma' = e^-u/(1+e^-u)^2, |u|' = u/|u|, relu' = (u+|u|)/(2u) ...), and the same pairs with one
 * random perturbation (a constant changed, a factor dropped, a sign flipped, a function swapped).
 * A correct pair is correct by construction; for a perturbed pair, ground truth comes from an oracle that shares nothing with the verdict's sampling: 400 points
 * of its own seed and range, each side evaluated with 60 digits, no kink avoidance. Pairs the
 * oracle cannot settle (no common point; tiny differences) are counted apart, not scored.
 *
 * <p>Run (after {@code mvn -DskipTests package}): {@code java -cp target/classes:target/test-classes:target/lib/*
 * deriv.verify.FalseVerdicts [functions] [seed] [depth]}, defaults 2000, 20261122, 3.
 */
public final class FalseVerdicts {

    /** The figures of one run. */
    public record Figures(int pairs, int truePairs, int perturbed, int falseNotEqual, int falseEqual, int undecided,
                          int unsettled, int noOp, int notApplicable, int symbolic, int numeric, int conflicts, List<String> examples) {
        public int wrong() { return falseNotEqual + falseEqual; }

        @Override public String toString() {
            return String.format("functions %d: %d correct derivatives and %d perturbed ones scored (%d perturbations were"
                    + " no-ops, %d found nothing to change, %d pairs the oracle could not settle)%n"
                    + "verdicts: %d decided symbolically, %d numerically, %d undecided%n"
                    + "false verdicts: %d correct derivatives judged not equal, %d wrong derivatives judged equal%n"
                    + "(the oracle disagreed with the reference differentiator on %d correct pairs)",
                pairs, truePairs, perturbed, noOp, notApplicable, unsettled, symbolic, numeric, undecided, falseNotEqual, falseEqual, conflicts);
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261122L;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long t0 = System.nanoTime();
        Figures f = measure(n, seed, depth);
        System.out.println(f);
        for (String e : f.examples()) System.out.println("  " + e);
        System.out.printf("(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }

    /** {@code n} random functions, each giving one correct pair and one perturbed pair. */
    public static Figures measure(int n, long seed) { return measure(n, seed, 3); }

    /** As {@link #measure(int, long)}, with random functions nested {@code depth} deep. */
    public static Figures measure(int n, long seed, int depth) {
        Random r = new Random(seed);
        int notApplicable = 0, conflicts = 0, truePairs = 0, perturbed = 0, falseNE = 0, falseEq = 0, undecided = 0, unsettled = 0, noOp = 0, sym = 0, num = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr f = randomExpr(r, depth);
            if (Exprs.freeVars(f).isEmpty()) f = mul(f, var("x"));
            Expr d = ReferenceDiff.d(f, "x");
            Expr p = perturb(d, r);
            if (p == null) notApplicable++;
            for (int which = 0; which < 2; which++) {
                Expr claim = which == 0 ? d : p;
                if (claim == null) continue;
                Boolean truth = oracle(f, claim);
                if (which == 0) {
                    // correct by construction; the oracle only cross-checks the two differentiators
                    if (Boolean.FALSE.equals(truth)) conflicts++;
                    truth = true;
                }
                if (which == 1 && Boolean.TRUE.equals(truth)) { noOp++; continue; }
                if (truth == null) { unsettled++; continue; }
                if (which == 0) truePairs++; else perturbed++;
                Verdict v = Verifier.compare(new Side("correct", new Diff(f, "x"), Definitions.EMPTY),
                                             new Side("claimed", claim, Definitions.EMPTY), false);
                switch (v.method()) {
                    case SYMBOLIC -> sym++;
                    case NUMERIC -> num++;
                    case UNDECIDED -> undecided++;
                }
                if (v.method() == Verdict.Method.UNDECIDED) {
                    if (examples.size() < 20) examples.add("undecided: d/dx " + Printer.print(f) + " vs " + Printer.print(claim));
                    continue;
                }
                if (v.valid() != truth) {
                    if (truth) falseNE++; else falseEq++;
                    if (examples.size() < 20) {
                        examples.add((truth ? "judged not equal: " : "judged equal: ") + "d/dx " + Printer.print(f)
                            + " vs " + Printer.print(claim) + " [" + v.method().label() + "]");
                    }
                }
            }
        }
        return new Figures(n, truePairs, perturbed, falseNE, falseEq, undecided, unsettled, noOp, notApplicable, sym, num, conflicts, examples);
    }

    // ------------------------------------------------------------------------------ oracle

    /**
     * True: equal at every oracle point; false: clearly different somewhere; null: cannot tell.
     * Values are compared in double precision, and a point where they differ is settled with 60 digits.
     */
    static Boolean oracle(Expr f, Expr claim) {
        Expr exact = new Side("o", new Diff(f, "x"), Definitions.EMPTY).value();
        Random r = new Random(77);
        int common = 0;
        boolean differs = false, unsure = false;
        for (int i = 0; i < 400 && !differs; i++) {
            Map<String, Double> p = new HashMap<>();
            double scale = i % 2 == 0 ? 3 : 1.5;
            p.put("x", (r.nextDouble() * 2 - 1) * scale);
            p.put("y", (r.nextDouble() * 2 - 1) * scale);
            double da = doubleValue(exact, p), db = doubleValue(claim, p);
            if (!Double.isFinite(da) || !Double.isFinite(db) || Math.abs(da) > 1e12 || Math.abs(db) > 1e12) continue;
            common++;
            if (Tolerance.close(da, db, 1e-10)) continue;
            BigDecimal a, b;
            try {
                a = PreciseEvaluator.eval(exact, Definitions.EMPTY, p);
                b = PreciseEvaluator.eval(claim, Definitions.EMPTY, p);
            } catch (PreciseEvaluator.Undefined | PreciseEvaluator.Unsupported | ArithmeticException e) {
                unsure = true;
                continue;
            }
            BigDecimal scaleOf = BigDecimal.ONE.max(a.abs()).max(b.abs());
            BigDecimal diff = a.subtract(b).abs();
            if (diff.compareTo(scaleOf.multiply(new BigDecimal("1e-6"))) > 0) differs = true;
            else if (diff.compareTo(scaleOf.multiply(new BigDecimal("1e-30"))) > 0) unsure = true;
        }
        if (differs) return false;
        if (common < 20 || unsure) return null;
        return true;
    }

    private static double doubleValue(Expr e, Map<String, Double> p) {
        try {
            return deriv.eval.Evaluator.eval(e, p);
        } catch (RuntimeException x) {
            return Double.NaN;
        }
    }

    // ------------------------------------------------------------------------------ generator

    private static final String[] UNARY = {"sin", "cos", "exp", "ln", "sqrt", "tanh", "sigmoid", "abs", "relu", "LeakyReLU",
                                           "softplus", "atan"};

    static Expr randomExpr(Random r, int depth) {
        if (depth == 0 || r.nextInt(5) == 0) return leaf(r);
        return switch (r.nextInt(8)) {
            case 0, 1 -> add(randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 2 -> sub(randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 3, 4 -> mul(randomExpr(r, depth - 1), randomExpr(r, depth - 1));
            case 5 -> div(randomExpr(r, depth - 1), add(num(2), pow(randomExpr(r, depth - 1), 2)));
            case 6 -> pow(randomExpr(r, depth - 1), switch (r.nextInt(4)) { case 0 -> num(2); case 1 -> num(3); case 2 -> num(-1); default -> num(1, 2); });
            default -> call(UNARY[r.nextInt(UNARY.length)], randomExpr(r, depth - 1));
        };
    }

    private static Expr leaf(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1, 2 -> var("x");
            case 3 -> var("y");
            case 4 -> num(r.nextInt(5) + 1);
            default -> num(r.nextInt(7) - 3, 2);
        };
    }

    // ------------------------------------------------------------------------------ perturbations

    /** One random change of the claim, or null when none applies. */
    static Expr perturb(Expr d, Random r) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Expr out = switch (r.nextInt(4)) {
                case 0 -> changeConstant(d, r);
                case 1 -> dropFactor(d, r);
                case 2 -> flipSign(d, r);
                default -> swapFunction(d, r);
            };
            if (out != null && !out.equals(d)) return out;
        }
        return null;
    }

    private static List<Expr> nodes(Expr e, java.util.function.Predicate<Expr> p) {
        List<Expr> out = new ArrayList<>();
        Hints.collect(e, p, out);
        return out;
    }

    private static Expr changeConstant(Expr d, Random r) {
        List<Expr> ns = nodes(d, x -> x instanceof Num);
        if (ns.isEmpty()) return null;
        Num k = (Num) ns.get(r.nextInt(ns.size()));
        Num changed = r.nextBoolean() ? k.plus(Num.ONE) : k.times(Num.TWO).plus(Num.HALF);
        return Hints.replaceOccurrence(d, k, changed, 0);
    }

    private static Expr dropFactor(Expr d, Random r) {
        List<Expr> ms = nodes(d, x -> x instanceof Mul);
        if (ms.isEmpty()) return null;
        Mul m = (Mul) ms.get(r.nextInt(ms.size()));
        List<Expr> fs = new ArrayList<>(m.factors());
        fs.remove(r.nextInt(fs.size()));
        return Hints.replaceOccurrence(d, m, mul(fs), 0);
    }

    private static Expr flipSign(Expr d, Random r) {
        List<Expr> as = nodes(d, x -> x instanceof Add);
        if (as.isEmpty() || r.nextBoolean()) return neg(d);
        Add a = (Add) as.get(r.nextInt(as.size()));
        List<Expr> ts = new ArrayList<>(a.terms());
        int i = r.nextInt(ts.size());
        ts.set(i, neg(ts.get(i)));
        return Hints.replaceOccurrence(d, a, add(ts), 0);
    }

    private static final Map<String, String> SWAP = new LinkedHashMap<>(Map.of("sin", "cos", "cos", "sin", "exp", "sinh",
        "tanh", "sigmoid", "sigmoid", "tanh", "sqrt", "ln", "ln", "sqrt", "cosh", "sinh", "sinh", "cosh", "abs", "relu"));

    private static Expr swapFunction(Expr d, Random r) {
        List<Expr> cs = nodes(d, x -> x instanceof Call c && SWAP.containsKey(c.fn()));
        if (cs.isEmpty()) return null;
        Call c = (Call) cs.get(r.nextInt(cs.size()));
        return Hints.replaceOccurrence(d, c, new Call(SWAP.get(c.fn()), c.args()), 0);
    }

    // ------------------------------------------------------------------------------ reference derivative

    /** A second differentiator, written apart from deriv.diff and with other forms of each derivative. */
    static final class ReferenceDiff {
        static Expr d(Expr e, String x) { return tidy(raw(e, x)); }

        /** Zero terms and factors of one dropped, products with a zero factor folded to 0. */
        static Expr tidy(Expr e) {
            Expr t = Exprs.mapChildren(e, ReferenceDiff::tidy);
            return switch (t) {
                case Add a -> add(a.terms().stream().filter(x -> !(x instanceof Num n && n.isZero())).toList());
                case Mul m -> m.factors().stream().anyMatch(x -> x instanceof Num n && n.isZero()) ? Num.ZERO
                    : mul(m.factors().stream().filter(x -> !(x instanceof Num n && n.isOne())).toList());
                default -> t;
            };
        }

        private static Expr raw(Expr e, String x) {
            return switch (e) {
                case Num n -> Num.ZERO;
                case Const c -> Num.ZERO;
                case Var v -> v.name().equals(x) ? Num.ONE : Num.ZERO;
                case Add a -> {
                    List<Expr> ts = new ArrayList<>();
                    for (Expr t : a.terms()) ts.add(raw(t, x));
                    yield add(ts);
                }
                case Mul m -> {
                    Expr first = m.factors().getFirst();
                    Expr rest = mul(m.factors().subList(1, m.factors().size()));
                    yield add(mul(raw(first, x), rest), mul(first, raw(rest, x)));
                }
                case Pow p when p.exp() instanceof Num k -> mul(k, pow(p.base(), k.minus(Num.ONE)), raw(p.base(), x));
                case Pow p -> mul(p, add(mul(raw(p.exp(), x), call("ln", p.base())), mul(p.exp(), raw(p.base(), x), pow(p.base(), -1))));
                case Call c -> mul(outer(c.fn(), c.args().getFirst()), raw(c.args().getFirst(), x));
                case Piecewise pw -> throw new IllegalArgumentException("not generated");
                case Diff df -> throw new IllegalArgumentException("not generated");
            };
        }

        private static Expr outer(String fn, Expr u) {
            return switch (fn) {
                case "sin" -> call("cos", u);
                case "cos" -> neg(call("sin", u));
                case "exp" -> call("exp", u);
                case "ln" -> div(num(1), u);
                case "sqrt" -> div(num(1), mul(num(2), call("sqrt", u)));
                case "tanh" -> pow(call("cosh", u), -2);
                case "sigmoid" -> div(call("exp", neg(u)), pow(add(num(1), call("exp", neg(u))), 2));
                case "abs" -> div(u, call("abs", u));
                case "relu" -> div(add(u, call("abs", u)), mul(num(2), u));
                case "LeakyReLU" -> new Piecewise(List.of(new Branch(new Cond(u, Rel.GT, Num.ZERO), Num.ONE)), num(1, 100));
                case "softplus" -> pow(add(num(1), call("exp", neg(u))), -1);
                case "atan" -> pow(add(num(1), pow(u, 2)), -1);
                default -> throw new IllegalArgumentException(fn);
            };
        }
    }
}
