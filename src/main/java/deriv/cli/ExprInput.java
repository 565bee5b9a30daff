package deriv.cli;

import deriv.parse.DerivException;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import deriv.parse.Source;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input of a command: EXPR, {@code -} (standard input), or {@code -f FILE} (a program). */
public final class ExprInput {
    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPR",
        description = "the expression or program; - reads standard input")
    String expr;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read the program from FILE")
    Path file;

    @Option(names = "--latex", description = "read the input as LaTeX (\\frac{1}{1+e^{-x}}, \\sigma(z), W_{1}); a .tex file always is")
    boolean latex;

    public Source source() {
        // "--x" reads as an option; "----x" (many signs) is an expression
        if (expr != null && expr.matches("--[A-Za-z][A-Za-z0-9-]*(=.*)?")) {
            throw DerivException.general("unknown option '" + (expr.length() > 40 ? expr.substring(0, 37) + "..." : expr) + "'");
        }
        return Input.read(expr, file);
    }

    /** The parsed program, with diff(...) inside definitions worked out so that evaluation never meets one. */
    public Parsed parse() {
        Source src = source();
        boolean tex = latex || file != null && file.toString().endsWith(".tex");
        Parsed p = tex ? deriv.parse.LatexParsing.program(src) : Parsing.program(src);
        var defs = deriv.diff.Differentiator.resolveDefinitions(p.program().definitions());
        if (defs == p.program().definitions()) return p;
        return new Parsed(new deriv.expr.Program(defs, p.program().body()), p.source(), p.namePositions());
    }
}
