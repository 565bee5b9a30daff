package deriv.expr;

import java.util.List;

/**
 * A parsed program: definitions in source order, then the expression whose value the program has.
 */
public record Program(Definitions definitions, Expr body) {
    public static Program of(Expr body) { return new Program(Definitions.EMPTY, body); }
}
