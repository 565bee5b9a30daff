package deriv.eval;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random points for numeric checks: away from kinks (the expressions {@link Fn#kinks()} declares,
 * and the two sides of every piecewise condition) and inside every function's domain (the value
 * and every kink expression must be finite).
 */
public final class Sampler {
    private final List<Expr> kinks = new ArrayList<>();
    private final List<Expr> watched;
    private final Definitions defs;
    private final List<String> vars;
    private final Random random;
    private final double margin;
    private int rejected;

    /**
     * @param exprs  expressions that must all be finite at a point (a function and its claimed derivative)
     * @param vars   the variables to draw
     * @param margin how far every kink expression must stay from zero
     */
    public Sampler(List<Expr> exprs, Definitions defs, List<String> vars, long seed, double margin) {
        this.defs = defs;
        this.vars = List.copyOf(vars);
        this.random = new Random(seed);
        this.margin = margin;
        this.watched = List.copyOf(exprs);
        kinks.addAll(kinks(exprs, defs));
    }

    /**
     * The kink expressions of {@code exprs} and of every intermediate they use, directly or through
     * other intermediates. Kinks inside an intermediate are found in its definition and stay in
     * terms of the names it uses: expanding a chain of intermediates would make a tree exponential
     * in its length.
     */
    public static List<Expr> kinks(List<Expr> exprs, Definitions defs) {
        List<Expr> out = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        for (Expr e : exprs) {
            Expr x = defs.expandFunctions(e);
            collectKinks(x, out);
            todo.addAll(Exprs.freeVars(x));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.removeLast();
            if (!seen.add(name) || defs.intermediate(name).isEmpty()) continue;
            Expr body = defs.expandFunctions(defs.intermediate(name).get());
            collectKinks(body, out);
            todo.addAll(Exprs.freeVars(body));
        }
        return out;
    }

    public Sampler(List<Expr> exprs, Definitions defs, List<String> vars, long seed) {
        this(exprs, defs, vars, seed, 1e-3);
    }

    /** Every kink expression in {@code e}: arguments of kinked functions and piecewise conditions. */
    public static void collectKinks(Expr e, List<Expr> out) {
        collectKinks(e, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static void collectKinks(Expr e, List<Expr> out, java.util.Set<Expr> seen) {
        if (!seen.add(e)) return;
        switch (e) {
            case Call c -> {
                var fn = Fn.lookup(c.fn());
                if (fn.isPresent()) out.addAll(fn.get().kinks().apply(fn.get().withDefaults(c.args())));
            }
            case Piecewise p -> {
                for (Branch b : p.branches()) out.add(Expr.sub(b.cond().left(), b.cond().right()));
            }
            default -> {}
        }
        for (Expr ch : Exprs.children(e)) collectKinks(ch, out, seen);
    }

    /** How many candidate points were refused so far (outside a domain or near a kink). */
    public int rejected() { return rejected; }

    /** The next acceptable point, or null after {@code tries} refusals in a row. */
    public Map<String, Double> next(int tries) {
        for (int t = 0; t < tries; t++) {
            Map<String, Double> p = new LinkedHashMap<>();
            // mostly moderate magnitudes, sometimes larger ones
            double scale = t % 3 == 2 ? 4.0 : 2.0;
            for (String v : vars) p.put(v, (random.nextDouble() * 2 - 1) * scale);
            if (acceptable(p)) return p;
            rejected++;
        }
        return null;
    }

    private boolean acceptable(Map<String, Double> p) {
        try {
            for (Expr k : kinks) {
                double v = Evaluator.eval(k, defs, p);
                if (!Double.isFinite(v) || Math.abs(v) < margin) return false;
            }
            for (Expr e : watched) {
                if (!Double.isFinite(Evaluator.eval(e, defs, p))) return false;
            }
        } catch (Evaluator.UnboundVariable u) {
            throw u;
        }
        return true;
    }
}
