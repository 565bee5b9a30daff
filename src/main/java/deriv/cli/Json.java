package deriv.cli;

import java.util.List;
import java.util.Map;

/** A minimal JSON writer for the CLI's output: maps (in insertion order), lists, strings, numbers, booleans, null. */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0, true);
        return sb.toString();
    }

    /** Single-line form. */
    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0, false);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb, int indent, boolean pretty) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(s, sb);
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(Double.isFinite(d) ? number(d) : "null");
            case Float f -> sb.append(Float.isFinite(f) ? f.toString() : "null");
            case Number n -> sb.append(n);
            case Map<?, ?> m -> {
                if (m.isEmpty()) { sb.append("{}"); return; }
                sb.append('{');
                boolean first = true;
                for (var e : m.entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    newline(sb, indent + 1, pretty);
                    string(String.valueOf(e.getKey()), sb);
                    sb.append(pretty ? ": " : ":");
                    write(e.getValue(), sb, indent + 1, pretty);
                }
                newline(sb, indent, pretty);
                sb.append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) { sb.append("[]"); return; }
                sb.append('[');
                boolean first = true;
                for (Object o : l) {
                    if (!first) sb.append(',');
                    first = false;
                    newline(sb, indent + 1, pretty);
                    write(o, sb, indent + 1, pretty);
                }
                newline(sb, indent, pretty);
                sb.append(']');
            }
            default -> string(v.toString(), sb);
        }
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d) + ".0";
        return Double.toString(d);
    }

    private static void newline(StringBuilder sb, int indent, boolean pretty) {
        if (!pretty) return;
        sb.append('\n');
        sb.append("  ".repeat(indent));
    }

    public static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
