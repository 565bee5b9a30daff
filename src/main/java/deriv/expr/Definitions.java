package deriv.expr;

import static deriv.expr.Expr.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The definitions of a program, by name. Intermediates stay as variables in expressions (so that a
 * derivative can be taken with respect to one); {@link #expand} replaces them when a value is needed.
 */
public final class Definitions {
    public static final Definitions EMPTY = new Definitions(List.of());

    private final List<Definition> all;
    private final Map<String, Definition> byName = new LinkedHashMap<>();
    private final Map<String, Expr> expandedCache = new HashMap<>();

    public Definitions(List<Definition> definitions) {
        this.all = List.copyOf(definitions);
        for (Definition d : all) byName.put(d.name(), d);
    }

    public List<Definition> all() { return all; }
    public boolean isEmpty() { return all.isEmpty(); }

    public Optional<Expr> intermediate(String name) {
        return byName.get(name) instanceof Definition.Intermediate i ? Optional.of(i.body()) : Optional.empty();
    }

    public Optional<Definition.Function> function(String name) {
        return byName.get(name) instanceof Definition.Function f ? Optional.of(f) : Optional.empty();
    }

    public boolean defines(String name) { return byName.containsKey(name); }

    /** A call of a user function with its body instantiated; arguments are substituted simultaneously. */
    public Expr instantiate(Definition.Function f, List<Expr> args) {
        Map<String, Expr> by = new HashMap<>();
        for (int i = 0; i < f.params().size(); i++) by.put(f.params().get(i), args.get(i));
        return Exprs.substitute(f.body(), by);
    }

    /**
     * The expression with every intermediate replaced by its (expanded) definition and every user
     * function call by its body. {@code diff} nodes are left in place.
     */
    public Expr expand(Expr e) {
        if (all.isEmpty()) return e;
        return switch (e) {
            case Var v -> {
                Optional<Expr> d = intermediate(v.name());
                if (d.isEmpty()) yield v;
                Expr cached = expandedCache.get(v.name());
                if (cached == null) {
                    cached = expand(d.get());
                    expandedCache.put(v.name(), cached);
                }
                yield cached;
            }
            case Call c when function(c.fn()).isPresent() -> {
                List<Expr> args = new ArrayList<>();
                for (Expr a : c.args()) args.add(expand(a));
                yield expand(instantiate(function(c.fn()).get(), args));
            }
            default -> Exprs.mapChildren(e, this::expand);
        };
    }

    /** User function calls replaced by their bodies; intermediates kept. */
    public Expr expandFunctions(Expr e) {
        if (all.isEmpty()) return e;
        return switch (e) {
            case Call c when function(c.fn()).isPresent() -> {
                List<Expr> args = new ArrayList<>();
                for (Expr a : c.args()) args.add(expandFunctions(a));
                yield expandFunctions(instantiate(function(c.fn()).get(), args));
            }
            default -> Exprs.mapChildren(e, this::expandFunctions);
        };
    }
}
