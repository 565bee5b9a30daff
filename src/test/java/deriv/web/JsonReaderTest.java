package deriv.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        Object v = JsonReader.parse(" {\"s\": \"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\", \"n\": -12.5e1, \"z\": 0, \"t\": true, \"f\": false,"
            + " \"nil\": null, \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals("a\"b\\c\né😀", m.get("s"));
        assertEquals(-125.0, m.get("n"));
        assertEquals(0.0, m.get("z"));
        assertEquals(true, m.get("t"));
        assertEquals(false, m.get("f"));
        assertTrue(m.containsKey("nil") && m.get("nil") == null);
        assertEquals(List.of(1.0, List.of(), Map.of()), m.get("a"));
        assertEquals(Map.of("k", "v"), m.get("o"));
        assertEquals(List.of("s", "n", "z", "t", "f", "nil", "a", "o"), List.copyOf(m.keySet()), "members keep their order");
    }

    @Test
    void roundTripsTheCliWriter() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("x", "<script> & \u2028 \t");
        m.put("list", List.of(1.5, "two", true));
        assertEquals(m, JsonReader.parse(deriv.cli.Json.write(m)));
    }

    @Test
    void errorsSayWhere() {
        record Case(String text, String message, int line, int column) {}
        for (Case c : List.of(
                new Case("{\"a\": 1,}", "expected a member name in double quotes", 1, 9),
                new Case("{\"a\" 1}", "expected ':' after a member name", 1, 6),
                new Case("[1,\n 2,\n x]", "unexpected 'x' in JSON", 3, 2),
                new Case("[1 2]", "expected ',' or ']' in an array", 1, 4),
                new Case("\"abc", "unterminated string", 1, 5),
                new Case("\"a\tb\"", "control character in a string (escape it)", 1, 3),
                new Case("\"\\x\"", "bad escape '\\x'", 1, 2),
                new Case("01", "unexpected '1' after the JSON value", 1, 2),
                new Case("1.", "bad number: a digit must follow '.'", 1, 3),
                new Case("-", "bad number", 1, 2),
                new Case("tru", "unexpected 't' in JSON", 1, 1),
                new Case("", "unexpected end of JSON", 1, 1),
                new Case("{\"a\": 1, \"a\": 2}", "duplicate member \"a\"", 1, 10),
                new Case("{} {}", "unexpected '{' after the JSON value", 1, 4))) {
            JsonReader.Error e = assertThrows(JsonReader.Error.class, () -> JsonReader.parse(c.text()), c.text());
            assertEquals(c.message(), e.getMessage(), c.text());
            assertEquals(c.line(), e.line, c.text());
            assertEquals(c.column(), e.column, c.text());
        }
    }

    @Test
    void nestingAndSizeAreLimited() {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertNotNull(JsonReader.parse(ok));
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonReader.Error e = assertThrows(JsonReader.Error.class, () -> JsonReader.parse(deep));
        assertTrue(e.getMessage().startsWith("JSON nested deeper than"), e.getMessage());
        char[] many = new char[2 * (JsonReader.MAX_ITEMS + 1) + 1];
        Arrays.fill(many, ',');
        for (int i = 1; i < many.length - 1; i += 2) many[i] = '0';
        many[0] = '[';
        many[many.length - 1] = ']';
        assertThrows(JsonReader.Error.class, () -> JsonReader.parse(new String(many)));
    }
}
