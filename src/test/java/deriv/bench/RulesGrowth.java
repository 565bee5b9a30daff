package deriv.bench;

import deriv.Deriv;
import deriv.diff.Differentiator;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why the rules cannot take the 10th derivative of six nested sines (docs/bench.md): per order,
 * the distinct objects of the raw derivative (subexpressions shared by reference), then the
 * distinct nodes once the whole derivative is hash-consed, with the elapsed time.
 *
 * <pre>
 * mvn -o -Dderiv.build=target-x test-compile
 * java -Xss512m -cp "target-x/classes:target-x/test-classes:target-x/lib/*" deriv.bench.RulesGrowth [maxOrder, default 8]
 * </pre>
 */
public final class RulesGrowth {
    private RulesGrowth() {}

    private record Id(Expr e) {
        @Override public boolean equals(Object o) { return o instanceof Id i && i.e == e; }
        @Override public int hashCode() { return System.identityHashCode(e); }
    }

    private record Key(Class<?> kind, Object data, List<Id> children) {}

    private static final Map<Key, Expr> TABLE = new HashMap<>();

    /** The canonical object of {@code e}: children first, then one object per (kind, data, children). */
    private static Expr intern(Expr e, Map<Expr, Expr> done) {
        Expr had = done.get(e);
        if (had != null) return had;
        List<Expr> kids = new ArrayList<>();
        for (Expr c : Exprs.children(e)) kids.add(intern(c, done));
        List<Id> ids = kids.stream().map(Id::new).toList();
        Object data = switch (e) {
            case Expr.Num n -> n;
            case Expr.Var v -> v.name();
            case Expr.Const c -> c.name();
            case Expr.Call c -> c.fn();
            default -> null;
        };
        Expr canon = TABLE.computeIfAbsent(new Key(e.getClass(), data, ids), k -> switch (e) {
            case Expr.Add a -> new Expr.Add(kids);
            case Expr.Mul m -> new Expr.Mul(kids);
            case Expr.Pow p -> new Expr.Pow(kids.get(0), kids.get(1));
            case Expr.Call c -> new Expr.Call(c.fn(), kids);
            default -> e;
        });
        done.put(e, canon);
        return canon;
    }

    private static long distinct(Expr e, Set<Expr> seen) {
        if (!seen.add(e)) return 0;
        long n = 1;
        for (Expr c : Exprs.children(e)) n += distinct(c, seen);
        return n;
    }

    public static void main(String[] args) {
        int max = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Expr e = Deriv.parse("sin(sin(sin(sin(sin(sin(x))))))").program().body();
        long t0 = System.nanoTime();
        System.out.println("order  shared objects  hash-consed nodes  elapsed");
        for (int order = 1; order <= max; order++) {
            Expr d = new Differentiator().differentiate(e, "x").after();
            long raw = distinct(d, Collections.newSetFromMap(new IdentityHashMap<>()));
            e = intern(d, new IdentityHashMap<>());
            long consed = distinct(e, Collections.newSetFromMap(new IdentityHashMap<>()));
            System.out.printf("%5d  %14d  %17d  %6.1f s%n", order, raw, consed, (System.nanoTime() - t0) / 1e9);
        }
    }
}
