package deriv.parse;

/**
 * One error in the user's input: what went wrong and where (1-based line and column), with the
 * source line so that it can be shown with a caret under the spot.
 */
public record Diagnostic(String message, int line, int column, String sourceLine) {

    /** A diagnostic that points nowhere in particular (an option, a file). */
    public static Diagnostic general(String message) { return new Diagnostic(message, 0, 0, null); }

    public static Diagnostic at(Source source, int line, int column, String message) {
        return new Diagnostic(message, line, column, source.line(line));
    }

    /**
     * {@code error: MESSAGE at line L, column C}, then the source line and a caret under column C.
     */
    public String render() {
        if (sourceLine == null || line <= 0) return "error: " + message;
        StringBuilder sb = new StringBuilder("error: ").append(message)
            .append(" at line ").append(line).append(", column ").append(column).append('\n');
        String shown = sourceLine;
        int caret = Math.max(0, column - 1);
        // very long lines are cut around the spot so that the caret stays on screen
        int from = 0;
        if (shown.length() > 120) {
            from = Math.max(0, Math.min(caret - 60, shown.length() - 120));
            int to = Math.min(shown.length(), from + 120);
            shown = (from > 0 ? "..." : "") + shown.substring(from, to) + (to < sourceLine.length() ? "..." : "");
            caret = caret - from + (from > 0 ? 3 : 0);
        }
        sb.append("  ").append(shown.replace('\t', ' ')).append('\n');
        sb.append("  ").append(" ".repeat(Math.max(0, caret))).append('^');
        return sb.toString();
    }
}
