package deriv.simplify;

import deriv.expr.Expr;
import deriv.expr.Expr.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Cleanups of piecewise values: decided conditions, equal branches, conditions solved for their
 * variable. A product with a piecewise factor keeps it as one factor (see {@link Order}).
 */
final class Piecewises {
    private Piecewises() {}

    /** c * if(C, a, b) = if(C, c*a, c*b) when every value is a number; else null. */
    static Expr scale(Piecewise p, Num c) {
        List<Branch> bs = new ArrayList<>();
        for (Branch b : p.branches()) {
            if (!(b.value() instanceof Num v)) return null;
            bs.add(new Branch(b.cond(), c.times(v)));
        }
        if (!(p.otherwise() instanceof Num o)) return null;
        return new Piecewise(bs, c.times(o));
    }

    /**
     * if(C, a, a) = a; a branch whose condition is decided by numbers is taken or dropped; a last
     * branch equal to the otherwise value is dropped.
     */
    static Expr collapse(Expr e, Engine en) {
        if (!(e instanceof Piecewise p)) return null;
        List<Branch> kept = new ArrayList<>();
        Expr otherwise = p.otherwise();
        for (Branch b : p.branches()) {
            Boolean d = decide(b.cond());
            if (d == null) { kept.add(b); continue; }
            if (d) { otherwise = b.value(); break; }
        }
        while (!kept.isEmpty() && kept.getLast().value().equals(otherwise)) kept.removeLast();
        Expr out = kept.isEmpty() ? otherwise : new Piecewise(kept, otherwise);
        return out.equals(p) ? null : out;
    }

    private static Boolean decide(Cond c) {
        if (c.left() instanceof Num l && c.right() instanceof Num r) {
            int cmp = l.compareTo(r);
            return switch (c.rel()) { case LT -> cmp < 0; case LE -> cmp <= 0; case GT -> cmp > 0; case GE -> cmp >= 0; };
        }
        if (c.left().equals(c.right())) return c.rel() == Rel.LE || c.rel() == Rel.GE;
        return null;
    }

    /** 3z - 1 > 0 is z > 1/3: a condition linear in one variable with numeric coefficients is solved for it. */
    static Expr isolateVariable(Expr e, Engine en) {
        if (!(e instanceof Piecewise p)) return null;
        boolean any = false;
        List<Branch> bs = new ArrayList<>();
        for (Branch b : p.branches()) {
            Cond c = isolate(b.cond());
            any |= c != null;
            bs.add(c == null ? b : new Branch(c, b.value()));
        }
        return any ? new Piecewise(bs, p.otherwise()) : null;
    }

    private static Cond isolate(Cond c) {
        if (!(c.right() instanceof Num r)) return null;
        Expr lin = c.left();
        Num shift = Num.ZERO;
        if (lin instanceof Add a && a.terms().size() == 2 && a.terms().get(1) instanceof Num b) {
            shift = b;
            lin = a.terms().get(0);
        }
        Num slope;
        Var v;
        if (lin instanceof Var x) {
            slope = Num.ONE;
            v = x;
        } else if (lin instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num k
                   && m.factors().get(1) instanceof Var x) {
            slope = k;
            v = x;
        } else {
            return null;
        }
        if (slope.isOne() && shift.isZero()) return null;
        Rel rel = c.rel();
        if (slope.isNegative()) {
            rel = switch (rel) { case LT -> Rel.GT; case LE -> Rel.GE; case GT -> Rel.LT; case GE -> Rel.LE; };
        }
        return new Cond(v, rel, r.minus(shift).dividedBy(slope));
    }
}
