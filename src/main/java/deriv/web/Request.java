package deriv.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the members of a JSON request object; a wrong type is a 400 naming the member. */
final class Request {
    private final Map<String, Object> m;

    Request(Object json) {
        if (!(json instanceof Map<?, ?> map)) throw new ApiException(400, "the request body must be a JSON object");
        @SuppressWarnings("unchecked") Map<String, Object> cast = (Map<String, Object>) map;
        this.m = cast;
    }

    boolean has(String name) { return m.get(name) != null; }

    Object raw(String name) { return m.get(name); }

    String string(String name) {
        Object v = m.get(name);
        if (v == null) throw new ApiException(400, "missing \"" + name + "\"", 0, 0, name, null);
        if (!(v instanceof String s)) throw wrong(name, "a string");
        return s;
    }

    String string(String name, String otherwise) { return has(name) ? string(name) : otherwise; }

    boolean bool(String name, boolean otherwise) {
        Object v = m.get(name);
        if (v == null) return otherwise;
        if (!(v instanceof Boolean b)) throw wrong(name, "true or false");
        return b;
    }

    double number(String name, double otherwise) {
        Object v = m.get(name);
        if (v == null) return otherwise;
        if (!(v instanceof Double d) || !Double.isFinite(d)) throw wrong(name, "a number");
        return d;
    }

    int integer(String name, int otherwise, int min, int max) {
        Object v = m.get(name);
        if (v == null) return otherwise;
        if (!(v instanceof Double d) || d != Math.rint(d)) throw wrong(name, "a whole number");
        if (d < min || d > max) throw new ApiException(400, "\"" + name + "\" must be from " + min + " to " + max, 0, 0, name, null);
        return d.intValue();
    }

    /** A list of names: a JSON array of strings, or one string holding a comma-separated list. */
    List<String> names(String name) {
        Object v = m.get(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v instanceof String s) {
            for (String p : s.split(",")) if (!p.isBlank()) out.add(p.strip());
            return out;
        }
        if (!(v instanceof List<?> l)) throw wrong(name, "an array of names");
        for (Object o : l) {
            if (!(o instanceof String s)) throw wrong(name, "an array of names");
            out.add(s.strip());
        }
        return out;
    }

    /** A map of variable values: a JSON object of numbers. */
    Map<String, Double> values(String name) {
        Object v = m.get(name);
        Map<String, Double> out = new LinkedHashMap<>();
        if (v == null) return out;
        if (!(v instanceof Map<?, ?> map)) throw wrong(name, "an object of numbers, e.g. {\"x\": 1.5}");
        for (var e : map.entrySet()) {
            if (!(e.getValue() instanceof Double d) || !Double.isFinite(d)) {
                throw wrong(name, "an object of numbers, e.g. {\"x\": 1.5}");
            }
            out.put(String.valueOf(e.getKey()), d);
        }
        return out;
    }

    private static ApiException wrong(String name, String what) {
        return new ApiException(400, "\"" + name + "\" must be " + what, 0, 0, name, null);
    }
}
