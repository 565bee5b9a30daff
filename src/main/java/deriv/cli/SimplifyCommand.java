package deriv.cli;

import deriv.diff.Derivation;
import deriv.diff.Rules;
import deriv.diff.Step;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import deriv.latex.DerivationLatex;
import deriv.latex.LatexPrinter;
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

@Command(name = "simplify", mixinStandardHelpOptions = true,
    description = {"Simplifies an expression step by step toward the form a teacher writes.",
                   "Example: deriv simplify \"1*x^(2-1)*2 + 0\" --steps",
                   "Each step is one named rule applied wherever it fits; --steps lists them."})
final class SimplifyCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Option(names = "--steps", description = "show each rewrite: the rule and the whole expression after it")
    boolean steps;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, latex or json (default ${DEFAULT-VALUE})")
    Format format;

    @Mixin Limits limits;

    @Override public Integer call() {
        Parsed parsed = input.parse();
        Simplifier.Simplified s = limits.run(() -> Simplifier.simplify(Commands.resolveDiffs(parsed)));
        switch (format) {
            case text -> out().print(steps ? text(s) : Printer.print(s.result()) + "\n");
            case latex -> out().println(steps
                ? DerivationLatex.latex(new Derivation(s.input(), s.steps()), DerivationLatex.Options.allSteps())
                : LatexPrinter.print(s.result()));
            case json -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("input", Printer.print(s.input()));
                json.put("result", Printer.print(s.result()));
                json.put("latex", LatexPrinter.print(s.result()));
                json.put("nodes", Exprs.size(s.result()));
                if (s.exhausted()) json.put("note", "stopped at the work budget");
                json.put("steps", Commands.stepsJson(s.steps()));
                out().println(Json.write(json));
            }
        }
        return 0;
    }

    /** The input, then one line per rewrite: {@code = expression   [rule]}; the last line is the result. */
    static String text(Simplifier.Simplified s) {
        StringBuilder sb = new StringBuilder();
        sb.append("  ").append(Printer.print(s.input())).append('\n');
        for (Step st : s.steps()) {
            sb.append("= ").append(Printer.print(st.after())).append("    [").append(Rules.describe(st.rule())).append("]\n");
        }
        if (s.exhausted()) sb.append("(stopped at the work budget)\n");
        return sb.toString();
    }
}
