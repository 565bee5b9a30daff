package deriv.parse;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * A derivation written in LaTeX, read into steps that a checker compares pairwise.
 *
 * <p>The mathematics is taken from display blocks: {@code $$...$$}, {@code \[...\]} and the
 * environments {@code aligned}, {@code align(*)}, {@code alignat(*)}, {@code eqnarray(*)},
 * {@code equation(*)}, {@code gather(*)}, {@code multline(*)}; when there are none, from inline
 * {@code $...$}; when there is no math delimiter at all, the whole text is one block. Inside a
 * block:
 * <ul>
 *   <li>{@code =} signs outside braces and brackets separate steps; each step is claimed equal to
 *       the one before it. {@code &} and {@code \\} are layout, so a step may span rows.</li>
 *   <li>A block that starts with {@code =} (or follows a block that ends with one) continues the
 *       chain of the previous block; any other block starts a new chain.</li>
 *   <li>Prose in {@code \text{...}} ({@code \text{Then: }}, {@code \text{ and }}), spacing
 *       ({@code \quad}, {@code \,}, {@code \;}, {@code \!}), {@code \left}/{@code \right} and
 *       punctuation ending a step are ignored. {@code \text{word}} is kept when it names a
 *       function or a definition ({@code \text{LeakyReLU}(x)}).</li>
 *   <li>Definitions: a row {@code u := 1 + e^{-a}} (or {@code \coloneqq}), or
 *       {@code \text{let } u = ...} / {@code \text{where } u = ...} anywhere in a row (the rest
 *       of the row is the definition; several may be separated by commas). A chain that starts
 *       with a lone new name, {@code L = (y - wx)^2 = ...} or {@code f(x) = x^2 = ...}, defines
 *       it, and the chain starts at its value. Definitions apply to the whole document; a
 *       definition may use only those before it.</li>
 * </ul>
 * Steps keep intermediates as variables, as {@link Parsing#program} does; {@link #definitions()}
 * gives their values.
 *
 * @param source        the document
 * @param definitions   every definition, in document order
 * @param defined       each definition with its LaTeX source
 * @param steps         every step in document order
 * @param namePositions where each name first appears, for diagnostics
 */
public record LatexDocument(Source source, Definitions definitions, List<LatexDefinition> defined,
                            List<LatexStep> steps, Map<String, Position> namePositions) {

    /**
     * One step of a derivation.
     *
     * @param number          1-based, counting steps only
     * @param latex           the step's LaTeX source, whitespace collapsed
     * @param position        where it starts in the document
     * @param expr            its value, intermediates kept as variables
     * @param continuesChain  true when the step is claimed equal to the step before it
     */
    public record LatexStep(int number, String latex, Position position, Expr expr, boolean continuesChain) {}

    /** A definition with its LaTeX source ({@code u := 1 + e^{-a}}) and position. */
    public record LatexDefinition(String latex, Position position, Definition definition) {}

    /** Reads a document; bad input is one {@link DerivException} pointing into it. */
    public static LatexDocument read(Source source) { return new Reader(source).read(); }

    /** The steps of a document (see {@link #read}). */
    public static List<LatexStep> steps(Source source) { return read(source).steps(); }

    /** Steps grouped into chains: each chain's steps are claimed equal one after another. */
    public List<List<LatexStep>> chains() {
        List<List<LatexStep>> out = new ArrayList<>();
        for (LatexStep s : steps) {
            if (!s.continuesChain() || out.isEmpty()) out.add(new ArrayList<>());
            out.getLast().add(s);
        }
        return out.stream().map(List::copyOf).toList();
    }

    /** A {@link Parsed} view of one step, for faces that work with programs. */
    public Parsed parsed(LatexStep step) {
        return new Parsed(new deriv.expr.Program(definitions, step.expr()), source, namePositions);
    }

    // ----------------------------------------------------------------------------- reading

    private static final class Reader {
        private final Source source;
        private final LatexAstBuilder builder;

        Reader(Source source) {
            this.source = source;
            this.builder = new LatexAstBuilder(source);
        }

        /** A run of step tokens, and whether it is claimed equal to the step before. */
        private record Segment(List<Token> tokens, boolean continues) {}

        /** Work in document order: a definition, or a chain start that may define a name. */
        private sealed interface Task { int offset(); }
        private record DefineTask(LatexParsing.DefinitionTokens tokens) implements Task {
            public int offset() { return tokens.op().getStartIndex(); }
        }
        private record HeadTask(Segment head, Segment value) implements Task {
            public int offset() { return head.tokens().getFirst().getStartIndex(); }
        }

        LatexDocument read() {
            LatexParsing.checkSize(source);
            List<Segment> segments = new ArrayList<>();
            List<Task> tasks = new ArrayList<>();
            boolean pending = false;  // the previous block ended with '='
            Token pendingEq = null;
            String text = source.text();
            int at = 0, line = 1, col = 0;  // a cursor moving forward over the blocks' starts
            for (int[] b : blocks()) {
                for (; at < b[0]; at++) {
                    char c = text.charAt(at);
                    if (c == '\n') { line++; col = 0; } else if (!Character.isLowSurrogate(c)) col++;
                }
                List<Token> tokens = LatexParsing.lex(source, b[0], b[1], line, col);
                LatexParsing.check(source, tokens);
                List<Token> math = new ArrayList<>();
                for (List<Token> row : LatexParsing.rows(tokens, false)) {
                    LatexParsing.Row r = LatexParsing.row(source, row, Fn::isBuiltin);
                    for (LatexParsing.DefinitionTokens d : r.definitions()) tasks.add(new DefineTask(d));
                    math.addAll(r.math());
                }
                if (math.isEmpty()) continue;
                List<List<Token>> parts = new ArrayList<>();
                List<Token> eqs = new ArrayList<>();
                int depth = 0, start = 0;
                for (int i = 0; i < math.size(); i++) {
                    Token t = math.get(i);
                    if (LatexParsing.opener(t.getType())) depth++;
                    if (LatexParsing.closer(t.getType())) depth--;
                    if (depth == 0 && t.getType() == LatexMathLexer.EQ) {
                        parts.add(LatexParsing.trimPunctuation(math.subList(start, i)));
                        eqs.add(t);
                        start = i + 1;
                    }
                }
                parts.add(LatexParsing.trimPunctuation(math.subList(start, math.size())));
                boolean continues = pending || parts.getFirst().isEmpty() && parts.size() > 1;
                if (continues && segments.isEmpty()) {
                    Token eq = pending ? pendingEq : eqs.getFirst();
                    throw LatexParsing.error(source, eq, "the derivation starts with '=': there is no step before it");
                }
                pending = false;
                int firstStep = segments.size();
                for (int i = 0; i < parts.size(); i++) {
                    List<Token> p = parts.get(i);
                    if (p.isEmpty()) {
                        if (i == 0) continue;
                        if (i == parts.size() - 1) {
                            pending = true;
                            pendingEq = eqs.get(i - 1);
                            continue;
                        }
                        throw LatexParsing.error(source, eqs.get(i), "empty step between '=' signs");
                    }
                    segments.add(new Segment(p, segments.size() > firstStep || continues));
                }
                // a new chain that starts "L = ..." may define L
                if (!continues && segments.size() - firstStep >= 2) {
                    tasks.add(new HeadTask(segments.get(firstStep), segments.get(firstStep + 1)));
                }
            }
            if (pending) throw LatexParsing.error(source, pendingEq, "nothing after the last '='");
            if (segments.isEmpty() && tasks.isEmpty()) {
                throw new DerivException(Diagnostic.at(source, 1, 1, "empty input: expected a derivation"));
            }

            // definitions first, in document order, so that every step sees all of them
            tasks.sort(Comparator.comparingInt(Task::offset));
            List<LatexDefinition> defined = new ArrayList<>();
            List<Segment> heads = new ArrayList<>();
            for (Task task : tasks) {
                switch (task) {
                    case DefineTask d -> {
                        Definition def = builder.define(d.tokens());
                        List<Token> all = new ArrayList<>(d.tokens().target());
                        all.add(d.tokens().op());
                        all.addAll(d.tokens().value());
                        defined.add(new LatexDefinition(text(all), position(all.getFirst()), def));
                    }
                    case HeadTask h -> {
                        var head = builder.head(LatexParsing.parse(source, h.head().tokens()));
                        if (head.isEmpty()) continue;
                        String name = head.get().name();
                        if (builder.defines(name) || Fn.isBuiltin(name) || name.equals("e") || name.equals("pi")) continue;
                        Definition def = builder.define(head.get(), LatexParsing.parse(source, h.value().tokens()));
                        List<Token> all = new ArrayList<>(h.head().tokens());
                        all.addAll(h.value().tokens());
                        defined.add(new LatexDefinition(text(h.head().tokens()) + " = " + text(h.value().tokens()),
                            position(all.getFirst()), def));
                        heads.add(h.head());
                    }
                }
            }

            List<LatexStep> steps = new ArrayList<>();
            boolean dropped = false;
            for (Segment s : segments) {
                if (heads.contains(s)) { dropped = true; continue; }
                Expr e = builder.math(LatexParsing.parse(source, s.tokens()));
                boolean continues = s.continues() && !steps.isEmpty() && !dropped;
                steps.add(new LatexStep(steps.size() + 1, text(s.tokens()), position(s.tokens().getFirst()), e, continues));
                dropped = false;
            }
            return new LatexDocument(source, new Definitions(builder.definitions()), List.copyOf(defined),
                List.copyOf(steps), Map.copyOf(builder.namePositions()));
        }

        private static final Pattern SIZED = Pattern.compile("\\\\(left|[bB]igg?l?)\\s*$");

        /** The source of a run of tokens, whitespace collapsed; a {@code \left} before the first token is kept. */
        private String text(List<Token> tokens) {
            String all = source.text();
            int start = tokens.getFirst().getStartIndex();
            Matcher m = SIZED.matcher(all.substring(Math.max(0, start - 12), start));
            if (m.find()) start -= m.group().length();
            return all.substring(start, tokens.getLast().getStopIndex() + 1).replaceAll("\\s+", " ").strip();
        }

        private static Position position(Token t) { return new Position(t.getLine(), t.getCharPositionInLine() + 1); }

        // ------------------------------------------------------------------------- blocks

        private static final Pattern BEGIN = Pattern.compile("\\\\begin\\s*\\{([a-zA-Z*]+)\\}");
        private static final java.util.Set<String> DISPLAY = java.util.Set.of(
            "aligned", "align", "align*", "alignat", "alignat*", "eqnarray", "eqnarray*", "equation", "equation*",
            "gather", "gather*", "multline", "multline*", "flalign", "flalign*", "displaymath");

        /** Offsets [start, end) of the math blocks. */
        private List<int[]> blocks() {
            String t = maskComments(source.text());
            List<int[]> display = new ArrayList<>(), inline = new ArrayList<>();
            int n = t.length(), i = 0;
            Matcher m = BEGIN.matcher(t);
            while (i < n) {
                char c = t.charAt(i);
                if (c == '\\') {
                    if (t.startsWith("\\[", i)) {
                        int end = find(t, "\\]", i + 2);
                        if (end < 0) throw at(i, "\\[ is never closed by \\]");
                        display.add(new int[] {i + 2, end});
                        i = end + 2;
                    } else if (t.startsWith("\\(", i)) {
                        int end = find(t, "\\)", i + 2);
                        if (end < 0) throw at(i, "\\( is never closed by \\)");
                        inline.add(new int[] {i + 2, end});
                        i = end + 2;
                    } else if (m.region(i, n).lookingAt()) {
                        String env = m.group(1);
                        if (DISPLAY.contains(env)) {
                            int from = m.end();
                            if (env.startsWith("alignat") && from < n && t.charAt(from) == '{') {
                                int close = t.indexOf('}', from);
                                if (close > 0) from = close + 1;
                            }
                            Matcher e = Pattern.compile("\\\\end\\s*\\{" + Pattern.quote(env) + "\\}").matcher(t);
                            if (!e.find(from)) throw at(i, "\\begin{" + env + "} is never closed");
                            display.add(new int[] {from, e.start()});
                            i = e.end();
                        } else {
                            i = m.end();
                        }
                    } else {
                        i += 2;  // a command or an escaped character (\$, \%, \\)
                    }
                } else if (c == '$') {
                    if (t.startsWith("$$", i)) {
                        int end = find(t, "$$", i + 2);
                        if (end < 0) throw at(i, "$$ is never closed");
                        display.add(new int[] {i + 2, end});
                        i = end + 2;
                    } else {
                        int end = find(t, "$", i + 1);
                        if (end < 0) throw at(i, "$ is never closed");
                        inline.add(new int[] {i + 1, end});
                        i = end + 1;
                    }
                } else {
                    i++;
                }
            }
            if (!display.isEmpty()) return display;
            if (!inline.isEmpty()) return inline;
            return List.of(new int[] {0, n});
        }

        /** The first {@code target} at or after {@code from}, skipping escaped characters. */
        private static int find(String t, String target, int from) {
            int j = from;
            while (j < t.length()) {
                if (t.startsWith(target, j)) return j;
                j += t.charAt(j) == '\\' ? 2 : 1;
            }
            return -1;
        }

        /** Comments (% to the end of the line, not \%) blanked, offsets kept. */
        private static String maskComments(String text) {
            StringBuilder sb = new StringBuilder(text);
            for (int i = 0; i < sb.length(); i++) {
                char c = sb.charAt(i);
                if (c == '\\') { i++; continue; }
                if (c == '%') {
                    while (i < sb.length() && sb.charAt(i) != '\n') sb.setCharAt(i++, ' ');
                }
            }
            return sb.toString();
        }

        private DerivException at(int offset, String message) {
            String text = source.text();
            int line = 1, col = 1;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') { line++; col = 1; } else if (!Character.isLowSurrogate(text.charAt(i))) col++;
            }
            return new DerivException(Diagnostic.at(source, line, col, message));
        }
    }
}
