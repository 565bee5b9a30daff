package deriv.parse;

import deriv.expr.Expr;
import deriv.expr.Fn;
import deriv.expr.Program;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * The front of the plain language: text to {@link Parsed}. Errors become one {@link DerivException}
 * with line and column; ANTLR's console listeners are removed.
 */
public final class Parsing {
    private Parsing() {}

    /** Longest input accepted, in characters. */
    public static final int MAX_INPUT = 1_000_000;
    /** Deepest nesting: parentheses, and chains of powers and signs ({@code x^x^x}, {@code --x}). */
    public static final int MAX_DEPTH = 1_000;

    public static Parsed program(String text) { return program(new Source("<input>", text)); }

    public static Parsed program(Source source) {
        String text = source.text();
        if (text.length() > MAX_INPUT) {
            throw DerivException.general("input too large: " + text.length() + " characters (the limit is " + MAX_INPUT + ")");
        }
        List<Token> tokens = lex(source);
        if (tokens.stream().allMatch(Parsing::isSeparator)) {
            throw new DerivException(Diagnostic.at(source, 1, 1, "empty input: expected an expression"));
        }
        DerivParser parser = new DerivParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(new Listener(source, tokens));
        AstBuilder builder = new AstBuilder(source);
        Program program;
        // the token check bounds the recursion; this is a last resort for a thread with a small stack
        try {
            program = builder.build(parser.program());
        } catch (StackOverflowError e) {
            throw new DerivException(Diagnostic.at(source, 1, 1, "expression too deeply nested for the available stack"));
        }
        return new Parsed(program, source, builder.namePositions());
    }

    /** One expression (a program whose definitions are not wanted). */
    public static Expr expr(String text) {
        Parsed p = program(text);
        return p.program().definitions().isEmpty() ? p.program().body() : p.program().definitions().expand(p.program().body());
    }

    private static boolean isSeparator(Token t) {
        int type = t.getType();
        return type == DerivLexer.NEWLINE || type == DerivLexer.SEMI || type == Token.EOF;
    }

