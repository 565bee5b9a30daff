package deriv.latex;

import static deriv.expr.Expr.*;

import deriv.expr.Expr;
import deriv.expr.Fn;
import deriv.expr.Greek;
import deriv.expr.Printer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * LaTeX of expressions, in the forms a textbook writes and using only constructs JLaTeXMath 1.0.7
 * renders. The output is regular so that a LaTeX reader can give back an equal tree:
 * <ul>
 *   <li>{@code \frac{A}{B}} reads as the plain language's {@code A/(B)}: two numbers give one
 *       rational; a numerator of exactly {@code 1} gives {@code B^-1} alone; a number in front of B
 *       goes into the coefficient and a product B gives one negative power per factor. A product
 *       keeps its factor order: trailing negative powers form one denominator
 *       ({@code x y^-1 z^-1} is {@code \frac{x}{y z}}), a rational coefficient its own
 *       ({@code \frac{3 x}{2}}); elsewhere each fraction takes the factors before it as numerator
 *       and one negative power as denominator.</li>
 *   <li>Factors sit side by side only as a number or symbol before a symbol or call ({@code 2 x},
 *       {@code 2 \tanh(u)}, {@code W_{2} x}, {@code W_{2} \tanh(u)}); everywhere else {@code \cdot}. A name followed directly by
 *       {@code (} or {@code \left(} is always a call.</li>
 *   <li>A leading {@code -} negates the whole product after it; {@code a - b} is {@code a + (-b)}.</li>
 *   <li>{@code e^{u}} and {@code \exp(u)} are the call {@code exp(u)}; the constant to a power is {@code (e)^{u}}.</li>
 *   <li>{@code \tanh^{2}(u)} is {@code tanh(u)^2} (functions to positive integer powers only).</li>
 *   <li>Names: {@code W1} is {@code W_{1}}, {@code theta_0} is {@code \theta_{0}}, {@code loss} is {@code \mathrm{loss}}.</li>
 *   <li>{@code \frac{\partial}{\partial x}} applies to the factor that follows; a derivative with more
 *       factors after it is put in parentheses.</li>
 *   <li>Decimals ({@code 0.01}) are exact rationals with a power-of-ten denominator.</li>
 * </ul>
 * {@link #print} writes {@code u^(1/2)} as {@code \sqrt{u}}, like {@code sqrt(u)}, and {@code 1/y} (the
 * parser's {@code 1 * y^-1}) as {@code \frac{1}{y}}, like {@code y^-1}; {@link #exact} writes them
 * {@code u^{\frac{1}{2}}} and {@code 1 \cdot \frac{1}{y}}, so that every tree reads back equal.
 */
public final class LatexPrinter {
    /** Square roots for powers of one half, and {@code 1 * y^-1} as plain {@code \frac{1}{y}}. */
    private final boolean textbook;

    private LatexPrinter(boolean textbook) { this.textbook = textbook; }

    private static final LatexPrinter TEXTBOOK = new LatexPrinter(true), EXACT = new LatexPrinter(false);

    /** The textbook form: powers of one half as square roots, the parser's {@code 1 * y^-1} as {@code \frac{1}{y}}. */
    public static String print(Expr e) { return TEXTBOOK.sum(e, Follow.NONE); }

    /** A form in which every tree reads back equal ({@code u^{\frac{1}{2}}} rather than {@code \sqrt{u}}). */
    public static String exact(Expr e) { return EXACT.sum(e, Follow.NONE); }

    /** A condition: {@code x > 0}, {@code a \leq b}. */
    public static String print(Cond c) { return TEXTBOOK.cond(c); }

    /**
     * The terms of a sum as they are printed one after another: the first bare, the others with
     * their operator ({@code "+ x"}, {@code "- 2 y"}). An expression that is not a sum is one term.
     */
    public static List<String> terms(Expr e) {
        List<String> out = new ArrayList<>();
        if (!(e instanceof Add a)) { out.add(print(e)); return out; }
        StringBuilder sb = new StringBuilder();
        List<Expr> ts = a.terms();
        for (int i = 0; i < ts.size(); i++) {
            sb.setLength(0);
            TEXTBOOK.term(ts.get(i), i == 0, i < ts.size() - 1 ? Follow.TERM : Follow.NONE, sb);
            out.add(sb.toString().strip());
        }
        return out;
    }

    /**
     * The factors of a product as printed, split where a {@code \cdot} stands: each chunk after the
     * first starts with {@code "\cdot "}; factors set side by side ({@code 2 x}) stay in one chunk. A
     * leading sign stays on the first. An expression that is not a product is one chunk.
     */
    public static List<String> factors(Expr e) {
        Expr pos = Printer.positivePart(e);
        if (pos != null && (pos instanceof Add || Printer.positivePart(pos) != null)) return List.of(print(e));
        Expr body = pos == null ? e : pos;
        if (!(body instanceof Mul m)) return List.of(print(e));
        List<Piece> pieces = TEXTBOOK.pieces(m.factors(), Follow.NONE);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder(pos == null ? "" : "-").append(pieces.getFirst().latex);
        for (int i = 1; i < pieces.size(); i++) {
            String sep = separator(pieces.get(i - 1), pieces.get(i));
            if (sep.equals(" ")) {
                cur.append(' ').append(pieces.get(i).latex);
            } else {
                out.add(cur.toString());
                cur.setLength(0);
                cur.append("\\cdot ").append(pieces.get(i).latex);
            }
        }
        out.add(cur.toString());
        return out;
    }

    // ------------------------------------------------------------------------------------ names

    /** A variable's name in LaTeX: Greek letters as commands, trailing digits and {@code _x} parts as subscripts. */
    public static String name(String identifier) {
        String id = Greek.spell(identifier);
        int us = id.indexOf('_');
        if (us > 0 && us < id.length() - 1) {
            return head(id.substring(0, us)) + "_{" + subscript(id.substring(us + 1)) + "}";
        }
        int k = id.length();
        while (k > 0 && Character.isDigit(id.charAt(k - 1))) k--;
        if (k > 0 && k < id.length()) return head(id.substring(0, k)) + "_{" + id.substring(k) + "}";
        return head(id);
    }

    private static String head(String h) {
        if (Greek.isName(h)) return "\\" + h;
        if (h.length() == 1 && isAsciiLetter(h.charAt(0))) return h;
        return "\\mathrm{" + h.replace("_", "\\_") + "}";
    }

    private static String subscript(String s) {
        if (Greek.isName(s)) return "\\" + s;
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9')) { plain = false; break; }
        }
        // alpha1 is \alpha_{1}, not the letters a l p h a
        String stem = s.replaceAll("[0-9]+$", "");
        if (plain && !Greek.isName(stem)) return s;
        return name(s);
    }

    private static boolean isAsciiLetter(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

    /** A user function's name: as a variable's when that is a letter ({@code f}, {@code g_{1}}), else upright. */
    private static String functionName(String fn) {
        String n = name(fn);
        if (!n.startsWith("\\mathrm{")) return n;
        return "\\operatorname{" + Greek.spell(fn).replace("_", "\\_") + "}";
    }

    // ------------------------------------------------------------------------------ printing

    /** What comes after a node at its level, up to the next closing bracket. */
    private enum Follow { NONE, TERM, FACTOR }

    /** How a printed factor begins and ends, which decides whether {@code \cdot} is needed. */
    private enum Kind { NUMBER, RATIONAL, SYMBOL, CALL, FRACTION, GROUP, OTHER }

    private record Piece(String latex, Kind kind) {}

    private String sum(Expr e, Follow f) {
        StringBuilder sb = new StringBuilder();
        if (!(e instanceof Add a)) {
            term(e, true, f, sb);
            return sb.toString();
        }
        List<Expr> ts = a.terms();
        for (int i = 0; i < ts.size(); i++) term(ts.get(i), i == 0, i < ts.size() - 1 ? Follow.TERM : f, sb);
        return sb.toString();
    }

    private void term(Expr t, boolean first, Follow f, StringBuilder sb) {
        if (t instanceof Add) {
            if (!first) sb.append(" + ");
            sb.append(group(sum(t, Follow.NONE)));
            return;
        }
        Expr pos = Printer.positivePart(t);
        if (pos == null) {
            if (!first) sb.append(" + ");
            sb.append(product(t, f));
            return;
        }
        sb.append(first ? "-" : " - ");
        if (pos instanceof Add || Printer.positivePart(pos) != null) sb.append(group(sum(pos, Follow.NONE)));
        else sb.append(product(pos, f));
    }

    /** A product with no leading sign (the caller printed it). */
    private String product(Expr e, Follow f) {
        List<Expr> fs = e instanceof Mul m ? m.factors() : List.of(e);
        return join(pieces(fs, f));
    }

    private static String join(List<Piece> pieces) {
        StringBuilder sb = new StringBuilder(pieces.getFirst().latex);
        for (int i = 1; i < pieces.size(); i++) sb.append(separator(pieces.get(i - 1), pieces.get(i))).append(pieces.get(i).latex);
        return sb.toString();
    }

    // side by side: 2 x, 2 \tanh(u), \frac{1}{2} x, W_{2} x, W_{2} \tanh(u); otherwise \cdot
    private static String separator(Piece l, Piece r) {
        boolean coefficient = l.kind == Kind.NUMBER || l.kind == Kind.RATIONAL;
        if (coefficient && (r.kind == Kind.SYMBOL || r.kind == Kind.CALL)) return " ";
        if (l.kind == Kind.SYMBOL && (r.kind == Kind.SYMBOL || r.kind == Kind.CALL)) return " ";
        return " \\cdot ";
    }

    /**
     * The factors of a product in order, fractions formed where a negative power follows: the
     * factors before it make the numerator. A leading rational coefficient stands alone in front.
     */
    private List<Piece> pieces(List<Expr> fs, Follow f) {
        Piece whole = fraction(fs);
        if (whole != null) return List.of(whole);
        List<Piece> out = new ArrayList<>();
        List<Expr> pending = new ArrayList<>();
        int start = 0;
        if (fs.size() > 1 && fs.getFirst() instanceof Num c && !c.isInteger()) {
            out.add(number(c));
            start = 1;
        }
        for (int i = start; i < fs.size(); i++) {
            Expr x = fs.get(i);
            if (isDenominator(x, pending)) {
                if (pending.size() == 1 && pending.getFirst() instanceof Num n && n.isOne()) {
                    // 1/y as the parser builds it, 1 * y^-1: a numerator of exactly 1 reads as y^-1
                    // alone, so the exact form keeps the factor apart ("1 \cdot \frac{1}{y}")
                    if (!textbook) out.add(new Piece("1", Kind.NUMBER));
                    pending.clear();
                }
                Pow p = (Pow) x;
                Num k = ((Num) p.exp()).negate();
                Expr den = k.isOne() ? p.base() : new Pow(p.base(), k);
                // one factor alone above the bar needs no brackets: \frac{x + 1}{x - 1}
                String top = pending.isEmpty() ? "1"
                    : pending.size() == 1 && !(pending.getFirst() instanceof Num) ? sum(pending.getFirst(), Follow.NONE)
                    : join(pieces(pending, Follow.NONE));
                out.add(new Piece("\\frac{" + top + "}{" + sum(den, Follow.NONE) + "}", Kind.FRACTION));
                pending.clear();
            } else {
                pending.add(x);
            }
        }
        for (int j = 0; j < pending.size(); j++) out.add(factor(pending.get(j), j < pending.size() - 1 ? Follow.FACTOR : f));
        return out;
    }

    /**
     * One fraction for the whole product where that reads back the same: a rational coefficient
     * (not a decimal) over its denominator ({@code \frac{x}{2}}, {@code \frac{3 x}{2}},
     * {@code \frac{1}{2 \sqrt{x}}}), or several denominators after the numerator
     * ({@code \frac{x}{y z}}): the reader takes a number divided by into the coefficient and a
     * product divided by as one negative power per factor. Null for other shapes.
     */
    private Piece fraction(List<Expr> fs) {
        Num c = fs.getFirst() instanceof Num n && !n.isInteger() && !n.isNegative() && decimal(n) == null ? n : null;
        int start = c == null ? 0 : 1;
        int j = fs.size();
        while (j > start && isDenominator(fs.get(j - 1), List.of())
               && !(((Pow) fs.get(j - 1)).base() instanceof Piecewise) && !(((Pow) fs.get(j - 1)).base() instanceof Diff)) j--;
        List<Expr> top = fs.subList(start, j), bottom = fs.subList(j, fs.size());
        if (c == null ? bottom.size() < 2 : fs.size() < 2) return null;
        for (Expr x : top) {
            if (x instanceof Pow(Expr b, Num k) && k.isNegative() || x instanceof Piecewise || x instanceof Diff) return null;
            if (c != null && (x instanceof Num || x instanceof Mul)) return null;
        }
        if (c == null && top.size() == 1 && top.getFirst() instanceof Num one && one.isOne()) return null;
        String above;
        if (c == null) {
            above = top.isEmpty() ? "1" : top.size() == 1 ? sum(top.getFirst(), Follow.NONE) : join(pieces(top, Follow.NONE));
        } else {
            List<Piece> ps = new ArrayList<>();
            if (!c.num().equals(BigInteger.ONE) || top.isEmpty()) ps.add(number(new Num(c.num(), BigInteger.ONE)));
            for (Expr x : top) ps.add(factor(x, Follow.FACTOR));
            above = join(ps);
        }
        List<Piece> below = new ArrayList<>();
        if (c != null) below.add(number(new Num(c.den(), BigInteger.ONE)));
        for (Expr d : bottom) {
            Pow p = (Pow) d;
            Num k = ((Num) p.exp()).negate();
            below.add(factor(k.isOne() ? p.base() : new Pow(p.base(), k), Follow.FACTOR));
        }
        return new Piece("\\frac{" + above + "}{" + join(below) + "}", Kind.FRACTION);
    }

    // x^-k becomes a denominator unless its base is a power (x^2)^-1, a number or a product: the
    // reader takes x/2 into the coefficient and x/(y z) as x y^-1 z^-1
    private static boolean isDenominator(Expr x, List<Expr> numerator) {
        if (!(x instanceof Pow(Expr b, Num k)) || !k.isNegative()) return false;
        return !(b instanceof Pow) && !(b instanceof Num) && !(b instanceof Mul);
    }

    private Piece factor(Expr e, Follow f) {
        return switch (e) {
            case Num n when n.isNegative() -> new Piece(group(numberText(n.negate(), true)), Kind.GROUP);
            case Num n -> number(n);
            case Var v -> new Piece(name(v.name()), Kind.SYMBOL);
            case Const c -> new Piece(constant(c), Kind.SYMBOL);
            case Add a -> new Piece(group(sum(a, Follow.NONE)), Kind.GROUP);
            case Mul m -> new Piece(group(sum(m, Follow.NONE)), Kind.GROUP);
            case Pow p -> power(p);
            case Call c -> new Piece(call(c), Kind.CALL);
            case Piecewise p -> f == Follow.NONE ? new Piece(cases(p), Kind.OTHER) : new Piece(group(cases(p)), Kind.GROUP);
            case Diff d -> f == Follow.FACTOR ? new Piece(group(diff(d)), Kind.GROUP) : new Piece(diff(d), Kind.OTHER);
        };
    }

    private static Piece number(Num n) {
        if (n.isInteger() || decimal(n) != null) return new Piece(numberText(n, false), Kind.NUMBER);
        return new Piece(numberText(n, false), Kind.RATIONAL);
    }

    /** A non-negative number: digits, a decimal when the denominator is a power of ten, else a fraction. */
    private static String numberText(Num n, boolean negative) {
        String sign = negative ? "-" : "";
        if (n.isInteger()) return sign + n.num();
        String d = decimal(n);
        if (d != null) return sign + d;
        return sign + "\\frac{" + n.num() + "}{" + n.den() + "}";
    }

    private static final BigInteger TWO = BigInteger.TWO, FIVE = BigInteger.valueOf(5);

    /**
     * A decimal for a denominator 2^a 5^b with b >= 1 (a tenth, a fifth, a hundredth: numbers
     * written as decimals); halves, quarters, eighths stay fractions, as textbooks write them.
     */
    private static String decimal(Num n) {
        BigInteger den = n.den();
        int twos = 0, fives = 0;
        while (den.mod(TWO).signum() == 0 && twos <= 20) { den = den.divide(TWO); twos++; }
        while (den.mod(FIVE).signum() == 0 && fives <= 20) { den = den.divide(FIVE); fives++; }
        if (!den.equals(BigInteger.ONE) || fives == 0 || Math.max(twos, fives) > 9) return null;
        int places = Math.max(twos, fives);
        return new java.math.BigDecimal(n.num()).divide(new java.math.BigDecimal(n.den()))
            .setScale(places, java.math.RoundingMode.UNNECESSARY).stripTrailingZeros().toPlainString();
    }

    private static String constant(Const c) { return c.name().equals("pi") ? "\\pi" : "e"; }

    private Piece power(Pow p) {
        Expr b = p.base(), k = p.exp();
        if (textbook && k instanceof Num h && h.equals(Num.HALF)) {
            return new Piece("\\sqrt{" + sum(b, Follow.NONE) + "}", Kind.CALL);
        }
        if (k instanceof Num n && n.isNegative() && isDenominator(p, List.of())) {
            Num pos = n.negate();
            Expr den = pos.isOne() ? b : new Pow(b, pos);
            return new Piece("\\frac{1}{" + sum(den, Follow.NONE) + "}", Kind.FRACTION);
        }
        String exp = "^{" + sum(k, Follow.NONE) + "}";
        return switch (b) {
            case Var v -> new Piece(name(v.name()) + exp, Kind.SYMBOL);
            case Const c when c.name().equals("pi") -> new Piece("\\pi" + exp, Kind.SYMBOL);
            case Num n when n.isInteger() && !n.isNegative() -> new Piece(n.num() + exp, Kind.NUMBER);
            case Call c when k instanceof Num n && n.isInteger() && n.signum() > 0 && functionCommand(c) != null ->
                new Piece(functionCommand(c) + exp + arguments(c.args()), Kind.CALL);
            case Call c when Fn.lookup(c.fn()).map(fn -> fn.latex().kind() == Fn.Latex.Kind.ABS).orElse(false) ->
                new Piece(call(c) + exp, Kind.CALL);
            default -> new Piece(group(sum(b, Follow.NONE)) + exp, Kind.GROUP);
        };
    }

    /** The command of a built-in written as a function ({@code \tanh}), else null. */
    private static String functionCommand(Call c) {
        if (!Fn.isBuiltin(c.fn())) return null;
        Fn fn = Fn.of(c.fn());
        return fn.latex().kind() == Fn.Latex.Kind.FUNCTION ? fn.latex().command() : null;
    }

    private String call(Call c) {
        if (!Fn.isBuiltin(c.fn())) return functionName(c.fn()) + arguments(c.args());
        Fn fn = Fn.of(c.fn());
        return switch (fn.latex().kind()) {
            case FUNCTION -> fn.latex().command() + arguments(c.args());
            case ABS -> "\\left| " + sum(c.args().getFirst(), Follow.NONE) + " \\right|";
            case SQRT -> "\\sqrt{" + sum(c.args().getFirst(), Follow.NONE) + "}";
            case EXP -> {
                String arg = sum(c.args().getFirst(), Follow.NONE);
                // a tall exponent is hard to read: \exp(...) instead
                yield tall(arg) ? "\\exp" + group(arg) : "e^{" + arg + "}";
            }
        };
    }

    private String arguments(List<Expr> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(sum(args.get(i), Follow.NONE));
        }
        return group(sb.toString());
    }

    private String cases(Piecewise p) {
        StringBuilder sb = new StringBuilder("\\begin{cases} ");
        for (Branch b : p.branches()) {
            sb.append(sum(b.value(), Follow.NONE)).append(" & \\quad \\text{if } ").append(cond(b.cond())).append(" \\\\ ");
        }
        sb.append(sum(p.otherwise(), Follow.NONE)).append(" & \\quad \\text{otherwise} \\end{cases}");
        return sb.toString();
    }

    private String cond(Cond c) {
        String rel = switch (c.rel()) {
            case LT -> "<";
            case LE -> "\\leq";
            case GT -> ">";
            case GE -> "\\geq";
        };
        return sum(c.left(), Follow.NONE) + " " + rel + " " + sum(c.right(), Follow.NONE);
    }

    private String diff(Diff d) {
        String op = "\\frac{\\partial}{\\partial " + name(d.var()) + "} ";
        Expr b = d.body();
        boolean bare = switch (b) {
            case Var v -> true;
            case Const c -> true;
            case Num n -> !n.isNegative() && n.isInteger();
            case Call c -> true;
            case Diff inner -> true;
            case Pow p -> {
                Kind k = power(p).kind;
                yield k == Kind.SYMBOL || k == Kind.CALL;
            }
            default -> false;
        };
        String body = sum(b, Follow.NONE);
        return op + (bare ? body : group(body));
    }

    /** Parentheses, stretched only around tall contents (stretched ones are set apart from a preceding name). */
    private static String group(String inner) {
        return tall(inner) ? "\\left(" + inner + "\\right)" : "(" + inner + ")";
    }

    private static boolean tall(String latex) {
        return latex.contains("\\frac") || latex.contains("\\begin") || latex.contains("\\sqrt") || latex.contains("\\left");
    }
}
