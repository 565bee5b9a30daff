package deriv.parse;

import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Program;
import java.util.ArrayList;
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
    /** Deepest nesting of parentheses and of the tree. */
    public static final int MAX_DEPTH = 1_000;

    public static Parsed program(String text) { return program(new Source("<input>", text)); }

    public static Parsed program(Source source) {
        String text = source.text();
        if (text.length() > MAX_INPUT) {
            throw DerivException.general("input too large: " + text.length() + " characters (the limit is " + MAX_INPUT + ")");
        }
        if (text.isBlank() || onlyComments(text)) {
            throw new DerivException(Diagnostic.at(source, 1, 1, "empty input: expected an expression"));
        }
        List<Token> tokens = lex(source);
        checkNesting(source, tokens);
        DerivParser parser = new DerivParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(new Listener(source, tokens));
        DerivParser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (StackOverflowError e) {
            throw new DerivException(Diagnostic.at(source, 1, 1, "expression too deeply nested"));
        }
        AstBuilder builder = new AstBuilder(source);
        Program program;
        try {
            program = builder.build(tree);
        } catch (StackOverflowError e) {
            throw new DerivException(Diagnostic.at(source, 1, 1, "expression too deeply nested"));
        }
        return new Parsed(program, source, builder.namePositions());
    }

    /** One expression (a program whose definitions are not wanted). */
    public static Expr expr(String text) {
        Parsed p = program(text);
        return p.program().definitions().isEmpty() ? p.program().body() : p.program().definitions().expand(p.program().body());
    }

    private static boolean onlyComments(String text) {
        for (String l : text.lines().toList()) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#") && !t.equals(";")) return false;
        }
        return true;
    }

    /** Tokens, with a '*' inserted where a number is followed by a name or '(' (2x, 3(x+1)). */
    static List<Token> lex(Source source) {
        DerivLexer lexer = new DerivLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
                String bad = badText(source, line, col);
                throw new DerivException(Diagnostic.at(source, line, col + 1, "unexpected character " + bad));
            }
        });
        List<Token> out = new ArrayList<>();
        Token prev = null;
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            if (prev != null && prev.getType() == DerivLexer.NUMBER
                && (t.getType() == DerivLexer.ID || t.getText().equals("("))) {
                CommonToken star = new CommonToken(DerivLexer.STAR, "*");
                star.setLine(t.getLine());
                star.setCharPositionInLine(t.getCharPositionInLine());
                star.setStartIndex(t.getStartIndex());
                star.setStopIndex(t.getStartIndex() - 1);
                out.add(star);
            }
            out.add(t);
            prev = t;
            if (t.getType() == Token.EOF) break;
        }
        return out;
    }

    private static String badText(Source source, int line, int col) {
        String l = source.line(line);
        if (col < l.length()) {
            int cp = l.codePointAt(col);
            if (cp < 32 || cp == 127) return String.format("U+%04X", cp);
            return "'" + new String(Character.toChars(cp)) + "'";
        }
        return "at end of line";
    }

    private static void checkNesting(Source source, List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            String s = t.getText();
            if ("(".equals(s)) {
                if (++depth > MAX_DEPTH) {
                    throw new DerivException(Diagnostic.at(source, t.getLine(), t.getCharPositionInLine() + 1,
                        "nesting deeper than " + MAX_DEPTH + " levels"));
                }
            } else if (")".equals(s)) {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    /** Turns ANTLR's first syntax error into one plain-language diagnostic. */
    private static final class Listener extends BaseErrorListener {
        private final Source source;
        private final List<Token> tokens;

        Listener(Source source, List<Token> tokens) { this.source = source; this.tokens = tokens; }

        @Override
        public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
            Token t = (Token) sym;
            throw new DerivException(Diagnostic.at(source, line, col + 1, describe(t)));
        }

        private String describe(Token t) {
            if (t.getType() == Token.EOF) return "unexpected end of input";
            Token prev = previous(t);
            String text = t.getText();
            if (t.getType() == DerivLexer.NEWLINE) {
                return prev != null && isOperator(prev) ? "unexpected end of line after '" + prev.getText() + "'"
                                                        : "unexpected end of line";
            }
            if (prev != null && endsOperand(prev) && startsOperand(t)) {
                return "missing operator between '" + prev.getText() + "' and '" + text + "'";
            }
            if (t.getType() == DerivLexer.DEFINE) return "unexpected ':=': a definition must start a line";
            return "unexpected '" + text + "'";
        }

        private Token previous(Token t) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) == t) return i > 0 ? tokens.get(i - 1) : null;
            }
            return null;
        }

        private static boolean endsOperand(Token t) {
            return t.getType() == DerivLexer.ID || t.getType() == DerivLexer.NUMBER || ")".equals(t.getText());
        }

        private static boolean startsOperand(Token t) {
            return t.getType() == DerivLexer.ID || t.getType() == DerivLexer.NUMBER || "(".equals(t.getText());
        }

        private static boolean isOperator(Token t) {
            return switch (t.getType()) {
                case DerivLexer.PLUS, DerivLexer.MINUS, DerivLexer.STAR, DerivLexer.SLASH, DerivLexer.CARET -> true;
                default -> false;
            };
        }
    }

    /** Depth check on a built tree. */
    static void checkDepth(Source source, Expr e, int line, int column) {
        if (Exprs.depth(e) > MAX_DEPTH) {
            throw new DerivException(Diagnostic.at(source, line, column, "expression nested deeper than " + MAX_DEPTH + " levels"));
        }
    }
}
