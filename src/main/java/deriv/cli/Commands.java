package deriv.cli;

import deriv.expr.Expr;
import deriv.parse.Parsed;

/** Helpers shared by the commands. */
final class Commands {
    private Commands() {}

    /** The program's expression with every diff(...) evaluated (no-op until differentiation lands). */
    static Expr resolveDiffs(Parsed parsed) {
        return parsed.program().body();
    }

    /** Java's shortest round-trip form of a double. */
    static String number(double v) {
        return Double.toString(v);
    }
}
