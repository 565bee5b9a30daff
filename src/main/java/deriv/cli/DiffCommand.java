package deriv.cli;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Step;
import deriv.diff.Taylor;
import deriv.eval.Evaluator;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.DerivException;
import deriv.parse.Parsed;
import deriv.simplify.Simplifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Differentiates an expression by named rules and simplifies the result.",
                   "Example: deriv diff \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\" --wrt W1 --steps",
                   "Several --wrt give a mixed partial (d/dx, then d/dy); --order N repeats one variable.",
                   "With --at and nothing else, a derivative of order 2 or more is worked in Taylor mode:",
                   "exact, fast at any order, only its value printed."})
final class DiffCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Option(names = "--wrt", paramLabel = "VAR", required = true, description = "variable to differentiate with respect to (repeatable)")
    List<String> wrt = new ArrayList<>();

    @Option(names = "--order", paramLabel = "N", defaultValue = "1", description = "order of the derivative (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--steps", description = "show the derivation step by step")
    boolean steps;

    @Option(names = "--raw", description = "do not simplify the result")
    boolean raw;

    @Option(names = "--at", paramLabel = "ASSIGN", description = "print the value of the derivative at x=1.5,y=2 instead")
    String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, latex or json (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--check", description = "compare the result with central finite differences at random points; exit 1 when they disagree")
    boolean check;

    @Mixin Limits limits;

    @Mixin RenderOptions render;

    /** d^n/dv^n with n >= 2 by an ordinary variable (an intermediate as variable holds its definition apart). */
    private static boolean isPureHigher(Parsed parsed, List<String> vars) {
        return vars.size() >= 2 && vars.stream().distinct().count() == 1
            && parsed.program().definitions().intermediate(vars.getFirst()).isEmpty();
    }

    @Override public Integer call() {
        Parsed parsed = input.parse();
        List<String> vars = Commands.wrtList(wrt, order, parsed);
        Map<String, Double> values = at == null ? null : Assignments.parse(at);
        if (values != null && format == Format.text && !steps && !check && !render.any() && isPureHigher(parsed, vars)) {
            // only the value is asked for: Taylor mode is exact and stays a small DAG at any order,
            // where the rules' tree of a 10th derivative can run to millions of nodes; the input is
            // simplified first, as the rules' path does between orders (exp(y - y) needs no y)
            double v = limits.run(() -> {
                Expr body = Simplifier.simplify(Commands.resolveDiffs(parsed)).result();
                Expr d = Taylor.derivative(body, vars.getFirst(), vars.size(), parsed.program().definitions());
                return Commands.dagValue(parsed, d, values);
            });
            out().println(Commands.number(v));
            return 0;
        }
        Derivation der = limits.run(() -> Commands.derive(parsed, vars, raw));
        Expr result = der.result();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", Printer.print(parsed.program().body()));
        json.put("wrt", vars);
        int status = 0;
        if (values != null) {
            double v = Commands.value(parsed, result, values);
            json.put("value", v);
            if (format != Format.json) out().println(Commands.number(v));
        }
        if (check) status = Commands.check(parsed, der, vars, err(), json);
        render.render(der, steps);
        switch (format) {
            case text -> {
                if (values == null) {
                    if (steps) out().print(StepText.render(der));
                    else out().println(Printer.print(result));
                }
            }
            case latex -> {
                if (values == null) out().println(steps ? Commands.latex(der) : Commands.latex(result));
            }
            case json -> {
                json.put("result", Printer.print(result));
                json.put("latex", Commands.latex(result));
                json.put("nodes", deriv.expr.Exprs.size(result));
                if (steps) json.put("steps", Commands.stepsJson(der.steps()));
                out().println(Json.write(json));
            }
        }
        return status;
    }
}
