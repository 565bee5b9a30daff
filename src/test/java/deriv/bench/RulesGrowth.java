package deriv.bench;

import deriv.Deriv;
import deriv.diff.Differentiator;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Interner;
import java.util.Collections;
import java.util.IdentityHashMap;
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
            e = new Interner().intern(d);
            long consed = distinct(e, Collections.newSetFromMap(new IdentityHashMap<>()));
            System.out.printf("%5d  %14d  %17d  %6.1f s%n", order, raw, consed, (System.nanoTime() - t0) / 1e9);
        }
    }
}