    /**
     * Tokens, with a '*' inserted where a number is followed by a name or '(' (2x, 3(x+1)), newlines
     * inside parentheses dropped, and the nesting limit checked.
     */
    static List<Token> lex(Source source) {
        DerivLexer lexer = new DerivLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
                throw new DerivException(Diagnostic.at(source, line, col + 1, badCharacter(source, line, col)));
            }
        });
        List<Token> out = new ArrayList<>();
        Nesting nesting = new Nesting(source);
        Token prev = null;
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            if (t.getType() == DerivLexer.NEWLINE && nesting.open() > 0) continue;
            if (prev != null && prev.getType() == DerivLexer.NUMBER
                && (t.getType() == DerivLexer.ID || t.getType() == DerivLexer.LPAREN)) {
                CommonToken star = new CommonToken(DerivLexer.STAR, "*");
                star.setLine(t.getLine());
                star.setCharPositionInLine(t.getCharPositionInLine());
                star.setStartIndex(t.getStartIndex());
                star.setStopIndex(t.getStartIndex() - 1);
                nesting.accept(star, prev);
                out.add(star);
                prev = star;
            }
            nesting.accept(t, prev);
            out.add(t);
            prev = t;
            if (t.getType() == Token.EOF) break;
        }
        return out;
    }

    /** The lexer's complaint about the character at {@code col} (0-based, in code points), with a hint where one helps. */
    private static String badCharacter(Source source, int line, int col) {
        String l = source.line(line);
        if (col >= l.codePointCount(0, l.length())) return "unexpected end of line";
        int cp = l.codePointAt(l.offsetByCodePoints(0, col));
        String shown = cp < 32 || cp == 127 || Character.isWhitespace(cp) ? String.format("U+%04X", cp)
                                                                          : "'" + Character.toString(cp) + "'";
        String hint = switch (cp) {
            case '=' -> ": write := to define a name (comparisons are < <= > >=, inside if(...))";
            case ':' -> ": a definition is written name := expression";
            case '[', ']', '{', '}' -> ": group with ( and )";
            case '|' -> ": write abs(x) for an absolute value";
            case '²', '³', '¹' -> ": write x^2 for a power";
            default -> "";
        };
        int offset = l.offsetByCodePoints(0, col);
        if (cp == '.' && offset > 0 && Character.isDigit(l.charAt(offset - 1))) hint = ": a decimal point needs digits after it";
        return "unexpected character " + shown + hint;
    }

    /**
     * Counts nesting as the parser will recurse: each open parenthesis, and each '^' or sign in a
     * chain ({@code x^x^x}, {@code - - x}) until an operator of lower precedence ends the chain.
     */
    private static final class Nesting {
        private final Source source;
        private final Deque<Integer> outerChains = new ArrayDeque<>();
        private int chain;
        private int total;

        Nesting(Source source) { this.source = source; }

        int open() { return outerChains.size(); }

        void accept(Token t, Token prev) {
            switch (t.getType()) {
                case DerivLexer.LPAREN -> {
                    outerChains.push(chain);
                    chain = 0;
                    deeper(t);
                }
                case DerivLexer.RPAREN -> {
                    if (outerChains.isEmpty()) return;
                    total -= chain + 1;
                    chain = outerChains.pop();
                }
                case DerivLexer.CARET -> { chain++; deeper(t); }
                case DerivLexer.PLUS, DerivLexer.MINUS -> {
                    if (startsOperand(prev)) { chain++; deeper(t); } else endChain();
                }
                case DerivLexer.STAR, DerivLexer.SLASH, DerivLexer.COMMA, DerivLexer.LT, DerivLexer.LE, DerivLexer.GT,
                     DerivLexer.GE, DerivLexer.DEFINE, DerivLexer.SEMI, DerivLexer.NEWLINE -> endChain();
                default -> {}
            }
        }

        private void endChain() {
            total -= chain;
            chain = 0;
        }

        private void deeper(Token t) {
            if (++total > MAX_DEPTH) {
                throw new DerivException(Diagnostic.at(source, t.getLine(), t.getCharPositionInLine() + 1,
                    "nesting deeper than " + MAX_DEPTH + " levels"));
            }
        }

        /** True when a '+' or '-' after {@code prev} is a sign, not a binary operator. */
        private static boolean startsOperand(Token prev) {
            return prev == null || !endsOperand(prev);
        }
    }

    static boolean endsOperand(Token t) {
        int type = t.getType();
        return type == DerivLexer.ID || type == DerivLexer.NUMBER || type == DerivLexer.RPAREN;
    }

    static boolean startsOperand(Token t) {
        int type = t.getType();
        return type == DerivLexer.ID || type == DerivLexer.NUMBER || type == DerivLexer.LPAREN;
    }

    static boolean isBinaryOperator(Token t) {
        return switch (t.getType()) {
            case DerivLexer.PLUS, DerivLexer.MINUS, DerivLexer.STAR, DerivLexer.SLASH, DerivLexer.CARET -> true;
            default -> false;
        };
    }

    static boolean isComparison(Token t) {
        return switch (t.getType()) {
            case DerivLexer.LT, DerivLexer.LE, DerivLexer.GT, DerivLexer.GE -> true;
            default -> false;
        };
    }

    /** Turns ANTLR's first syntax error into one plain-language diagnostic. */
    private static final class Listener extends BaseErrorListener {
        private final Source source;
        private final List<Token> tokens;

        Listener(Source source, List<Token> tokens) { this.source = source; this.tokens = tokens; }

        @Override
        public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
            Token t = (Token) sym;
            int index = indexOf(t);
            Token prev = index > 0 ? tokens.get(index - 1) : null;
            Token unclosed = unclosedBefore(index);
            // an unclosed '(' explains a premature end best when nothing else is dangling
            if ((t.getType() == Token.EOF || t.getType() == DerivLexer.NEWLINE) && unclosed != null
                && (prev == null || !isBinaryOperator(prev))) {
                throw error(unclosed, "'(' is not closed");
            }
            // newlines inside parentheses are dropped: a stray '(' joins the next lines to its own
            if (unclosed != null && prev != null && prev.getLine() < t.getLine() && t.getType() != DerivLexer.DEFINE
                && neverClosed(unclosed)) {
                throw error(unclosed, "'(' is not closed");
            }
            if (prev != null && prev.getType() == DerivLexer.NUMBER && t.getType() == DerivLexer.NUMBER && adjacent(prev, t)) {
                throw error(prev, "malformed number '" + prev.getText() + t.getText() + "'");
            }
            throw error(t, describe(t, prev, index, unclosed));
        }

        private String describe(Token t, Token prev, int index, Token unclosed) {
            String text = t.getText();
            String after = prev != null && isBinaryOperator(prev) ? " after '" + prev.getText() + "'" : "";
            switch (t.getType()) {
                case Token.EOF -> { return "unexpected end of input" + after; }
                case DerivLexer.NEWLINE -> { return "unexpected end of line" + after; }
                case DerivLexer.RPAREN -> {
                    if (unclosed == null) return "unmatched ')'";
                    if (prev != null && prev.getType() == DerivLexer.LPAREN) return "empty parentheses '()'";
                }
                case DerivLexer.LT, DerivLexer.LE, DerivLexer.GT, DerivLexer.GE -> {
                    if (comparisonBefore(index)) return "comparisons cannot be chained: write if(a < b, if(b < c, ..., ...), ...)";
                    return "a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0)";
                }
                case DerivLexer.DEFINE -> {
                    if (unclosed != null && unclosed.getLine() < t.getLine()) {
                        return "unexpected ':=' (the '(' at line " + unclosed.getLine() + ", column "
                            + (unclosed.getCharPositionInLine() + 1) + " is not closed)";
                    }
                    return "unexpected ':=': only a name or a function such as f(a, b) can be defined, at the start of a statement";
                }
                case DerivLexer.COMMA -> {
                    if (unclosed == null) return "unexpected ',': commas separate the arguments of a function";
                }
                case DerivLexer.STAR -> {
                    if (prev != null && prev.getType() == DerivLexer.STAR && adjacent(prev, t)) return "write ^ for a power ('**' is not an operator)";
                }
                default -> {}
            }
            if (prev != null && endsOperand(prev) && startsOperand(t)) {
                if (prev.getType() == DerivLexer.ID && Fn.isBuiltin(prev.getText()) && t.getType() != DerivLexer.LPAREN) {
                    return "'" + prev.getText() + "' is a function: write its argument in parentheses, as in "
                        + prev.getText() + "(" + text + ")";
                }
                String hint = prev.getType() == DerivLexer.ID && t.getType() == DerivLexer.ID
                    ? " (write " + prev.getText() + "*" + text + " to multiply)" : "";
                return "missing operator between '" + prev.getText() + "' and '" + text + "'" + hint;
            }
            return "unexpected '" + text + "'" + after;
        }

        private int indexOf(Token t) {
            for (int i = 0; i < tokens.size(); i++) if (tokens.get(i) == t) return i;
            return tokens.size() - 1;
        }

        /** The innermost '(' still open before token {@code index}, or null. */
        private Token unclosedBefore(int index) {
            Deque<Token> open = new ArrayDeque<>();
            for (int i = 0; i < index; i++) {
                Token t = tokens.get(i);
                if (t.getType() == DerivLexer.LPAREN) open.push(t);
                else if (t.getType() == DerivLexer.RPAREN && !open.isEmpty()) open.pop();
            }
            return open.peek();
        }

        private boolean neverClosed(Token open) {
            int depth = 0;
            for (int i = indexOf(open); i < tokens.size(); i++) {
                int type = tokens.get(i).getType();
                if (type == DerivLexer.LPAREN) depth++;
                else if (type == DerivLexer.RPAREN && --depth == 0) return false;
            }
            return true;
        }

        /** Whether a comparison precedes token {@code index} in the same argument. */
        private boolean comparisonBefore(int index) {
            int depth = 0;
            for (int i = index - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getType() == DerivLexer.RPAREN) depth++;
                else if (t.getType() == DerivLexer.LPAREN) { if (depth-- == 0) return false; }
                else if (depth == 0 && (t.getType() == DerivLexer.COMMA || isSeparator(t))) return false;
                else if (depth == 0 && isComparison(t)) return true;
            }
            return false;
        }

        private static boolean adjacent(Token a, Token b) {
            return a.getStopIndex() + 1 == b.getStartIndex() && a.getLine() == b.getLine();
        }

        private DerivException error(Token t, String message) {
            return new DerivException(Diagnostic.at(source, t.getLine(), t.getCharPositionInLine() + 1, message));
        }
    }

}
