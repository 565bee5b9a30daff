package deriv.web;

import deriv.parse.Diagnostic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses: an HTTP status and the JSON error body
 * {@code {"error", "line", "column"}} (line and column 0 when the error points nowhere in particular),
 * plus {@code field} (which request member the position refers to) and {@code sourceLine} when known.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, Object> body;

    public ApiException(int status, String message) { this(status, message, 0, 0, null, null); }

    public ApiException(int status, String message, int line, int column, String field, String sourceLine) {
        super(message);
        this.status = status;
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", message);
        b.put("line", line);
        b.put("column", column);
        if (field != null) b.put("field", field);
        if (sourceLine != null) b.put("sourceLine", sourceLine);
        this.body = b;
    }

    /** A 400 from a diagnostic of the input in request member {@code field}. */
    public static ApiException of(Diagnostic d, String field) {
        boolean placed = d.line() > 0 && d.sourceLine() != null;
        return new ApiException(400, d.message(), placed ? d.line() : 0, placed ? d.column() : 0,
            field, placed ? d.sourceLine() : null);
    }

    public int status() { return status; }

    public Map<String, Object> body() { return body; }
}
