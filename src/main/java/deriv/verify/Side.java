package deriv.verify;

import deriv.diff.Differentiator;
import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import deriv.expr.Exprs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One side of an equality to check: an expression as written (it may hold {@code diff(...)}, also
 * with respect to an intermediate), the definitions in force for it, and a label for reports
 * ("line 4", "d/dx of F", a LaTeX snippet). Its {@link #value()} is the expression with every
 * diff resolved; intermediates stay variables and are evaluated from {@link #defs()}.
 */
public final class Side {
    private final String label;
    private final Expr written;
    private final Definitions defs;
    private final Expr value;
    private final List<String> variables;

    public Side(String label, Expr written, Definitions defs) {
        this.label = label;
        this.written = written;
        // diff(...) inside a definition is worked out once, so that evaluation never meets one
        this.defs = Differentiator.resolveDefinitions(defs);
        this.value = new Differentiator(this.defs).resolve(written);
        this.variables = freeVariables(value, defs);
    }

    public String label() { return label; }
    public Expr written() { return written; }
    public Definitions defs() { return defs; }
    /** The expression with its diff nodes resolved (intermediates kept as variables). */
    public Expr value() { return value; }
    /** The variables a value depends on, through intermediates and user functions, in order of appearance. */
    public List<String> variables() { return variables; }

    /** The same side with another value in place of the resolved one (a hint's candidate). */
    Side with(String label, Expr written) { return new Side(label, written, defs); }

    /** Free variables, looking through intermediates (which are not themselves drawn) and user functions. */
    static List<String> freeVariables(Expr e, Definitions defs) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, defs, Set.of(), out, new HashSet<>());
        return new ArrayList<>(out);
    }

    private static void collect(Expr e, Definitions defs, Set<String> params, Set<String> out, Set<String> seen) {
        switch (e) {
            case Var v -> {
                if (params.contains(v.name())) return;
                var def = defs.intermediate(v.name());
                if (def.isPresent()) {
                    if (seen.add(v.name())) collect(def.get(), defs, Set.of(), out, seen);
                } else {
                    out.add(v.name());
                }
            }
            case Call c when defs.function(c.fn()).isPresent() -> {
                Definition.Function f = defs.function(c.fn()).get();
                for (Expr a : c.args()) collect(a, defs, params, out, seen);
                if (seen.add(f.name() + "()")) collect(f.body(), defs, Set.copyOf(f.params()), out, seen);
            }
            default -> {
                for (Expr ch : Exprs.children(e)) collect(ch, defs, params, out, seen);
            }
        }
    }
}
