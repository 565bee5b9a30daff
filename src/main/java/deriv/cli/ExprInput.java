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

    public Source source() {
        if (expr != null && expr.startsWith("--")) throw DerivException.general("unknown option '" + expr + "'");
        return Input.read(expr, file);
    }

    public Parsed parse() { return Parsing.program(source()); }
}
