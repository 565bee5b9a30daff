package deriv.parse;

/** A spot in the source: 1-based line and column. */
public record Position(int line, int column) {}
