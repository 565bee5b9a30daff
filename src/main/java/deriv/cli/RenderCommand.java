package deriv.cli;

import deriv.expr.Definition;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.latex.DerivationLatex.Line;
import deriv.latex.LatexPrinter;
import deriv.parse.Parsed;
import deriv.render.Sheet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Typesets an expression (or a program: its definitions, then its expression) as LaTeX,",
                   "and as PNG, SVG or PDF with --png, --svg, --pdf. Without an output file it prints the LaTeX.",
                   "Example: deriv render \"sigmoid(W*x + b)*(1 - sigmoid(W*x + b))\" --png sigma.png"})
final class RenderCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Mixin RenderOptions render;

    enum Output { latex }

    @Option(names = "--format", paramLabel = "FORMAT", description = "latex: print the LaTeX even when writing files")
    Output format;

    @Override public Integer call() {
        Parsed parsed = input.parse();
        List<Line> lines = new ArrayList<>();
        for (Definition d : parsed.program().definitions().all()) {
            String head = switch (d) {
                case Definition.Intermediate i -> LatexPrinter.name(i.name());
                case Definition.Function f -> LatexPrinter.print(new Expr.Call(f.name(), f.params().stream().map(Expr::var).map(v -> (Expr) v).toList()));
            };
            lines.add(new Line(head, ":= " + LatexPrinter.print(d.body())));
        }
        Expr body = parsed.program().body();
        String latex = LatexPrinter.print(body);
        // the expression stands apart from the definitions' alignment
        List<List<Line>> blocks = lines.isEmpty() ? List.of(List.of(new Line("", latex)))
                                                  : List.of(lines, List.of(new Line("", latex)));
        lines.add(new Line("", latex));
        if (render.any()) render.write(new Sheet(null, blocks), Printer.print(body));
        if (!render.any() || format == Output.latex) {
            if (lines.size() == 1) out().println(latex);
            else out().println(deriv.latex.DerivationLatex.aligned(lines));
        }
        return 0;
    }
}
