package deriv.cli;

import deriv.eval.Evaluator;
import deriv.expr.Expr;
import deriv.parse.DerivException;
import deriv.parse.Parsed;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluates an expression or program in double precision.",
                   "Example: deriv eval \"3x^2 + 2(x+1)\" --at x=2"})
final class EvalCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Option(names = "--at", paramLabel = "ASSIGN", description = "values of the variables: x=1.5,y=2")
    String at;

    @Override public Integer call() {
        Parsed parsed = input.parse();
        Map<String, Double> values = Assignments.parse(at);
        Expr body = Commands.resolveDiffs(parsed);
        double v;
        try {
            v = Evaluator.eval(body, parsed.program().definitions(), values);
        } catch (Evaluator.UnboundVariable u) {
            throw new DerivException(parsed.at(u.name, "no value for '" + u.name + "': give it with --at " + u.name + "=..."));
        }
        out().println(Commands.number(v));
        return 0;
    }
}
