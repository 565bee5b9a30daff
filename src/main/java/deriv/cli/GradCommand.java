package deriv.cli;

import deriv.diff.Derivation;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import deriv.parse.Parsed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "grad", mixinStandardHelpOptions = true,
    description = {"Every partial derivative of an expression (the gradient).",
                   "Example: deriv grad \"(y - W2*tanh(W1*x + b1) - b2)^2\" --wrt W1,b1,W2,b2",
                   "Without --wrt: all free variables, in order of first appearance."})
final class GradCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Option(names = "--wrt", paramLabel = "VARS", split = ",", description = "variables, comma-separated (default: all free variables)")
    List<String> wrt = new ArrayList<>();

    @Option(names = "--steps", description = "show each derivation step by step")
    boolean steps;

    @Option(names = "--raw", description = "do not simplify the results")
    boolean raw;

    @Option(names = "--at", paramLabel = "ASSIGN", description = "print the values of the partials at x=1.5,y=2 instead")
    String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, latex or json (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--check", description = "compare each partial with central finite differences; exit 1 when one disagrees")
    boolean check;

    @Mixin Limits limits;

    @Mixin RenderOptions render;

    @Override public Integer call() {
        Parsed parsed = input.parse();
        List<String> vars = new ArrayList<>();
        if (wrt.isEmpty()) {
            vars.addAll(Exprs.freeVars(parsed.program().definitions().expand(Commands.resolveDiffs(parsed))));
        } else {
            for (String w : wrt) vars.add(Commands.checkVar(w.strip(), parsed));
        }
        Map<String, Double> values = at == null ? null : Assignments.parse(at);
        Map<String, Derivation> partials = limits.run(() -> {
            Map<String, Derivation> m = new LinkedHashMap<>();
            for (String v : vars) m.put(v, Commands.derive(parsed, List.of(v), raw));
            return m;
        });
        Map<String, Object> gradient = new LinkedHashMap<>();
        Map<String, Object> allSteps = new LinkedHashMap<>();
        Map<String, Object> latex = new LinkedHashMap<>();
        int status = 0;
        Map<String, Object> checks = new LinkedHashMap<>();
        for (var e : partials.entrySet()) {
            Derivation d = e.getValue();
            if (values != null) gradient.put(e.getKey(), Commands.value(parsed, d.result(), values));
            else gradient.put(e.getKey(), Printer.print(d.result()));
            latex.put(e.getKey(), Commands.latex(d.result()));
            if (steps) allSteps.put(e.getKey(), Commands.stepsJson(d.steps()));
            if (check) {
                Map<String, Object> one = new LinkedHashMap<>();
                status = Math.max(status, Commands.check(parsed, d, List.of(e.getKey()), err(), one));
                checks.put(e.getKey(), one.get("check"));
            }
        }
        render.render(new ArrayList<>(partials.values()), steps);
        switch (format) {
            case json -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("input", Printer.print(parsed.program().body()));
                json.put("wrt", vars);
                json.put("gradient", gradient);
                if (values == null) json.put("latex", latex);
                if (steps) json.put("steps", allSteps);
                if (check) json.put("check", checks);
                out().println(Json.write(json));
            }
            case latex -> {
                for (var e : partials.entrySet()) {
                    out().println(values != null ? "\\frac{\\partial}{\\partial " + e.getKey() + "} = " + Commands.number((Double) gradient.get(e.getKey()))
                        : Commands.latex(e.getValue().result()));
                }
            }
            case text -> {
                for (var e : partials.entrySet()) {
                    if (steps && values == null) out().print(StepText.render(e.getValue()));
                    else {
                        Object g = gradient.get(e.getKey());
                        out().println("d/d" + e.getKey() + " = " + (g instanceof Double dd ? Commands.number(dd) : g));
                    }
                }
            }
        }
        return status;
    }
}
