package deriv.parse;

import deriv.expr.Program;
import java.util.Map;

/**
 * A parsed program with the source it came from and where each name first appears, so that later
 * stages (an unbound variable in eval) can point at the spot.
 */
public record Parsed(Program program, Source source, Map<String, Position> namePositions) {

    /** A diagnostic at the first appearance of {@code name}, or a general one. */
    public Diagnostic at(String name, String message) {
        Position p = namePositions.get(name);
        if (p == null) return Diagnostic.general(message);
        return Diagnostic.at(source, p.line(), p.column(), message);
    }
}
