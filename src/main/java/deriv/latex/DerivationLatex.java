package deriv.latex;

import deriv.diff.Derivation;
import deriv.diff.Rules;
import deriv.diff.Step;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.DerivException;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX of a whole derivation as a textbook page sets it: the problem, then a chain of
 * {@code = ...} lines, each annotated with the rule that gives it. A step's reasons follow it,
 * indented: the name it introduces ({@code \text{let } u = ...}) and its sub-steps, each an
 * equation of its own, deeper sub-steps further in. Long right-hand sides break at the top-level
 * {@code +} and {@code -} of a sum (or the {@code \cdot} of a product) onto continuation lines.
 *
 * <p>The block is an {@code aligned} environment, which JLaTeXMath renders; {@link #document}
 * gives a standalone file for real LaTeX (amsmath's {@code align*}, which may break across pages).
 */
public final class DerivationLatex {
    private DerivationLatex() {}

    /**
     * @param steps      every step, or only the problem and its result
     * @param width      target line width in ems of the formula font; longer lines are broken
     * @param grayNotes  rule names in gray ({@code \textcolor}, for rendering; plain {@code \text} otherwise)
     */
    public record Options(boolean steps, double width, boolean grayNotes) {
        public Options {
            if (!(width > 0)) throw new IllegalArgumentException("width must be positive");
        }

        /** The problem and the result, lines broken at 48 ems. */
        public static Options resultOnly() { return new Options(false, 48, false); }

        /** Every step, lines broken at 48 ems. */
        public static Options allSteps() { return new Options(true, 48, false); }

        public Options withSteps(boolean s) { return new Options(s, width, grayNotes); }
        public Options withWidth(double w) { return new Options(steps, w, grayNotes); }
        public Options withGrayNotes(boolean g) { return new Options(steps, width, g); }
    }

    /** One row of an aligned block: the left column (set flush right) and the right one (flush left). */
    public record Line(String left, String right) {
        public String latex() { return left.isEmpty() ? "& " + right : left + " & " + right; }
    }

    /** The derivation as one {@code aligned} block. */
    public static String latex(Derivation d, Options o) { return aligned(lines(d, o)); }

    /** Rows joined into {@code \begin{aligned} ... \end{aligned}}. */
    public static String aligned(List<Line> lines) {
        StringBuilder sb = new StringBuilder("\\begin{aligned}\n");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(lines.get(i).latex());
            sb.append(i < lines.size() - 1 ? " \\\\\n" : "\n");
        }
        return sb.append("\\end{aligned}").toString();
    }

    /** A standalone LaTeX document (amsmath) holding each derivation, for pdflatex or Overleaf. */
    public static String document(List<Derivation> ds, Options o) {
        StringBuilder sb = new StringBuilder();
        sb.append("\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage{xcolor}\n\\allowdisplaybreaks\n")
          .append("\\begin{document}\n");
        for (Derivation d : ds) {
            sb.append("\\begin{align*}\n");
            List<Line> lines = lines(d, o);
            for (int i = 0; i < lines.size(); i++) {
                sb.append(lines.get(i).latex()).append(i < lines.size() - 1 ? " \\\\\n" : "\n");
            }
            sb.append("\\end{align*}\n");
        }
        return sb.append("\\end{document}\n").toString();
    }

    /**
     * A title naming the problem, in LaTeX: "Derivative of f with respect to x", "Gradient of f
     * with respect to a, b", "Simplification of f". A very long f is left out of the title.
     */
    public static String title(List<Derivation> ds) { return title(ds, true); }

    /** {@link #title} in plain text (deriv's syntax), for document properties. */
    public static String plainTitle(List<Derivation> ds) { return title(ds, false); }

    private static String title(List<Derivation> ds, boolean latex) {
        if (ds.isEmpty()) return "";
        Function<String, String> words = w -> latex ? text(w) : w;
        Function<Expr, String> math = e -> latex ? LatexPrinter.print(e) : Printer.print(e);
        Function<String, String> var = v -> latex ? LatexPrinter.name(v) : v;
        Expr body = null;
        List<String> vars = new ArrayList<>();
        boolean derivative = true;
        for (Derivation d : ds) {
            Expr e = d.problem();
            List<String> vs = new ArrayList<>();
            while (e instanceof Expr.Diff diff) { vs.addFirst(diff.var()); e = diff.body(); }
            if (vs.isEmpty() || body != null && !body.equals(e) || ds.size() > 1 && vs.size() > 1) { derivative = false; break; }
            body = e;
            vars.addAll(vs);
        }
        if (!derivative) {
            Expr p = ds.getFirst().problem();
            String what = ds.getFirst().steps().isEmpty() ? "" : "Simplification of ";
            return words.apply(what) + (LatexWidth.em(LatexPrinter.print(p)) > 60 ? words.apply("a long expression") : math.apply(p));
        }
        StringBuilder wrt = new StringBuilder();
        for (int i = 0; i < vars.size(); i++) {
            if (i > 0) wrt.append(latex ? ", \\ " : ", ");
            if (i > 0 && ds.size() == 1) wrt.append(words.apply("then "));
            wrt.append(var.apply(vars.get(i)));
        }
        String kind = ds.size() > 1 ? "Gradient" : "Derivative";
        boolean longBody = LatexWidth.em(LatexPrinter.print(body)) > 60;
        return words.apply(kind + (longBody ? "" : " of ")) + (longBody ? "" : (latex ? " " : "") + math.apply(body) + (latex ? " " : ""))
            + words.apply(" with respect to ") + wrt;
    }

    /** The rows of the derivation. */
    public static List<Line> lines(Derivation d, Options o) {
        return new Layout(d, o).run();
    }

    private static final String QUAD = "\\quad ", QQUAD = "\\qquad ";

    private static final class Layout {
        private final Derivation d;
        private final Options o;
        private final List<Line> out = new ArrayList<>();
        private final String problem;
        // a short problem stands left of the '=' column; a long one on a line of its own
        private final boolean compact;
        private boolean problemShown;

        Layout(Derivation d, Options o) {
            this.d = d;
            this.o = o;
            this.problem = LatexPrinter.print(d.problem());
            this.compact = LatexWidth.em(problem) <= 0.3 * o.width;
        }

        List<Line> run() {
            if (d.steps().isEmpty()) {
                out.add(new Line("", problem));
                return out;
            }
            if (!o.steps) {
                chain(d.result(), null);
                return out;
            }
            // reasons sit one level in from the '=' of the chain; continuation lines hang two in
            for (Step s : d.steps()) {
                chain(s.after(), s);
                reasons(s, 1);
            }
            return out;
        }

        /** Indentation of a line {@code depth} levels in from the chain's '='. */
        private String ind(int depth) { return (compact ? "" : QUAD).concat(QUAD.repeat(depth)); }

        /** A line of the main chain: {@code = rhs}, the first one after the problem. */
        private void chain(Expr rhs, Step s) {
            String note = s == null ? "" : note(s);
            String left = "";
            if (!problemShown) {
                problemShown = true;
                if (compact) left = problem;
                else out.add(new Line("", problem));
            }
            double used = (compact ? LatexWidth.em(problem) : 0);
            emit(left, ind(0) + "= ", rhs, note, used, ind(0) + QQUAD);
        }

        /** The let and the sub-steps of {@code s}, {@code depth} levels in. */
        private void reasons(Step s, int depth) {
            if (s.let() != null) {
                out.add(new Line("", ind(depth) + text("let ") + " " + LatexPrinter.name(s.let().name()) + " = "
                    + LatexPrinter.print(s.let().value())));
            }
            for (Step sub : s.substeps()) {
                String indent = ind(depth), lhs = LatexPrinter.print(sub.before()), note = note(sub);
                String lead = indent + lhs + " = ";
                double width = 0.92 * o.width;
                double first = width - LatexWidth.em(lead) - LatexWidth.em(note);
                String rhs = LatexPrinter.print(sub.after());
                if (first < 0.45 * width && LatexWidth.em(rhs) > first) {
                    // a long left side leaves too little room: the right side goes below it
                    out.add(new Line("", indent + lhs + note));
                    emit("", indent + QQUAD + "= ", sub.after(), "", 0, indent + QQUAD + QQUAD);
                } else {
                    emit("", lead, sub.after(), note, 0, indent + QQUAD);
                }
                reasons(sub, depth + 1);
            }
        }

        /** {@code lead + rhs + note}, the right-hand side broken into continuation lines where too wide. */
        private void emit(String left, String lead, Expr rhs, String note, double used, String cont) {
            // the estimate is good to some ten percent; keep clear of the edge
            double width = 0.92 * o.width;
            double first = width - used - LatexWidth.em(lead) - LatexWidth.em(note);
            double rest = width - used - LatexWidth.em(cont);
            List<String> parts = Breaker.lines(rhs, first, rest);
            out.add(new Line(left, lead + parts.getFirst() + note));
            for (int i = 1; i < parts.size(); i++) out.add(new Line("", cont + parts.get(i)));
        }

        private String note(Step s) {
            StringBuilder sb = new StringBuilder(" \\qquad ");
            StringBuilder words = new StringBuilder(text(Rules.describe(s.rule())));
            if (s.note() != null && !s.note().isBlank()) {
                String math = noteMath(s.note());
                if (math != null) words.append(text(" with ")).append(math);
                else words.append(text(" (" + s.note() + ")"));
            }
            if (o.grayNotes) sb.append("\\textcolor{gray}{").append(words).append('}');
            else sb.append(words);
            return sb.toString();
        }
    }

    /** {@code \text{...}} with the characters LaTeX treats specially escaped. */
    static String text(String words) {
        StringBuilder sb = new StringBuilder("\\text{");
        for (char c : words.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\backslash ");
                case '{', '}', '_', '&', '%', '#', '$', '@' -> sb.append('\\').append(c);
                case '^' -> sb.append("\\^{}");
                case '~' -> sb.append("\\~{}");
                default -> sb.append(c);
            }
        }
        return sb.append('}').toString();
    }

    private static final Pattern DEFINITION = Pattern.compile("\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*(:=|=)\\s*(.+?)\\s*");

    /**
     * A note made of definitions ({@code k := W2*tanh(m) + b2}, {@code u = x, v = y}) as mathematics;
     * null when it is prose.
     */
    static String noteMath(String note) {
        List<String> parts = new ArrayList<>();
        for (String seg : note.split(",\\s*(?=[\\p{L}_][\\p{L}\\p{N}_]*\\s*:?=)")) {
            Matcher m = DEFINITION.matcher(seg);
            if (!m.matches()) return null;
            Expr value;
            try {
                value = Parsing.expr(m.group(3));
            } catch (DerivException | IllegalArgumentException | ArithmeticException e) {
                return null;
            }
            parts.add(LatexPrinter.name(m.group(1)) + " = " + LatexPrinter.print(value));
        }
        return parts.isEmpty() ? null : String.join(", \\ ", parts);
    }

    /** Breaks a right-hand side at top-level terms, then at the factors of a term too wide alone. */
    static final class Breaker {
        private Breaker() {}

        static List<String> lines(Expr e, double first, double rest) {
            String all = LatexPrinter.print(e);
            if (LatexWidth.em(all) <= first) return List.of(all);
            List<String> chunks = chunks(e, rest);
            List<String> lines = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            double budget = first;
            for (String c : chunks) {
                if (cur.isEmpty()) { cur.append(c); continue; }
                if (LatexWidth.em(cur + " " + c) <= budget) {
                    cur.append(' ').append(c);
                } else {
                    lines.add(cur.toString());
                    cur.setLength(0);
                    cur.append(c);
                    budget = rest;
                }
            }
            lines.add(cur.toString());
            return lines;
        }

        private static List<String> chunks(Expr e, double rest) {
            if (e instanceof Expr.Add a) {
                List<String> terms = LatexPrinter.terms(e);
                List<String> out = new ArrayList<>();
                for (int i = 0; i < terms.size(); i++) {
                    String t = terms.get(i);
                    Expr term = a.terms().get(i);
                    if (LatexWidth.em(t) <= rest || !(term instanceof Expr.Mul)) { out.add(t); continue; }
                    List<String> fs = LatexPrinter.factors(term);
                    if (i > 0) {
                        String f0 = fs.getFirst();
                        List<String> signed = new ArrayList<>(fs);
                        signed.set(0, f0.startsWith("-") ? "- " + f0.substring(1) : "+ " + f0);
                        fs = signed;
                    }
                    out.addAll(fs);
                }
                return out;
            }
            return LatexPrinter.factors(e);
        }
    }
}
