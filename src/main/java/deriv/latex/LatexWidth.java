package deriv.latex;

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
    private static final double SCRIPT = 0.72;

    /** Estimated width of {@code latex} in ems. */
    public static double em(String latex) {
        return new Scan(latex).sequence('\0');
    }

    private static final class Scan {
        private final String s;
        private int i;

        Scan(String s) { this.s = s; }

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
                case '^', '_' -> { i++; return SCRIPT * group(); }
                case '+', '-', '=', '<', '>' -> { i++; return 1.3; }
                case ',' -> { i++; return 0.45; }
                case '.' -> { i++; return 0.28; }
                case '(', ')', '|', '[', ']' -> { i++; return 0.39; }
                case '\\' -> { return command(); }
                default -> {
                    i++;
                    if (Character.isDigit(c)) return 0.5;
                    if (Character.isUpperCase(c)) return 0.75;
                    return 0.55;
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
                    double a = group(), b = group();
                    return Math.max(a, b) + 0.25;
                }
                case "sqrt" -> { return group() + 0.85; }
                case "left", "right" -> {
                    if (i < s.length() && s.charAt(i) == '.') { i++; return 0; }
                    if (i < s.length() && s.charAt(i) == '\\') { command(); return 0.45; }
                    i++;
                    return 0.45;
                }
                case "begin" -> { return environment(rawGroup()); }
                case "end" -> { rawGroup(); return 0; }
                case "quad" -> { return 1; }
                case "qquad" -> { return 2; }
                case "cdot" -> { return 0.78; }
                case "leq", "geq" -> { return 1.3; }
                case "partial" -> { return 0.57; }
                case "textcolor", "hphantom" -> {
                    if (name.equals("textcolor")) rawGroup();
                    return group();
                }
                default -> {
                    if (WORDS.contains(name)) return 0.5 * visibleLength(rawGroup());
                    if (name.length() >= 3 && Character.isLowerCase(name.charAt(0))
                        && Set.of("sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh",
                                  "cosh", "tanh", "exp", "ln", "log", "min", "max").contains(name)) {
                        return 0.5 * name.length() + 0.15;
                    }
                    return 0.6;
                }
            }
        }

        // cases, aligned, array: widest row, the cells of a row side by side
        private double environment(String env) {
            if (env.equals("array")) rawGroup();
            String end = "\\end{" + env + "}";
            int stop = s.indexOf(end, i);
            if (stop < 0) stop = s.length();
            String body = s.substring(i, stop);
            i = Math.min(s.length(), stop + end.length());
            double widest = 0;
            for (String row : body.split("\\\\\\\\")) widest = Math.max(widest, em(row));
            return widest + (env.equals("cases") ? 1.2 : 0);
        }

        private static int visibleLength(String text) {
            return text.replace("\\", "").length();
        }
    }
}
