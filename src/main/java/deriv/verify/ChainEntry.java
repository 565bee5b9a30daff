package deriv.verify;

import deriv.expr.Definitions;
import deriv.expr.Expr;

/**
 * One line of a derivation, however it was read (plain text, LaTeX): where it is, what was
 * written, the expression, and the definitions in force for it. The chain checker needs nothing
 * else, so any reader can feed it.
 *
 * @param line   1-based line in the source file (0 when unknown)
 * @param source the text as the student wrote it, quoted in reports
 * @param expr   the expression (it may hold diff(...) nodes)
 * @param defs   the definitions in force for this line
 * @param continues whether the line is claimed equal to the one before (false where a new chain starts)
 */
public record ChainEntry(int line, String source, Expr expr, Definitions defs, boolean continues) {
    public ChainEntry {
        java.util.Objects.requireNonNull(source);
        java.util.Objects.requireNonNull(expr);
        java.util.Objects.requireNonNull(defs);
    }

    /** A line claimed equal to the one before it. */
    public ChainEntry(int line, String source, Expr expr, Definitions defs) { this(line, source, expr, defs, true); }
}
