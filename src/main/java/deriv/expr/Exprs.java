package deriv.expr;

import static deriv.expr.Expr.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Structural helpers over {@link Expr}: sizes, free variables, substitution, child mapping. */
public final class Exprs {
    private Exprs() {}

    /** Immediate sub-expressions, conditions' sides included, in order. */
    public static List<Expr> children(Expr e) {
        return switch (e) {
            case Num n -> List.of();
            case Var v -> List.of();
            case Const c -> List.of();
            case Add a -> a.terms();
            case Mul m -> m.factors();
            case Pow p -> List.of(p.base(), p.exp());
            case Call c -> c.args();
            case Piecewise p -> {
                List<Expr> out = new ArrayList<>();
                for (Branch b : p.branches()) { out.add(b.cond().left()); out.add(b.cond().right()); out.add(b.value()); }
                out.add(p.otherwise());
                yield out;
            }
            case Diff d -> List.of(d.body());
        };
    }

    /** The same node with each child replaced by {@code f(child)}; the node itself when nothing changed. */
    public static Expr mapChildren(Expr e, UnaryOperator<Expr> f) {
        return switch (e) {
            case Num n -> n;
            case Var v -> v;
            case Const c -> c;
            case Add a -> {
                List<Expr> ts = mapAll(a.terms(), f);
                yield ts == a.terms() ? a : add(ts);
            }
            case Mul m -> {
                List<Expr> fs = mapAll(m.factors(), f);
                yield fs == m.factors() ? m : mul(fs);
            }
            case Pow p -> {
                Expr b = f.apply(p.base()), x = f.apply(p.exp());
                yield b.equals(p.base()) && x.equals(p.exp()) ? p : new Pow(b, x);
            }
            case Call c -> {
                List<Expr> as = mapAll(c.args(), f);
                yield as == c.args() ? c : new Call(c.fn(), as);
            }
            case Piecewise p -> {
                List<Branch> bs = new ArrayList<>();
                for (Branch b : p.branches()) {
                    bs.add(new Branch(new Cond(f.apply(b.cond().left()), b.cond().rel(), f.apply(b.cond().right())),
                                      f.apply(b.value())));
                }
                Expr o = f.apply(p.otherwise());
                Piecewise q = new Piecewise(bs, o);
                yield q.equals(p) ? p : q;
            }
            case Diff d -> {
                Expr b = f.apply(d.body());
                yield b.equals(d.body()) ? d : new Diff(b, d.var());
            }
        };
    }

    private static List<Expr> mapAll(List<Expr> xs, UnaryOperator<Expr> f) {
        List<Expr> out = new ArrayList<>(xs.size());
        boolean changed = false;
        for (Expr x : xs) {
            Expr y = f.apply(x);
            changed |= !y.equals(x);
            out.add(y);
        }
        return changed ? out : xs;
    }

    /** Number of tree nodes (conditions' sides count as nodes). */
    public static int size(Expr e) {
        int n = 1;
        for (Expr c : children(e)) n += size(c);
        return n;
    }

    public static int depth(Expr e) {
        int d = 0;
        for (Expr c : children(e)) d = Math.max(d, depth(c));
        return d + 1;
    }

    /** Variable names in order of first appearance (left to right, depth first). */
    public static List<String> freeVars(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collectVars(e, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return new ArrayList<>(out);
    }

    // each shared node once: an expanded chain of intermediates is a small graph but a huge tree
    private static void collectVars(Expr e, Set<String> out, Set<Expr> seen) {
        if (!seen.add(e)) return;
        switch (e) {
            case Var v -> out.add(v.name());
            case Diff d -> { collectVars(d.body(), out, seen); }
            default -> { for (Expr c : children(e)) collectVars(c, out, seen); }
        }
    }

    public static boolean containsVar(Expr e, String name) {
        if (e instanceof Var v) return v.name().equals(name);
        for (Expr c : children(e)) if (containsVar(c, name)) return true;
        return false;
    }

    /** Names of the functions called, built-in or user-defined. */
    public static Set<String> calledFunctions(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collectCalls(e, out);
        return out;
    }

    private static void collectCalls(Expr e, Set<String> out) {
        if (e instanceof Call c) out.add(c.fn());
        for (Expr c : children(e)) collectCalls(c, out);
    }

    /** Replaces variables by expressions, all at once (no re-substitution into the replacements). */
    public static Expr substitute(Expr e, Map<String, ? extends Expr> by) {
        if (by.isEmpty()) return e;
        return switch (e) {
            case Var v -> by.containsKey(v.name()) ? by.get(v.name()) : v;
            default -> mapChildren(e, c -> substitute(c, by));
        };
    }

    public static boolean isConstant(Expr e) {
        return switch (e) {
            case Num n -> true;
            case Const c -> true;
            case Var v -> false;
            case Diff d -> false;
            default -> {
                for (Expr c : children(e)) if (!isConstant(c)) yield false;
                yield true;
            }
        };
    }
}
