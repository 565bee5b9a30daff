package deriv.diff;

import static deriv.expr.Expr.*;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random expressions over x, y, z with every node kind and every built-in, and sometimes
 * definitions (intermediates and a user function) that the expression uses. Sizes stay moderate.
 */
final class RandomExprs {
    static final List<String> VARS = List.of("x", "y", "z");

    private final Random r;
    private final List<String> intermediates = new ArrayList<>();
    private Definition.Function function;

    /** One generated case: an expression and the definitions it may use. */
    record Case(Expr expr, Definitions defs) {}

    RandomExprs(long seed) { this.r = new Random(seed); }

    Case next() {
        intermediates.clear();
        function = null;
        List<Definition> defs = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                // each intermediate may use the ones before it
                defs.add(new Definition.Intermediate("m" + i, expr(5, VARS)));
                intermediates.add("m" + i);
            }
        }
        if (r.nextInt(5) == 0) {
            List<String> saved = List.copyOf(intermediates);
            intermediates.clear();
            function = new Definition.Function("F", List.of("p", "q"), expr(5, List.of("p", "q")));
            intermediates.addAll(saved);
            defs.add(function);
        }
        return new Case(expr(4 + r.nextInt(12), VARS), new Definitions(defs));
    }

    private Expr expr(int budget, List<String> vars) {
        if (budget <= 1) return leaf(vars);
        int kind = r.nextInt(100);
        if (kind < 16) return add(budget, vars);
        if (kind < 30) return mul(budget, vars);
        if (kind < 36) return div(expr(budget / 2, vars), expr(budget / 2, vars));
        if (kind < 48) return power(budget, vars);
        if (kind < 82) return call(budget, vars);
        if (kind < 88) return piecewise(budget, vars);
        if (kind < 92 && vars == VARS) return new Diff(expr(budget - 1, vars), vars.get(r.nextInt(vars.size())));
        if (kind < 96 && function != null && vars == VARS) {
            return new Call("F", List.of(expr(budget / 2, vars), expr(budget / 2, vars)));
        }
        return neg(expr(budget - 1, vars));
    }

    private Expr leaf(List<String> vars) {
        int k = r.nextInt(100);
        if (k < 50) return var(vars.get(r.nextInt(vars.size())));
        if (k < 62 && !intermediates.isEmpty() && vars == VARS) return var(intermediates.get(r.nextInt(intermediates.size())));
        if (k < 82) return num(r.nextInt(9) - 3);
        if (k < 92) return num(r.nextInt(7) - 3, 2 + r.nextInt(4));
        return r.nextBoolean() ? Const.E : Const.PI;
    }

    private Expr add(int budget, List<String> vars) {
        int n = 2 + r.nextInt(2);
        List<Expr> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr t = expr(budget / n, vars);
            ts.add(r.nextInt(3) == 0 ? neg(t) : t);
        }
        return Expr.add(ts);
    }

    private Expr mul(int budget, List<String> vars) {
        int n = 2 + r.nextInt(2);
        List<Expr> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) fs.add(expr(budget / n, vars));
        return Expr.mul(fs);
    }

    private Expr power(int budget, List<String> vars) {
        int k = r.nextInt(10);
        Expr base = expr(budget / 2, vars);
        return switch (k) {
            case 0, 1, 2 -> pow(base, num(r.nextInt(7) - 2));
            case 3 -> pow(base, num(r.nextBoolean() ? 1 : -1, 2));
            case 4 -> pow(base, num(r.nextInt(5) - 2, 3));
            // a^u: a constant base
            case 5 -> pow(r.nextBoolean() ? num(2 + r.nextInt(3)) : num(1, 2), expr(budget / 2, vars));
            case 6 -> pow(Const.E, expr(budget / 2, vars));
            // u^v with both varying
            case 7, 8 -> pow(base, expr(budget / 2, vars));
            // a constant but symbolic exponent
            default -> pow(base, r.nextBoolean() ? Const.PI : Expr.add(var("n"), num(1, 2)));
        };
    }

    private Expr call(int budget, List<String> vars) {
        Fn fn = Fn.TABLE.get(r.nextInt(Fn.TABLE.size()));
        int arity = fn.minArgs() + r.nextInt(fn.maxArgs() - fn.minArgs() + 1);
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < arity; i++) args.add(expr((budget - 1) / arity, vars));
        return new Call(fn.name(), args);
    }

    private Expr piecewise(int budget, List<String> vars) {
        int branches = 1 + r.nextInt(2);
        List<Branch> bs = new ArrayList<>();
        int each = Math.max(1, (budget - 1) / (2 * branches + 1));
        for (int i = 0; i < branches; i++) {
            Cond c = new Cond(expr(each, vars), Rel.values()[r.nextInt(4)], expr(each, vars));
            bs.add(new Branch(c, expr(each, vars)));
        }
        return new Piecewise(bs, expr(each, vars));
    }
}
