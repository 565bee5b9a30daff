package deriv.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A quick estimate of how wide a LaTeX formula is when typeset, in ems of the base font, for
 * breaking long lines (accurate to ten or twenty percent, which is all line breaking needs; the
 * renderer scales whatever still does not fit). Knows only the constructs {@link LatexPrinter} and
 * {@link DerivationLatex} write.
 */
public final class LatexWidth {
    private LatexWidth() {}

    private static final Set<String> WORDS = Set.of("text", "mathrm", "operatorname", "textbf", "mathbf");

    /** Estimated width of {@code latex} in ems, set in display style. */
    public static double em(String latex) { return em(latex, 0); }

    private static double em(String latex, int style) {
        Scan scan = new Scan(latex);
        scan.style = style;
        return scan.sequence('\0');
    }

    private static final class Scan {
        private final String s;
        private int i;
        // TeX's styles: 0 display, 1 text (same size), 2 script, 3 scriptscript
        private int style;

        Scan(String s) { this.s = s; }

        private double size() { return style <= 1 ? 1 : style == 2 ? 0.72 : 0.56; }

        /** The width of the next group set in {@code inner} style. */
        private double groupIn(int inner) {
            int saved = style;
            style = Math.min(3, inner);
            try {
                return group();
            } finally {
                style = saved;
            }
        }

        /** Width of everything up to {@code stop} at this level (not consumed), or to the end. */
        double sequence(char stop) {
            double w = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == stop) return w;
                if (stop == '\0' && c == '}') { i++; continue; }
                w += item();
            }
            return w;
        }

        private double group() {
            if (i < s.length() && s.charAt(i) == '{') {
                i++;
                double w = sequence('}');
                if (i < s.length()) i++;
                return w;
            }
            return i < s.length() ? item() : 0;
        }

        private String rawGroup() {
            if (i >= s.length() || s.charAt(i) != '{') return "";
            int depth = 0, start = i + 1;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) { i++; return s.substring(start, i - 1); }
            }
            return s.substring(start);
        }

        private double item() {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '&' -> { i++; return 0; }
                case '{' -> { return group(); }
                case '^', '_' -> { i++; return groupIn(Math.max(style, 1) + 1); }
                // binary operators and relations lose their spaces in script styles
                case '+', '-', '=', '<', '>' -> { i++; return style >= 2 ? 0.78 * size() : 1.3; }
                case ',' -> { i++; return 0.45 * size(); }
                case '.' -> { i++; return 0.28 * size(); }
                case '(', ')', '|', '[', ']' -> { i++; return 0.39 * size(); }
                case '\\' -> { return command(); }
                default -> {
                    i++;
                    if (Character.isDigit(c)) return 0.5 * size();
                    if (Character.isUpperCase(c)) return 0.75 * size();
                    return 0.55 * size();
                }
            }
        }

        private double command() {
            int start = ++i;
            if (i < s.length() && !Character.isLetter(s.charAt(i))) {
                char c = s.charAt(i++);
                return switch (c) {
                    case ',' -> 0.17;
                    case ';' -> 0.28;
                    case '!' -> -0.17;
                    case '\\' -> 0;
                    default -> 0.5;
                };
            }
            while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
            String name = s.substring(start, i);
            switch (name) {
                case "frac", "dfrac" -> {
                    int inner = name.equals("dfrac") ? 1 : style == 0 ? 1 : style + 1;
                    double a = groupIn(inner), b = groupIn(inner);
                    return Math.max(a, b) + 0.25 * size();
                }
                case "sqrt" -> { return group() + 0.85 * size(); }
                case "left", "right" -> {
                    if (i < s.length() && s.charAt(i) == '.') { i++; return 0; }
                    if (i < s.length() && s.charAt(i) == '\\') { command(); return 0.45; }
                    i++;
                    return 0.45;
                }
                case "begin" -> { return environment(rawGroup()); }
                case "end" -> { rawGroup(); return 0; }
                case "quad" -> { return size(); }
                case "qquad" -> { return 2 * size(); }
                case "cdot" -> { return style >= 2 ? 0.28 * size() : 0.78; }
                case "leq", "geq" -> { return style >= 2 ? 0.78 * size() : 1.3; }
                case "partial" -> { return 0.57 * size(); }
                case "textcolor", "hphantom" -> {
                    if (name.equals("textcolor")) rawGroup();
                    return group();
                }
                default -> {
                    if (WORDS.contains(name)) return 0.5 * size() * visibleLength(rawGroup());
                    if (name.length() >= 3 && Character.isLowerCase(name.charAt(0))
                        && Set.of("sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh",
                                  "cosh", "tanh", "exp", "ln", "log", "min", "max").contains(name)) {
                        return (0.5 * name.length() + 0.15) * size();
                    }
                    return 0.6 * size();
                }
            }
        }

        // cases, aligned, array: the widest row, its cells side by side; nested environments are rows' content
        private double environment(String env) {
            if (env.equals("array")) rawGroup();
            List<String> rows = new ArrayList<>();
            int braces = 0, nested = 0, rowStart = i;
            while (i < s.length()) {
                if (s.startsWith("\\begin{", i)) { nested++; i += 7; continue; }
                if (s.startsWith("\\end{", i)) {
                    if (nested == 0) break;
                    nested--;
                    i += 5;
                    continue;
                }
                char c = s.charAt(i);
                if (c == '{') braces++;
                else if (c == '}') braces--;
                else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\' && braces == 0 && nested == 0) {
                    rows.add(s.substring(rowStart, i));
                    i += 2;
                    rowStart = i;
                    continue;
                } else if (c == '\\') {
                    i++;
                }
                i++;
            }
            rows.add(s.substring(rowStart, Math.min(i, s.length())));
            rawGroupAfterEnd();
            // the cells of cases and array are set in text style
            int inner = env.equals("cases") || env.equals("array") ? Math.max(style, 1) : style;
            double widest = 0;
            for (String row : rows) widest = Math.max(widest, em(row, inner));
            return widest + (env.equals("cases") ? 1.2 * size() : 0);
        }

        private void rawGroupAfterEnd() {
            if (s.startsWith("\\end", i)) {
                i += 4;
                rawGroup();
            }
        }

        private static int visibleLength(String text) {
            return text.replace("\\", "").length();
        }
    }
}
