package deriv.parse;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Fn;
import deriv.expr.Program;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * The LaTeX front: LaTeX mathematics to the same {@link Expr} trees as the plain language.
 *
 * <p>{@link #expr} reads one expression; {@link #program} also accepts definitions before it, one
 * per row ({@code u := 1 + e^{-a} \\ u^{2}}, rows separated by {@code \\} or {@code ;}; the forms
 * {@code \coloneqq} and {@code \text{let } u = ...} work too). Alignment ({@code &}), spacing
 * ({@code \quad}, {@code \,}), {@code \left}/{@code \right} and prose ({@code \text{Then: }}) are
 * layout and are ignored. Every error is one {@link DerivException} pointing into the LaTeX source.
 * Derivation documents with {@code =} chains are read by {@link LatexDocument}.
 */
public final class LatexParsing {
    private LatexParsing() {}

    /** One expression, with any definitions before it expanded (as {@link Parsing#expr}). */
    public static Expr expr(String latex) { return expr(new Source("<input>", latex)); }

    public static Expr expr(Source source) {
        Program p = program(source).program();
        return p.definitions().isEmpty() ? p.body() : p.definitions().expand(p.body());
    }

    public static Parsed program(String latex) { return program(new Source("<input>", latex)); }

    /** Definitions (one per row) and then one expression; intermediates stay as variables. */
    public static Parsed program(Source source) {
        String text = source.text();
        checkSize(source);
        List<Token> tokens = lex(source, 0, text.length());
        check(source, tokens);
        if (tokens.isEmpty()) throw new DerivException(Diagnostic.at(source, 1, 1, "empty input: expected an expression"));
        LatexAstBuilder builder = new LatexAstBuilder(source);
        List<Token> body = null;
        for (List<Token> row : rows(tokens, true)) {
            Row r = row(source, row, builder::knows);
            for (DefinitionTokens d : r.definitions()) builder.define(d);
            if (r.math().isEmpty()) continue;
            if (body != null) {
                throw error(source, r.math().getFirst(),
                    "a second expression: only definitions (name := value) may come before the expression");
            }
            body = r.math();
        }
        if (body == null && builder.definitions().isEmpty()) {
            throw new DerivException(Diagnostic.at(source, 1, 1, "empty input: expected an expression"));
        }
        if (body == null) {
            Token last = tokens.getLast();
            throw error(source, end(last), "the input has no expression after its definitions");
        }
        Expr e = builder.math(parse(source, body));
        return new Parsed(new Program(new Definitions(builder.definitions()), e), source, builder.namePositions());
    }

    // ----------------------------------------------------------------------------- lexing

    static void checkSize(Source source) {
        int n = source.text().length();
        if (n > Parsing.MAX_INPUT) {
            throw DerivException.general("input too large: " + n + " characters (the limit is " + Parsing.MAX_INPUT + ")");
        }
    }

    /**
     * The tokens of {@code text[from, to)} on the default channel, without EOF. Lines, columns and
     * character indexes are those of the whole source, so that every diagnostic points into it.
     */
    static List<Token> lex(Source source, int from, int to) {
        String text = source.text();
        int line = 1, col = 0;
        for (int i = 0; i < from; i++) {
            char c = text.charAt(i);
            if (c == '\n') { line++; col = 0; }
            else if (!Character.isLowSurrogate(c)) col++;
        }
        return lex(source, from, to, line, col);
    }

    /** As {@link #lex(Source, int, int)}, with the line and (0-based) column of {@code from} known. */
    static List<Token> lex(Source source, int from, int to, int line, int col) {
        String text = source.text(), region = text.substring(from, to);
        LatexMathLexer lexer = new LatexMathLexer(CharStreams.fromString(region, source.name()));
        lexer.setLine(line);
        lexer.setCharPositionInLine(col);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int l, int c, String msg, RecognitionException e) {
                throw new DerivException(Diagnostic.at(source, l, c + 1, "unexpected character " + badText(source, l, c)));
            }
        });
        // ANTLR counts code points; the indexes kept are those of the Java string
        int[] charAt = null;
        if (region.codePoints().count() != region.length()) {
            charAt = new int[region.codePointCount(0, region.length()) + 1];
            for (int cp = 0, i = 0; cp < charAt.length; cp++) {
                charAt[cp] = i;
                if (i < region.length()) i += Character.charCount(region.codePointAt(i));
            }
        }
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            CommonToken c = new CommonToken(t);
            c.setText(t.getText());
            int start = t.getStartIndex(), stop = t.getStopIndex();
            if (charAt != null) {
                start = charAt[start];
                stop = charAt[stop + 1] - 1;
            }
            c.setStartIndex(start + from);
            c.setStopIndex(stop + from);
            out.add(c);
        }
        return out;
    }

    private static String badText(Source source, int line, int col) {
        String l = source.line(line);
        int i = offsetOfColumn(l, col);
        if (i < l.length()) {
            int cp = l.codePointAt(i);
            if (cp == '\\') return "'\\' (a backslash must start a command)";
            if (cp < 32 || cp == 127) return String.format("U+%04X", cp);
            return "'" + new String(Character.toChars(cp)) + "'";
        }
        return "at end of line";
    }

    private static int offsetOfColumn(String line, int codePoints) {
        int i = 0;
        for (int k = 0; k < codePoints && i < line.length(); k++) i += Character.charCount(line.codePointAt(i));
        return i;
    }

    // ------------------------------------------------------------------------ token checks

    /** Environments that only arrange rows: their {@code \begin} and {@code \end} are layout. */
    static final Set<String> LAYOUT_ENVIRONMENTS = Set.of(
        "aligned", "align", "align*", "alignat", "alignat*", "alignedat", "eqnarray", "eqnarray*", "equation",
        "equation*", "gather", "gather*", "gathered", "split", "multline", "multline*", "flalign", "flalign*",
        "displaymath", "math");

    private static final Set<String> NEEDS_BRACES = Set.of(
        "\\text", "\\textrm", "\\textit", "\\textsf", "\\texttt", "\\textup", "\\textnormal", "\\textbf", "\\mbox",
        "\\intertext", "\\shortintertext",
        "\\operatorname", "\\mathrm", "\\mathit", "\\mathsf", "\\mathtt", "\\mathnormal");

    /**
     * Reports the first unsupported command or environment, unbalanced brace or bracket, or nesting
     * deeper than {@link Parsing#MAX_DEPTH}, before the parser would give a vaguer message.
     */
    static void check(Source source, List<Token> tokens) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            switch (t.getType()) {
                case LatexMathLexer.CMD -> {
                    if (t.getText().equals("\\prime")) throw error(source, t, "primes are not supported: write the derivative as \\frac{d}{dx} f");
                    if (NEEDS_BRACES.contains(t.getText())) {
                        throw error(source, t, t.getText() + " needs its argument in braces, as in " + t.getText() + "{...}"
                            + " (nested braces are not supported there)");
                    }
                    throw error(source, t, "unsupported LaTeX command " + t.getText());
                }
                case LatexMathLexer.CMD_SYMBOL -> throw error(source, t, "unsupported LaTeX command " + t.getText());
                case LatexMathLexer.PRIME -> throw error(source, t, "primes are not supported: write the derivative as \\frac{d}{dx} f");
                case LatexMathLexer.BEGIN_ENV, LatexMathLexer.END_ENV -> {
                    String env = environment(t);
                    if (!LAYOUT_ENVIRONMENTS.contains(env)) throw error(source, t, "unsupported LaTeX environment {" + env + "}");
                }
                default -> {}
            }
            if (opener(t.getType())) {
                open.push(t);
                if (open.size() > Parsing.MAX_DEPTH) {
                    throw error(source, t, "nesting deeper than " + Parsing.MAX_DEPTH + " levels");
                }
            } else if (closer(t.getType())) {
                Token o = open.peek();
                if (o == null) throw error(source, t, unbalanced(t) + ": '" + t.getText() + "' has no matching '" + openerText(t.getType()) + "'");
                if (closerOf(o.getType()) != t.getType()) {
                    throw error(source, t, unbalanced(t) + ": '" + t.getText() + "' cannot close '" + o.getText()
                        + "' (opened at line " + o.getLine() + ", column " + (o.getCharPositionInLine() + 1) + ")");
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            Token o = open.getLast();  // the outermost unclosed one
            throw error(source, o, unbalanced(o) + ": '" + o.getText() + "' is never closed");
        }
    }

    static String environment(Token t) {
        String s = t.getText();
        int a = s.indexOf('{'), b = s.indexOf('}');
        return s.substring(a + 1, b);
    }

    private static String unbalanced(Token t) {
        return switch (t.getType()) {
            case LatexMathLexer.LBRACE, LatexMathLexer.RBRACE -> "unbalanced braces";
            case LatexMathLexer.BEGIN_CASES, LatexMathLexer.END_CASES -> "unbalanced environment";
            default -> "unbalanced brackets";
        };
    }

    static boolean opener(int type) {
        return switch (type) {
            case LatexMathLexer.LBRACE, LatexMathLexer.LPAREN, LatexMathLexer.LBRACKET, LatexMathLexer.LCURLY,
                 LatexMathLexer.LVERT, LatexMathLexer.BEGIN_CASES -> true;
            default -> false;
        };
    }

    static boolean closer(int type) {
        return switch (type) {
            case LatexMathLexer.RBRACE, LatexMathLexer.RPAREN, LatexMathLexer.RBRACKET, LatexMathLexer.RCURLY,
                 LatexMathLexer.RVERT, LatexMathLexer.END_CASES -> true;
            default -> false;
        };
    }

    private static int closerOf(int opener) {
        return switch (opener) {
            case LatexMathLexer.LBRACE -> LatexMathLexer.RBRACE;
            case LatexMathLexer.LPAREN -> LatexMathLexer.RPAREN;
            case LatexMathLexer.LBRACKET -> LatexMathLexer.RBRACKET;
            case LatexMathLexer.LCURLY -> LatexMathLexer.RCURLY;
            case LatexMathLexer.LVERT -> LatexMathLexer.RVERT;
            case LatexMathLexer.BEGIN_CASES -> LatexMathLexer.END_CASES;
            default -> -1;
        };
    }

    private static String openerText(int closer) {
        return switch (closer) {
            case LatexMathLexer.RBRACE -> "{";
            case LatexMathLexer.RPAREN -> "(";
            case LatexMathLexer.RBRACKET -> "[";
            case LatexMathLexer.RCURLY -> "\\{";
            case LatexMathLexer.RVERT -> "\\lvert";
            default -> "\\begin{cases}";
        };
    }

    // ------------------------------------------------------------------------------ layout

    /**
     * The tokens split into rows at {@code \\} (and at {@code ;} when {@code semicolons}) outside
     * braces and cases; {@code &} and layout environments outside cases are dropped.
     */
    static List<List<Token>> rows(List<Token> tokens, boolean semicolons) {
        List<List<Token>> rows = new ArrayList<>();
        List<Token> row = new ArrayList<>();
        int depth = 0, cases = 0;
        for (Token t : tokens) {
            int type = t.getType();
            if (type == LatexMathLexer.BEGIN_CASES) cases++;
            if (type == LatexMathLexer.END_CASES) cases--;
            if (opener(type)) depth++;
            if (closer(type)) depth--;
            if (cases == 0 && (type == LatexMathLexer.AMP || type == LatexMathLexer.BEGIN_ENV || type == LatexMathLexer.END_ENV)) continue;
            if (depth == 0 && (type == LatexMathLexer.NEWROW || semicolons && type == LatexMathLexer.SEMI)) {
                rows.add(row);
                row = new ArrayList<>();
                continue;
            }
            row.add(t);
        }
        rows.add(row);
        return rows;
    }

    /** Source tokens of one definition: {@code target := value}, or {@code target = value} after a "let". */
    record DefinitionTokens(List<Token> target, Token op, List<Token> value) {}

    /** A row split into its mathematics (prose and trailing punctuation removed) and its definitions. */
    record Row(List<Token> math, List<DefinitionTokens> definitions) {}

    private static final Set<String> LET_WORDS = Set.of("let", "where", "with", "define", "set", "given");

    /** Words of \text{...} that are prose rather than names, even without spaces around them. */
    private static final Set<String> PROSE_WORDS = Set.of(
        "if", "for", "when", "where", "with", "let", "and", "or", "then", "so", "thus", "hence", "therefore",
        "since", "because", "otherwise", "else", "elsewhere", "by", "using", "use", "apply", "applying", "we",
        "get", "have", "gives", "yields", "is", "it", "the", "of", "at", "on", "in", "to", "from", "as", "note",
        "now", "finally", "also", "which", "that", "this", "rule", "chain", "simplify", "simplifying",
        "substitute", "substituting", "expand", "expanding", "define", "given", "set", "all", "ie", "eg", "qed");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** The raw text between the braces of a \text{...}-like token. */
    static String content(Token t) {
        String s = t.getText();
        return s.substring(s.indexOf('{') + 1, s.length() - 1);
    }

    /** The word of a \text or \operatorname argument: escapes and spacing commands removed. */
    static String word(String content) {
        return content.replace("\\_", "_").replace("\\,", "").replace("\\;", "").replace("\\!", "")
            .replace("\\ ", " ").replace("~", " ").strip();
    }

    /** True when a \text{...} token is prose to skip: a sentence, punctuation or a connecting word. */
    static boolean prose(Token t, Predicate<String> knownName) {
        if (t.getType() != LatexMathLexer.TEXT) return false;
        String raw = content(t), w = word(raw);
        if (!IDENTIFIER.matcher(w).matches()) return true;
        if (knownName.test(w)) return false;
        if (!raw.equals(w)) return true;
        return PROSE_WORDS.contains(w.toLowerCase(Locale.ROOT));
    }

    static boolean proseWord(Token t, Set<String> words) {
        if (t.getType() != LatexMathLexer.TEXT) return false;
        String w = word(content(t)).toLowerCase(Locale.ROOT);
        while (!w.isEmpty() && ":,.".indexOf(w.charAt(w.length() - 1)) >= 0) w = w.substring(0, w.length() - 1).strip();
        return words.contains(w);
    }

    /**
     * Splits a row into mathematics and definitions. A definition is a row with {@code :=} at its
     * top level, or the part of a row from a "let"/"where" word whose rest has {@code =} or
     * {@code :=}; several definitions in one row are separated by top-level commas.
     */
    static Row row(Source source, List<Token> row, Predicate<String> knownName) {
        int let = -1;
        for (int i = 0, depth = 0; i < row.size(); i++) {
            Token t = row.get(i);
            if (opener(t.getType())) depth++;
            if (closer(t.getType())) depth--;
            if (depth == 0 && proseWord(t, LET_WORDS) && hasTopLevel(row.subList(i + 1, row.size()), LatexMathLexer.EQ, LatexMathLexer.DEFINE)) {
                let = i;
                break;
            }
        }
        List<Token> math = row, defs = List.of();
        if (let >= 0) {
            math = row.subList(0, let);
            defs = row.subList(let + 1, row.size());
        } else if (hasTopLevel(row, LatexMathLexer.DEFINE)) {
            math = List.of();
            defs = row;
        }
        List<DefinitionTokens> definitions = new ArrayList<>();
        // several definitions: "u := 1, v := 2" or "where u = 1 \text{ and } v = 2"
        List<Token> separated = new ArrayList<>(defs.size());
        for (Token t : defs) {
            if (proseWord(t, Set.of("and"))) {
                CommonToken comma = new CommonToken(t);
                comma.setType(LatexMathLexer.COMMA);
                separated.add(comma);
            } else {
                separated.add(t);
            }
        }
        for (List<Token> piece : splitTopLevel(separated, LatexMathLexer.COMMA, LatexMathLexer.SEMI)) {
            List<Token> p = trimPunctuation(dropProse(piece, knownName));
            if (p.isEmpty()) continue;
            int op = indexOfTopLevel(p, LatexMathLexer.DEFINE);
            if (op < 0) op = indexOfTopLevel(p, LatexMathLexer.EQ);
            if (op < 0) throw error(source, p.getFirst(), "expected a definition such as u := 1 + x");
            definitions.add(new DefinitionTokens(p.subList(0, op), p.get(op), p.subList(op + 1, p.size())));
        }
        return new Row(trimPunctuation(dropProse(math, knownName)), definitions);
    }

    /**
     * Without prose: \text{...} words outside braces and cases are dropped ({@code x_{\text{in}}}
     * keeps its word); inside cases, prose before a condition ("if", "otherwise") becomes a PROSE
     * token, which the grammar expects there and nowhere else.
     */
    static List<Token> dropProse(List<Token> tokens, Predicate<String> knownName) {
        List<Token> out = new ArrayList<>(tokens.size());
        int braces = 0;
        Deque<Integer> cases = new ArrayDeque<>();  // brace depth at each open \begin{cases}
        for (Token t : tokens) {
            int type = t.getType();
            if (type == LatexMathLexer.LBRACE) braces++;
            if (type == LatexMathLexer.RBRACE) braces--;
            if (type == LatexMathLexer.BEGIN_CASES) cases.push(braces);
            if (type == LatexMathLexer.END_CASES && !cases.isEmpty()) cases.pop();
            if (prose(t, knownName)) {
                if (cases.isEmpty() && braces == 0) continue;
                if (!cases.isEmpty() && cases.peek() == braces) {
                    CommonToken p = new CommonToken(t);
                    p.setType(LatexMathParser.PROSE);
                    out.add(p);
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    /** Without the punctuation that ends a displayed formula ("= x^2." or "= x^2,"). */
    static List<Token> trimPunctuation(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && switch (tokens.get(end - 1).getType()) {
            case LatexMathLexer.DOT, LatexMathLexer.COMMA, LatexMathLexer.SEMI -> true;
            default -> false;
        }) end--;
        return tokens.subList(0, end);
    }

    static boolean hasTopLevel(List<Token> tokens, int... types) {
        for (int type : types) if (indexOfTopLevel(tokens, type) >= 0) return true;
        return false;
    }

    static int indexOfTopLevel(List<Token> tokens, int type) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (depth == 0 && t.getType() == type) return i;
            if (opener(t.getType())) depth++;
            if (closer(t.getType())) depth--;
        }
        return -1;
    }

    /** Pieces between top-level separators (the separators themselves are dropped). */
    static List<List<Token>> splitTopLevel(List<Token> tokens, int... separators) {
        List<List<Token>> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (opener(t.getType())) depth++;
            if (closer(t.getType())) depth--;
            if (depth == 0) {
                for (int s : separators) {
                    if (t.getType() == s) {
                        out.add(tokens.subList(start, i));
                        start = i + 1;
                        break;
                    }
                }
            }
        }
        out.add(tokens.subList(start, tokens.size()));
        return out;
    }

    // ----------------------------------------------------------------------------- parsing

    /** Parses tokens (all from one source) as one expression. */
    static LatexMathParser.MathContext parse(Source source, List<Token> tokens) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("no tokens");
        List<Token> list = new ArrayList<>(tokens.size() + 1);
        for (Token t : tokens) list.add(new CommonToken(t));
        list.add(eof(tokens.getLast()));
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(list));
        LatexMathParser parser = new LatexMathParser(stream);
        parser.removeErrorListeners();
        parser.addErrorListener(new Listener(source, list));
        try {
            return parser.math();
        } catch (StackOverflowError e) {
            throw error(source, tokens.getFirst(), "expression too deeply nested");
        }
    }

    /** An end-of-input token just after {@code last}. */
    static Token eof(Token last) {
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        Token e = end(last);
        eof.setLine(e.getLine());
        eof.setCharPositionInLine(e.getCharPositionInLine());
        eof.setStartIndex(last.getStopIndex() + 1);
        eof.setStopIndex(last.getStopIndex());
        return eof;
    }

    /** A position token just after {@code t} (its text may span lines). */
    static Token end(Token t) {
        String s = t.getText();
        int nl = s.lastIndexOf('\n');
        CommonToken e = new CommonToken(Token.INVALID_TYPE, "");
        if (nl < 0) {
            e.setLine(t.getLine());
            e.setCharPositionInLine(t.getCharPositionInLine() + s.codePointCount(0, s.length()));
        } else {
            e.setLine(t.getLine() + (int) s.chars().filter(c -> c == '\n').count());
            e.setCharPositionInLine(s.codePointCount(nl + 1, s.length()));
        }
        return e;
    }

    static DerivException error(Source source, Token t, String message) {
        return new DerivException(Diagnostic.at(source, t.getLine(), t.getCharPositionInLine() + 1, message));
    }

    /** Turns ANTLR's first syntax error into one diagnostic that names the LaTeX construct. */
    private static final class Listener extends BaseErrorListener {
        private final Source source;
        private final List<Token> tokens;

        Listener(Source source, List<Token> tokens) { this.source = source; this.tokens = tokens; }

        @Override
        public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
            Token t = (Token) sym;
            ParserRuleContext ctx = ((Parser) r).getContext();
            ParserRuleContext parent = ctx == null ? null : ctx.getParent();
            if (ctx instanceof LatexMathParser.ArgContext || ctx instanceof LatexMathParser.FractionContext
                || ctx instanceof LatexMathParser.RootContext) {
                Token prev = previous(t);
                if (prev != null && prev.getType() == LatexMathLexer.CARET) throw error(source, prev, "'^' needs an exponent, as in x^{2}");
                if (prev != null && prev.getType() == LatexMathLexer.UNDERSCORE) throw error(source, prev, "'_' needs a subscript, as in x_{1}");
                ParserRuleContext owner = ctx instanceof LatexMathParser.ArgContext ? parent : ctx;
                String missing = missingArgument(owner);
                if (missing != null) throw error(source, owner.getStart(), missing);
            }
            // a function command with nothing after it (reported from its argument, or from the atom itself)
            ParserRuleContext fn = ctx instanceof LatexMathParser.FnArgContext ? parent : ctx;
            if (fn instanceof LatexMathParser.FunctionAtomContext || fn instanceof LatexMathParser.OperatorAtomContext) {
                Token name = fn.getStart();
                throw error(source, name, name.getText() + " needs an argument, as in " + name.getText() + "(x)");
            }
            throw new DerivException(Diagnostic.at(source, line, col + 1, describe(t)));
        }

        private static String missingArgument(ParserRuleContext owner) {
            return switch (owner) {
                case LatexMathParser.FractionContext f -> {
                    String name = f.getStart().getText();
                    yield name + " needs two arguments, as in " + name + "{a}{b}";
                }
                case LatexMathParser.RootContext r -> "\\sqrt needs an argument, as in \\sqrt{x}";
                case LatexMathParser.StyledContext s -> s.STYLE().getText() + " needs an argument, as in " + s.STYLE().getText() + "{x}";
                case LatexMathParser.AccentedContext a -> a.ACCENT().getText() + " needs an argument, as in " + a.ACCENT().getText() + "{y}";
                default -> null;
            };
        }

        private String describe(Token t) {
            if (t.getType() == Token.EOF) return "unexpected end of input";
            Token prev = previous(t);
            String text = t.getText();
            if (prev != null && LatexParsing.opener(prev.getType()) && LatexParsing.closer(t.getType())) {
                return "empty " + (prev.getType() == LatexMathLexer.LBRACE ? "braces" : "brackets") + " '" + prev.getText() + text + "'";
            }
            return switch (t.getType()) {
                case LatexMathLexer.EQ -> "unexpected '=': one expression was expected (a derivation with '=' steps is read as a chain: check --chain)";
                case LatexMathLexer.AMP -> "unexpected '&': alignment belongs outside \\begin{cases} values";
                case LatexMathLexer.NEWROW -> "unexpected '\\\\': a new row is allowed between steps and in cases";
                case LatexMathLexer.DEFINE -> "unexpected '" + text + "': a definition must be a row of its own";
                case LatexMathLexer.TEXT, LatexMathParser.PROSE -> "unexpected text '" + word(content(t)) + "'";
                default -> "unexpected '" + text + "'";
            };
        }

        private Token previous(Token t) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) == t) return i > 0 ? tokens.get(i - 1) : null;
            }
            return null;
        }
    }
}
