package deriv.parse;

import java.util.List;

/** Input text with a name (an argument, a file) and its lines, for diagnostics. */
public record Source(String name, String text) {
    public List<String> lines() { return text.lines().toList(); }

    /** Line {@code n} (1-based), or "" past the end. */
    public String line(int n) {
        List<String> ls = lines();
        if (n >= 1 && n <= ls.size()) return ls.get(n - 1);
        return "";
    }
}
