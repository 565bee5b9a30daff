package deriv.expr;

import static deriv.expr.Expr.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash-consing: one canonical object per structure, so that equal subexpressions built in
 * different places become the same object and identity-keyed memos (differentiation, evaluation,
 * {@link deriv.codegen.Dag}) see them once. Lookups compare children by identity, never by the
 * records' structural hash codes, which would walk a shared graph as a tree.
 */
public final class Interner {
    /** A node's kind, its own data and its (already canonical) children, compared by identity. */
    private record Key(Class<?> kind, Object data, List<Id> children) {}

    private record Id(Expr e) {
        @Override public boolean equals(Object o) { return o instanceof Id other && other.e == e; }
        @Override public int hashCode() { return System.identityHashCode(e); }
    }

    private final Map<Key, Expr> table = new HashMap<>();
    private final Map<Expr, Expr> interned = new IdentityHashMap<>();

    /** The canonical object structurally equal to {@code e}; linear in the number of distinct objects of {@code e}. */
    public Expr intern(Expr e) {
        Expr done = interned.get(e);
        if (done != null) return done;
        Expr canon = switch (e) {
            case Num n -> unique(new Key(Num.class, n, List.of()), n);
            case Var v -> unique(new Key(Var.class, v.name(), List.of()), v);
            case Const c -> unique(new Key(Const.class, c.name(), List.of()), c);
            case Add a -> { List<Expr> ts = internAll(a.terms()); yield node(Add.class, null, ts, () -> new Add(ts)); }
            case Mul m -> { List<Expr> fs = internAll(m.factors()); yield node(Mul.class, null, fs, () -> new Mul(fs)); }
            case Pow p -> {
                Expr b = intern(p.base()), k = intern(p.exp());
                yield node(Pow.class, null, List.of(b, k), () -> new Pow(b, k));
            }
            case Call c -> { List<Expr> as = internAll(c.args()); yield node(Call.class, c.fn(), as, () -> new Call(c.fn(), as)); }
            case Piecewise p -> {
                List<Branch> bs = new ArrayList<>();
                List<Expr> kids = new ArrayList<>();
                List<Rel> rels = new ArrayList<>();
                for (Branch b : p.branches()) {
                    Cond c = new Cond(intern(b.cond().left()), b.cond().rel(), intern(b.cond().right()));
                    Expr v = intern(b.value());
                    bs.add(new Branch(c, v));
                    kids.add(c.left()); kids.add(c.right()); kids.add(v);
                    rels.add(c.rel());
                }
                Expr o = intern(p.otherwise());
                kids.add(o);
                yield node(Piecewise.class, rels, kids, () -> new Piecewise(bs, o));
            }
            case Diff d -> { Expr b = intern(d.body()); yield node(Diff.class, d.var(), List.of(b), () -> new Diff(b, d.var())); }
        };
        interned.put(e, canon);
        interned.put(canon, canon);
        return canon;
    }

    private List<Expr> internAll(List<Expr> xs) {
        List<Expr> out = new ArrayList<>(xs.size());
        for (Expr c : xs) out.add(intern(c));
        return out;
    }

    private Expr unique(Key k, Expr e) {
        Expr had = table.putIfAbsent(k, e);
        return had == null ? e : had;
    }

    private Expr node(Class<?> kind, Object data, List<Expr> kids, java.util.function.Supplier<Expr> make) {
        List<Id> ids = new ArrayList<>(kids.size());
        for (Expr k : kids) ids.add(new Id(k));
        Key key = new Key(kind, data, ids);
        Expr had = table.get(key);
        if (had != null) return had;
        Expr e = make.get();
        table.put(key, e);
        interned.put(e, e);
        return e;
    }
}
