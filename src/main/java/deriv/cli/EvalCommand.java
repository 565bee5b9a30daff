package deriv.cli;

import deriv.eval.Evaluator;
import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.parse.DerivException;
import deriv.parse.Parsed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluates an expression or program in double precision.",
                   "A NaN or infinite value is printed as such, with a warning on standard error naming",
                   "the sub-expression where it first arose.",
                   "Example: deriv eval \"3x^2 + 2(x+1)\" --at x=2"})
final class EvalCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Option(names = "--at", paramLabel = "ASSIGN", description = "values of the variables: x=1.5,y=2 (pi/4 and -e are fine)")
    String at;

    @Override public Integer call() {
        Parsed parsed = input.parse();
        Map<String, Double> values = Assignments.parse(at);
        Expr body = Commands.resolveDiffs(parsed);
        Definitions defs = parsed.program().definitions();
        requireValues(parsed, body, values);
        Evaluator.Evaluation result;
        try {
            result = Evaluator.evaluate(body, defs, values);
        } catch (Evaluator.UnboundVariable u) {
            throw new DerivException(parsed.at(u.name, "no value for '" + u.name + "': give it with --at " + u.name + "=..."));
        }
        out().println(Commands.number(result.value()));
        result.firstNonFinite().ifPresent(nf -> err().println("warning: " + nf.describe()
            + (Double.isFinite(result.value()) ? "; the value above was computed through it" : "")));
        return 0;
    }

    /** Every variable the program needs and --at does not give, named in one message at the first one's spot. */
    static void requireValues(Parsed parsed, Expr body, Map<String, Double> values) {
        Set<String> missing = new LinkedHashSet<>();
        collectMissing(body, Set.of(), parsed.program().definitions(), values, new HashSet<>(), missing);
        if (missing.isEmpty()) return;
        List<String> names = new ArrayList<>(missing);
        String first = names.getFirst();
        String message;
        if (names.size() == 1) {
            message = "no value for '" + first + "': give it with --at " + first + "=...";
        } else {
            List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
            String list = String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.getLast();
            message = "no values for " + list + ": give them with --at "
                + String.join(",", names.stream().map(n -> n + "=...").toList());
        }
        throw new DerivException(parsed.at(first, message));
    }

    private static void collectMissing(Expr e, Set<String> params, Definitions defs, Map<String, Double> values,
                                       Set<String> seen, Set<String> missing) {
        switch (e) {
            case Expr.Var v -> {
                String n = v.name();
                if (params.contains(n) || values.containsKey(n)) return;
                var d = defs.intermediate(n);
                if (d.isPresent()) {
                    if (seen.add(n)) collectMissing(d.get(), Set.of(), defs, values, seen, missing);
                } else {
                    missing.add(n);
                }
            }
            case Expr.Call c when defs.function(c.fn()).isPresent() -> {
                for (Expr a : c.args()) collectMissing(a, params, defs, values, seen, missing);
                Definition.Function f = defs.function(c.fn()).get();
                if (seen.add(f.name() + "()")) collectMissing(f.body(), Set.copyOf(f.params()), defs, values, seen, missing);
            }
            default -> { for (Expr c : Exprs.children(e)) collectMissing(c, params, defs, values, seen, missing); }
        }
    }
}
