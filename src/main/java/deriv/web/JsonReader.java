package deriv.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for request bodies: objects (as {@link LinkedHashMap}), arrays, strings,
 * numbers (as {@link Double}), booleans and null. Strict (RFC 8259, no comments or trailing commas),
 * with limits on nesting, length and member count so that a hostile body cannot exhaust the stack.
 */
public final class JsonReader {
    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 32;
    /** Most members of one object or elements of one array. */
    public static final int MAX_ITEMS = 10_000;

    private final String text;
    private int pos;

    private JsonReader(String text) { this.text = text; }

    /** A JSON syntax error, with the 1-based line and column where it was found. */
    public static final class Error extends RuntimeException {
        public final int line;
        public final int column;

        Error(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** Parses one JSON value filling the whole text (whitespace aside). */
    public static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        r.skipSpace();
        Object v = r.value(0);
        r.skipSpace();
        if (r.pos < text.length()) throw r.error("unexpected '" + text.charAt(r.pos) + "' after the JSON value");
        return v;
    }

    private Object value(int depth) {
        if (pos >= text.length()) throw error("unexpected end of JSON");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected '" + printable(c) + "' in JSON");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        if (depth > MAX_DEPTH) throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        pos++; // {
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') { pos++; return m; }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a member name in double quotes");
            int at = pos;
            String key = string();
            skipSpace();
            if (peek() != ':') throw error("expected ':' after a member name");
            pos++;
            skipSpace();
            Object v = value(depth);
            if (m.containsKey(key)) { pos = at; throw error("duplicate member \"" + key + "\""); }
            m.put(key, v);
            if (m.size() > MAX_ITEMS) throw error("more than " + MAX_ITEMS + " members in one object");
            skipSpace();
            char c = peek();
            if (c == ',') { pos++; continue; }
            if (c == '}') { pos++; return m; }
            throw error("expected ',' or '}' in an object");
        }
    }

    private List<Object> array(int depth) {
        if (depth > MAX_DEPTH) throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        pos++; // [
        List<Object> l = new ArrayList<>();
        skipSpace();
        if (peek() == ']') { pos++; return l; }
        while (true) {
            skipSpace();
            l.add(value(depth));
            if (l.size() > MAX_ITEMS) throw error("more than " + MAX_ITEMS + " elements in one array");
            skipSpace();
            char c = peek();
            if (c == ',') { pos++; continue; }
            if (c == ']') { pos++; return l; }
            throw error("expected ',' or ']' in an array");
        }
    }

    private String string() {
        pos++; // "
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos);
            if (c == '"') { pos++; return sb.toString(); }
            if (c < 0x20) throw error("control character in a string (escape it)");
            if (c != '\\') { sb.append(c); pos++; continue; }
            if (pos + 1 >= text.length()) throw error("unterminated string");
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length()) throw error("bad \\u escape");
                    int v = 0;
                    for (int i = pos + 2; i < pos + 6; i++) {
                        int d = Character.digit(text.charAt(i), 16);
                        if (d < 0) throw error("bad \\u escape");
                        v = v * 16 + d;
                    }
                    sb.append((char) v);
                    pos += 4;
                }
                default -> throw error("bad escape '\\" + printable(e) + "'");
            }
            pos += 2;
        }
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') pos++;
        else if (isDigit(peek())) while (isDigit(peek())) pos++;
        else throw error("bad number");
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw error("bad number: a digit must follow '.'");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("bad number: a digit must follow the exponent");
            while (isDigit(peek())) pos++;
        }
        if (pos - start > 400) { pos = start; throw error("number too long"); }
        return Double.parseDouble(text.substring(start, pos));
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected '" + printable(text.charAt(pos)) + "' in JSON");
        pos += word.length();
        return value;
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
            else break;
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private Error error(String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') { line++; col = 1; } else col++;
        }
        return new Error(message, line, col);
    }
}
