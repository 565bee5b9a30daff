package deriv.parse;

import static deriv.expr.Expr.*;

import deriv.expr.Definition;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Fn;
import deriv.expr.Greek;
import deriv.parse.LatexMathParser.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds {@link Expr} trees from the LaTeX parse tree, the same trees the plain language gives:
 * subscripts join the name ({@code W_{1}} is {@code W1}, {@code \theta_{0}} is {@code theta_0}),
 * {@code e^{x}} is {@code exp(x)}, Leibniz fractions become {@link Diff} nodes, and a derivative
 * operator ({@code \frac{\partial}{\partial a}}) applies to the rest of the product it stands in.
 * One builder serves one source: definitions seen so far resolve later names.
 */
final class LatexAstBuilder {
    private static final Set<String> RESERVED = Set.of("diff", "if");
    private static final int MAX_EXPONENT = 1000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Source source;
    private final Map<String, Definition> defined = new LinkedHashMap<>();
    private final Map<String, Position> definedAt = new HashMap<>();
    private final Map<String, Position> namePositions = new LinkedHashMap<>();
    /** Names used so far as free variables, to catch a definition that comes after its use. */
    private final Map<String, Position> usedFree = new HashMap<>();
    private String defining;
    private List<String> params = List.of();

    LatexAstBuilder(Source source) { this.source = source; }

    Map<String, Position> namePositions() { return namePositions; }

    List<Definition> definitions() { return new ArrayList<>(defined.values()); }

    /** A built-in function or a name this source defines (such words in \text{...} are not prose). */
    boolean knows(String word) { return Fn.isBuiltin(word) || defined.containsKey(word); }

    boolean defines(String name) { return defined.containsKey(name); }

    /** One expression, checked for depth. */
    Expr math(MathContext m) {
        Expr e;
        try {
            e = expr(m.expr());
        } catch (StackOverflowError so) {
            throw error(m.getStart(), "expression too deeply nested");
        }
        if (Exprs.depth(e) > Parsing.MAX_DEPTH) {
            throw error(m.getStart(), "expression nested deeper than " + Parsing.MAX_DEPTH + " levels");
        }
        return e;
    }

    // ------------------------------------------------------------------------------ definitions

    /** What a definition defines: a name, or a function with its parameters. */
    record Head(String name, List<String> params, Token at) {
        boolean isFunction() { return params != null; }
    }

    /** {@code u}, {@code z_{1}}, {@code f(x)}, {@code \operatorname{Linear}(W, b, x)}; empty for anything else. */
    Optional<Head> head(MathContext m) {
        ExprContext e = m.expr();
        if (e.sign != null || e.term().size() != 1) return Optional.empty();
        TermContext t = e.term(0);
        FactorContext f = t.factor();
        if (f.sup != null) return Optional.empty();
        Token at = f.getStart();
        if (t.product().isEmpty()) {
            return switch (f.atom()) {
                case VariableAtomContext v -> Optional.of(new Head(variableName(v.variable()), null, at));
                case OperatorAtomContext o when o.power == null -> {
                    String w = LatexParsing.word(LatexParsing.content(o.OPNAME().getSymbol()));
                    if (!IDENTIFIER.matcher(w).matches() || !(o.fnArg() instanceof ParenArgsContext p)) yield Optional.empty();
                    List<String> ps = paramNames(p.callArgs());
                    yield ps == null ? Optional.empty() : Optional.of(new Head(w, ps, at));
                }
                case NamedAtomContext n -> {
                    String w = LatexParsing.word(LatexParsing.content(n.NAME().getSymbol()));
                    if (!IDENTIFIER.matcher(w).matches()) yield Optional.empty();
                    if (n.sub != null) w = subscripted(w, subscript(n.sub));
                    if (n.callArgs() == null) yield Optional.of(new Head(w, null, at));
                    if (n.sub != null) yield Optional.empty();
                    List<String> ps = paramNames(n.callArgs());
                    yield ps == null ? Optional.empty() : Optional.of(new Head(w, ps, at));
                }
                case TextAtomContext x -> {
                    String w = LatexParsing.word(LatexParsing.content(x.TEXT().getSymbol()));
                    if (!IDENTIFIER.matcher(w).matches()) yield Optional.empty();
                    if (x.callArgs() == null) yield Optional.of(new Head(w, null, at));
                    List<String> ps = paramNames(x.callArgs());
                    yield ps == null ? Optional.empty() : Optional.of(new Head(w, ps, at));
                }
                default -> Optional.empty();
            };
        }
        if (t.product().size() == 1 && f.atom() instanceof VariableAtomContext v
            && t.product(0) instanceof ImplicitProductContext ip && ip.factor().sup == null
            && ip.factor().atom() instanceof ParensContext p) {
            List<String> ps = paramNames(p.callArgs());
            return ps == null ? Optional.empty() : Optional.of(new Head(variableName(v.variable()), ps, at));
        }
        return Optional.empty();
    }

    private List<String> paramNames(CallArgsContext c) {
        List<String> out = new ArrayList<>();
        for (ExprContext e : c.expr()) {
            if (e.sign != null || e.term().size() != 1 || !e.term(0).product().isEmpty()) return null;
            FactorContext f = e.term(0).factor();
            if (f.sup != null || !(f.atom() instanceof VariableAtomContext v)) return null;
            out.add(variableName(v.variable()));
        }
        return out;
    }

    /** Parses and records {@code target := value}. */
    Definition define(LatexParsing.DefinitionTokens d) {
        if (d.target().isEmpty()) throw error(d.op(), "expected a name before '" + d.op().getText() + "'");
        if (d.value().isEmpty()) throw error(d.op(), "expected a value after '" + d.op().getText() + "'");
        MathContext target = LatexParsing.parse(source, d.target());
        Head h = head(target).orElseThrow(() ->
            error(d.target().getFirst(), "expected a name to define, as in u := 1 + x or f(x) := x^{2}"));
        return define(h, LatexParsing.parse(source, d.value()));
    }

    Definition define(Head h, MathContext value) {
        String name = h.name();
        checkDefinable(h.at(), name);
        Definition d;
        defining = name;
        if (h.isFunction()) {
            List<String> ps = new ArrayList<>();
            for (String p : h.params()) {
                if (ps.contains(p)) throw error(h.at(), "parameter '" + p + "' appears twice");
                ps.add(p);
            }
            params = ps;
            Expr body = math(value);
            params = List.of();
            d = new Definition.Function(name, ps, body);
        } else {
            d = new Definition.Intermediate(name, math(value));
        }
        defining = null;
        defined.put(name, d);
        definedAt.put(name, pos(h.at()));
        namePositions.putIfAbsent(name, pos(h.at()));
        return d;
    }

    private void checkDefinable(Token at, String name) {
        if (RESERVED.contains(name)) throw error(at, "'" + name + "' is reserved and cannot be defined");
        if (Fn.isBuiltin(name)) throw error(at, "'" + name + "' is a built-in function and cannot be redefined");
        if (defined.containsKey(name)) {
            throw error(at, "'" + name + "' is already defined (line " + definedAt.get(name).line() + ")");
        }
        if (usedFree.containsKey(name)) {
            throw error(at, "'" + name + "' is defined after it is used (line " + usedFree.get(name).line() + ")");
        }
    }

    // ------------------------------------------------------------------------------ sums, products

    Expr expr(ExprContext e) { return exprFrom(e, 0); }

    /** The expression without the first {@code skip} factors of its first term (the d of {@code \frac{dE}{dx}}). */
    private Expr exprFrom(ExprContext e, int skip) {
        List<TermContext> ts = e.term();
        List<Expr> terms = new ArrayList<>(ts.size());
        for (int k = 0; k < ts.size(); k++) {
            Expr t = product(pieces(raws(ts.get(k), k == 0 ? skip : 0)), 0);
            boolean minus = k == 0 ? e.sign != null && e.sign.getType() == LatexMathLexer.MINUS
                                   : e.ops.get(k - 1).getType() == LatexMathLexer.MINUS;
            terms.add(minus ? neg(t) : t);
        }
        return add(terms);
    }

    /** A factor of a product as written: its operator ({@code /}) and sign ({@code \cdot -x}). */
    private record Raw(boolean divide, boolean negate, boolean explicit, ParserRuleContext factor) {}

    private sealed interface Item permits Val, Op {}
    private record Val(Expr e) implements Item {}
    /** A derivative operator {@code \frac{d}{dx}}; {@code vars} apply from the last (innermost) to the first. */
    private record Op(List<String> vars, Token at, String latex) implements Item {}

    private record Piece(boolean divide, boolean negate, Item item) {}

    private List<Raw> raws(TermContext t, int skip) {
        List<ProductContext> products = t.product();
        List<Raw> out = new ArrayList<>(products.size() + 1);
        out.add(new Raw(false, false, false, t.factor()));
        for (ProductContext p : products) {
            switch (p) {
                case ExplicitProductContext x -> out.add(new Raw(
                    x.op.getType() == LatexMathLexer.SLASH || x.op.getType() == LatexMathLexer.DIV,
                    x.sign != null && x.sign.getType() == LatexMathLexer.MINUS, true, x.factor()));
                case ImplicitProductContext i -> out.add(new Raw(false, false, false, i.factor()));
                default -> throw new IllegalStateException(p.getClass().getName());
            }
        }
        if (skip >= out.size()) throw error(t.getStop(), "expected an expression after '" + t.getStop().getText() + "'");
        return out.subList(skip, out.size());
    }

    private List<Raw> raws(List<BareContext> bares) {
        List<Raw> out = new ArrayList<>();
        for (BareContext b : bares) out.add(new Raw(false, false, false, b));
        return out;
    }

    /** Values and derivative operators; a function name followed by parentheses becomes a call. */
    private List<Piece> pieces(List<Raw> raws) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            Item item;
            if (r.factor() instanceof FactorContext f) {
                if (f.atom() instanceof VariableAtomContext v) {
                    String name = variableName(v.variable());
                    String fn = functionOfLetter(name, v.variable());
                    if (fn != null) {
                        Raw next = i + 1 < raws.size() ? raws.get(i + 1) : null;
                        if (next != null && !next.explicit() && next.factor() instanceof FactorContext nf
                            && nf.atom() instanceof ParensContext p) {
                            // \sigma^{2}(x) is sigmoid(x)^2, as \tanh^{2}(x)
                            Expr call = apply(fn, callArgs(p.callArgs()), v.getStart());
                            if (f.sup != null) call = pow(call, exponent(f.sup));
                            if (nf.sup != null) call = pow(call, exponent(nf.sup));
                            out.add(new Piece(r.divide(), r.negate(), new Val(call)));
                            i++;
                            continue;
                        }
                        if (f.sup == null && defined.get(fn) instanceof Definition.Function) {
                            throw error(v.getStart(), "'" + fn + "' is a function: call it as " + fn + "(...)");
                        }
                    }
                }
                if (f.atom() instanceof FractionAtomContext fa) {
                    item = fractionItem(fa.fraction());
                    if (item instanceof Op && f.sup != null) throw error(f.CARET().getSymbol(), "a derivative operator cannot be raised to a power");
                    if (item instanceof Val(Expr e) && f.sup != null) item = new Val(pow(e, exponent(f.sup)));
                } else {
                    item = new Val(factor(f));
                }
            } else {
                BareContext b = (BareContext) r.factor();
                if (b.bareAtom() instanceof BareFractionContext bf) {
                    item = fractionItem(bf.fraction());
                    if (item instanceof Op && b.sup != null) throw error(b.CARET().getSymbol(), "a derivative operator cannot be raised to a power");
                    if (item instanceof Val(Expr e) && b.sup != null) item = new Val(pow(e, exponent(b.sup)));
                } else {
                    item = new Val(bare(b));
                }
            }
            out.add(new Piece(r.divide(), r.negate(), item));
        }
        return out;
    }

    /**
     * The product of the pieces from {@code from}, left to right ({@code a/b c} is {@code (a/b) c}).
     * A derivative operator takes everything after it: {@code 2 \frac{d}{dx} x^2 y} is {@code 2 diff(x^2 y, x)}.
     */
    private Expr product(List<Piece> ps, int from) {
        // the factors so far, flat; a number divided by a number folds as in div()
        List<Expr> fs = new ArrayList<>();
        for (int i = from; i < ps.size(); i++) {
            Piece p = ps.get(i);
            Expr v;
            boolean done = false;
            switch (p.item()) {
                case Val(Expr e) -> v = e;
                case Op(List<String> vars, Token at, String latex) -> {
                    if (i + 1 >= ps.size()) throw error(at, "the derivative operator " + latex + " needs an expression after it");
                    v = diff(product(ps, i + 1), vars);
                    done = true;
                }
            }
            if (p.negate()) v = neg(v);
            if (!p.divide()) {
                if (v instanceof Mul m) fs.addAll(m.factors()); else fs.add(v);
            } else {
                Expr.divideInto(fs, v);
            }
            if (done) break;
        }
        return mul(fs);
    }

    private static Expr diff(Expr body, List<String> vars) {
        Expr d = body;
        for (int i = vars.size() - 1; i >= 0; i--) d = new Diff(d, vars.get(i));
        return d;
    }

    /** The built-in or user function a single letter names when followed by parentheses: \sigma(x), f(x). */
    private String functionOfLetter(String name, VariableContext v) {
        if (params.contains(name)) return null;
        if (defined.get(name) instanceof Definition.Function) return name;
        if (defined.containsKey(name)) return null;
        if (name.equals("sigma") && v.sub == null) return "sigmoid";
        return null;
    }

    // ------------------------------------------------------------------------------ factors

    private Expr factor(FactorContext f) {
        if (f.sup == null) return atom(f.atom());
        if (isBareE(f.atom())) return call("exp", exponent(f.sup));
        return pow(atom(f.atom()), exponent(f.sup));
    }

    private boolean isBareE(AtomContext a) {
        if (a instanceof NamedAtomContext n && n.sub == null && n.callArgs() == null) {
            // \mathrm{e}^{x}, the upright e of Euler's number
            return LatexParsing.word(LatexParsing.content(n.NAME().getSymbol())).equals("e") && !defined.containsKey("e");
        }
        return a instanceof VariableAtomContext v && isBareE(v.variable());
    }

    private boolean isBareE(VariableContext v) {
        return v.sub == null && v.name.getText().equals("e") && !defined.containsKey("e") && !params.contains("e");
    }

    private Expr bare(BareContext b) {
        BareAtomContext a = b.bareAtom();
        if (b.sup != null && a instanceof BareVariableContext v && isBareE(v.variable())) return call("exp", exponent(b.sup));
        Expr base = switch (a) {
            case BareNumberContext n -> number(n.number());
            case BareVariableContext v -> variable(v.variable());
            case BareCallContext c -> {
                // \log \sigma(z): a function letter applied inside a bare argument
                String fn = functionOfLetter(variableName(c.variable()), c.variable());
                if (fn != null) yield apply(fn, callArgs(c.callArgs()), c.getStart());
                if (c.callArgs().expr().size() > 1) {
                    throw error(c.callArgs().COMMA(0).getSymbol(), "a list (a, b) is allowed only as the arguments of a function");
                }
                yield mul(variable(c.variable()), expr(c.callArgs().expr(0)));
            }
            case BareFractionContext f -> fractionValue(f.fraction());
            case BareRootContext r -> root(r.root());
            case BareGroupContext g -> expr(g.expr());
            case BareAbsContext x -> call("abs", expr(x.expr()));
            case BareAbsVertContext x -> call("abs", expr(x.expr()));
            default -> throw new IllegalStateException(a.getClass().getName());
        };
        return b.sup == null ? base : pow(base, exponent(b.sup));
    }

    private Expr atom(AtomContext a) {
        return switch (a) {
            case NumberAtomContext n -> number(n.number());
            case VariableAtomContext v -> variable(v.variable());
            case PartialAtomContext p -> throw error(p.getStart(),
                "\\partial belongs in a derivative such as \\frac{\\partial f}{\\partial x}");
            case DifferentialAtomContext d -> throw error(d.getStart(),
                d.getText() + " belongs in a derivative such as \\frac{" + d.getText() + " f}{" + d.getText() + " x}");
            case FractionAtomContext f -> fractionValue(f.fraction());
            case RootAtomContext r -> root(r.root());
            case FunctionAtomContext f -> function(f);
            case OperatorAtomContext o -> applyName(o.OPNAME().getSymbol(), true,
                o.power == null ? null : exponent(o.power), fnArgs(o.fnArg()));
            case NamedAtomContext n -> named(n.NAME().getSymbol(), n.sub, n.callArgs() == null ? null : callArgs(n.callArgs()));
            case TextAtomContext x -> applyName(x.TEXT().getSymbol(), false, null,
                x.callArgs() == null ? null : callArgs(x.callArgs()));
            case ParensContext p -> {
                if (p.callArgs().expr().size() > 1) {
                    throw error(p.callArgs().COMMA(0).getSymbol(), "a list (a, b) is allowed only as the arguments of a function");
                }
                yield expr(p.callArgs().expr(0));
            }
            case BracketsContext b -> expr(b.expr());
            case CurlyBracketsContext c -> expr(c.expr());
            case GroupContext g -> expr(g.expr());
            case AbsContext x -> call("abs", expr(x.expr()));
            case AbsVertContext x -> call("abs", expr(x.expr()));
            case StyledContext s -> argValue(s.arg());
            case AccentedContext x -> {
                String base = loneName(x.arg());
                if (base == null) throw error(x.getStart(), x.ACCENT().getText() + " must be over one letter, as in " + x.ACCENT().getText() + "{y}");
                String accent = x.ACCENT().getText().substring(1).replace("wide", "").replace("overline", "bar");
                yield name(base + accent, x.getStart());
            }
            case CasesContext c -> cases(c);
            default -> throw new IllegalStateException(a.getClass().getName());
        };
    }

    private Expr number(NumberContext n) { return numberValue(n.getText(), n.getStart()); }

    private Expr numberValue(String text, Token at) {
        BigDecimal d = new BigDecimal(text);
        if (Math.abs((long) d.scale()) > MAX_EXPONENT || d.precision() - d.scale() > MAX_EXPONENT) {
            throw error(at, "number '" + text + "' is out of range");
        }
        BigInteger unscaled = d.unscaledValue();
        if (d.scale() >= 0) return new Num(unscaled, BigInteger.TEN.pow(d.scale()));
        return new Num(unscaled.multiply(BigInteger.TEN.pow(-d.scale())), BigInteger.ONE);
    }

    /** The value of a command argument: braces, or one token ({@code \frac12}). */
    private Expr argValue(ArgContext a) {
        return switch (a) {
            case BracedArgContext b -> expr(b.expr());
            case TokenArgContext t -> tokenValue(t.tok);
            default -> throw new IllegalStateException(a.getClass().getName());
        };
    }

    private Expr tokenValue(Token t) {
        return switch (t.getType()) {
            case LatexMathLexer.NUMBER -> {
                checkOneDigit(t, "");
                yield numberValue(t.getText(), t);
            }
            case LatexMathLexer.LETTER, LatexMathLexer.GREEK -> name(letterName(t), t);
            default -> throw error(t, "\\partial belongs in a derivative such as \\frac{\\partial f}{\\partial x}");
        };
    }

    /** A superscript; TeX takes one token without braces, so x^23 is x^{2}3: that is refused as a likely slip. */
    private Expr exponent(ArgContext a) {
        if (a instanceof TokenArgContext t && t.tok.getType() == LatexMathLexer.NUMBER) checkOneDigit(t.tok, "^");
        return argValue(a);
    }

    /** TeX takes one digit as an argument without braces: x^23 is x^{2}3, so a longer number there is refused. */
    private void checkOneDigit(Token t, String script) {
        String digits = t.getText();
        if (digits.length() == 1) return;
        if (script.isEmpty()) {
            throw error(t, "LaTeX takes one digit as an argument without braces: write {" + digits + "}");
        }
        throw error(t, "LaTeX reads " + script + digits + " as " + script + "{" + digits.charAt(0) + "} followed by "
            + digits.substring(1) + ": write " + script + "{" + digits + "}");
    }

    private Expr root(RootContext r) {
        Expr x = argValue(r.radicand);
        if (r.index == null) return call("sqrt", x);
        Expr n = expr(r.index);
        if (n.equals(Num.TWO)) return call("sqrt", x);
        return pow(x, div(Num.ONE, n));
    }

    // ------------------------------------------------------------------------------ names

    /** A letter's name: {@code \varepsilon} is epsilon, {@code θ} is theta. */
    private static String letterName(Token t) {
        String s = t.getText();
        if (t.getType() == LatexMathLexer.GREEK) {
            String name = s.substring(1);
            if (name.startsWith("var") && Greek.isName(name.substring(3))) name = name.substring(3);
            return name;
        }
        return Greek.spell(s);
    }

    /**
     * A subscripted name, matching the LaTeX printer: an all-digit subscript on a name without
     * digits is written together ({@code W_{1}} is {@code W1}, {@code \theta_{0}} is {@code theta0},
     * {@code \mathrm{loss}_{2}} is {@code loss2}); any other keeps the underscore ({@code w_{ij}} is
     * {@code w_ij}, {@code h_{\theta}} is {@code h_theta}).
     */
    static String subscripted(String base, String sub) {
        boolean digits = !sub.isEmpty() && sub.chars().allMatch(c -> c >= '0' && c <= '9');
        if (digits && base.chars().noneMatch(c -> c >= '0' && c <= '9')) return base + sub;
        return base + "_" + sub;
    }

    String variableName(VariableContext v) {
        String base = letterName(v.name);
        return v.sub == null ? base : subscripted(base, subscript(v.sub));
    }

    private String subscript(ArgContext a) {
        if (a instanceof TokenArgContext t) {
            if (t.tok.getType() == LatexMathLexer.NUMBER) checkOneDigit(t.tok, "_");
            if (t.tok.getType() == LatexMathLexer.PARTIAL) throw error(t.tok, SUBSCRIPT);
            return letterName(t.tok);
        }
        // letters, digits and names side by side: w_{ij}, x_{12}, h_{\theta}, x_{\alpha_{1}}
        ExprContext e = ((BracedArgContext) a).expr();
        if (e.sign != null || e.term().size() != 1) throw error(e.getStart(), SUBSCRIPT);
        TermContext t = e.term(0);
        List<FactorContext> fs = new ArrayList<>();
        fs.add(t.factor());
        for (ProductContext p : t.product()) {
            if (!(p instanceof ImplicitProductContext ip)) throw error(p.getStart(), SUBSCRIPT);
            fs.add(ip.factor());
        }
        StringBuilder sb = new StringBuilder();
        for (FactorContext f : fs) {
            if (f.sup != null) throw error(f.CARET().getSymbol(), SUBSCRIPT);
            switch (f.atom()) {
                case VariableAtomContext v -> sb.append(variableName(v.variable()));
                case NumberAtomContext n when !n.getText().contains(".") -> sb.append(n.getText());
                case NamedAtomContext n when n.callArgs() == null && n.sub == null -> sb.append(identifier(n.NAME().getSymbol()));
                case TextAtomContext x when x.callArgs() == null -> sb.append(identifier(x.TEXT().getSymbol()));
                default -> throw error(f.getStart(), SUBSCRIPT);
            }
        }
        return sb.toString();
    }

    private static final String SUBSCRIPT = "a subscript must be letters and digits, as in x_{1} or w_{ij}";

    private String identifier(Token t) {
        String w = LatexParsing.word(LatexParsing.content(t));
        if (!IDENTIFIER.matcher(w).matches()) throw error(t, SUBSCRIPT);
        return w;
    }

    private Expr variable(VariableContext v) { return name(variableName(v), v.getStart()); }

    /** A name's value: a parameter, an intermediate, a free variable, or the constants e and pi. */
    private Expr name(String name, Token at) {
        if (params.contains(name)) return var(name);
        if (name.equals(defining)) throw error(at, "the definition of '" + name + "' refers to itself");
        if (defined.get(name) instanceof Definition.Function) {
            throw error(at, "'" + name + "' is a function: call it as " + name + "(...)");
        }
        namePositions.putIfAbsent(name, pos(at));
        if (!defined.containsKey(name)) {
            if (name.equals("e")) return Const.E;
            if (name.equals("pi")) return Const.PI;
            usedFree.putIfAbsent(name, pos(at));
        }
        return var(name);
    }

    /** The name of a lone variable ({@code x}, {@code W_1}, {@code \mathrm{lr}}), or null. */
    private String loneName(ArgContext a) {
        if (a instanceof TokenArgContext t) {
            return t.tok.getType() == LatexMathLexer.LETTER || t.tok.getType() == LatexMathLexer.GREEK ? letterName(t.tok) : null;
        }
        ExprContext e = ((BracedArgContext) a).expr();
        if (e.sign != null || e.term().size() != 1 || !e.term(0).product().isEmpty()) return null;
        FactorContext f = e.term(0).factor();
        return f.sup == null ? loneName(f.atom()) : null;
    }

    private String loneName(AtomContext a) {
        return switch (a) {
            case VariableAtomContext v -> variableName(v.variable());
            case NamedAtomContext n when n.callArgs() == null -> {
                String w = LatexParsing.word(LatexParsing.content(n.NAME().getSymbol()));
                if (!IDENTIFIER.matcher(w).matches()) yield null;
                yield n.sub == null ? w : subscripted(w, subscript(n.sub));
            }
            case StyledContext s -> loneName(s.arg());
            case GroupContext g -> {
                ExprContext e = g.expr();
                if (e.sign != null || e.term().size() != 1 || !e.term(0).product().isEmpty() || e.term(0).factor().sup != null) yield null;
                yield loneName(e.term(0).factor().atom());
            }
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------ functions

    private Expr function(FunctionAtomContext f) {
        Token tok = f.FUNC().getSymbol();
        Fn fn = Fn.lookup(tok.getText().substring(1)).orElseThrow();
        Expr result = apply(fn.name(), fnArgs(f.fnArg()), tok);
        if (f.base != null) {
            if (!fn.name().equals("ln")) throw error(f.UNDERSCORE().getSymbol(), tok.getText() + " takes no subscript");
            if (f.base instanceof TokenArgContext t && t.tok.getType() == LatexMathLexer.NUMBER) checkOneDigit(t.tok, "_");
            result = div(result, call("ln", argValue(f.base)));
        }
        if (f.power != null) {
            Expr p = exponent(f.power);
            if (p.equals(Num.MINUS_ONE)) {
                // sin^{-1} is arcsin by convention; for other functions the reading is unclear
                String inverse = switch (fn.name()) { case "sin" -> "asin"; case "cos" -> "acos"; case "tan" -> "atan"; default -> null; };
                if (inverse == null) {
                    throw error(f.CARET().getSymbol(), tok.getText() + "^{-1} is ambiguous: write \\frac{1}{" + tok.getText()
                        + " x} for the reciprocal");
                }
                return new Call(inverse, ((Call) result).args());
            }
            result = pow(result, p);
        }
        return result;
    }

    private List<Expr> fnArgs(FnArgContext a) {
        return switch (a) {
            case ParenArgsContext p -> callArgs(p.callArgs());
            case BracketArgsContext b -> List.of(expr(b.expr()));
            case BareArgsContext b -> List.of(product(pieces(raws(b.bare())), 0));
            default -> throw new IllegalStateException(a.getClass().getName());
        };
    }

    private List<Expr> callArgs(CallArgsContext c) {
        List<Expr> out = new ArrayList<>();
        for (ExprContext e : c.expr()) out.add(expr(e));
        return out;
    }

    /** {@code \operatorname{...}} or {@code \mathrm{...}}, with a subscript making a variable ({@code \mathrm{loss}_{1}}). */
    private Expr named(Token tok, ArgContext sub, List<Expr> args) {
        if (sub == null) return applyName(tok, false, null, args);
        Expr v = name(subscripted(identifier(tok), subscript(sub)), tok);
        if (args == null) return v;
        if (args.size() != 1) throw error(tok, "a list (a, b) is allowed only as the arguments of a function");
        return mul(v, args.getFirst());
    }

    /**
     * {@code \operatorname{...}}, {@code \mathrm{...}} or {@code \text{...}}: a built-in or user
     * function when it names one, else a variable with a multi-letter name. An
     * {@code \operatorname} always names a function.
     */
    private Expr applyName(Token tok, boolean functionOnly, Expr power, List<Expr> args) {
        String w = LatexParsing.word(LatexParsing.content(tok));
        if (!IDENTIFIER.matcher(w).matches()) {
            throw error(tok, tok.getType() == LatexMathLexer.TEXT ? "unexpected text '" + w + "'" : "'" + w + "' is not a name");
        }
        boolean user = !params.contains(w) && defined.get(w) instanceof Definition.Function;
        boolean builtin = !params.contains(w) && !defined.containsKey(w) && Fn.isBuiltin(w);
        if (user || builtin) {
            if (args == null) throw error(tok, "'" + w + "' is a function: call it as " + tok.getText() + "(...)");
            Expr c = apply(w, args, tok);
            return power == null ? c : pow(c, power);
        }
        if (functionOnly) {
            String hint = suggestion(w);
            throw error(tok, "unknown function '" + w + "'" + (hint == null ? "" : "; did you mean '" + hint + "'?"));
        }
        Expr v = name(w, tok);
        if (power != null) v = v.equals(Const.E) ? call("exp", power) : pow(v, power);
        if (args == null) return v;
        if (args.size() != 1) throw error(tok, "'" + w + "' is not a function, so it takes no list of arguments");
        return mul(v, args.getFirst());
    }

    /** A call of a user function or built-in, with its arity checked. */
    private Expr apply(String name, List<Expr> args, Token at) {
        if (name.equals(defining)) throw error(at, "the definition of '" + name + "' refers to itself");
        if (!params.contains(name) && defined.get(name) instanceof Definition.Function f) {
            if (args.size() != f.params().size()) {
                throw error(at, name + " takes " + count(f.params().size(), "argument") + ", but " + given(args.size()));
            }
            namePositions.putIfAbsent(name, pos(at));
            return new Call(name, args);
        }
        Fn f = Fn.lookup(name).orElseThrow(() -> error(at, "unknown function '" + name + "'"));
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            String takes = f.minArgs() == f.maxArgs() ? count(f.minArgs(), "argument") : f.minArgs() + " or " + f.maxArgs() + " arguments";
            throw error(at, f.name() + " takes " + takes + ", but " + given(args.size()));
        }
        return new Call(f.name(), args);
    }

    // ------------------------------------------------------------------------------ derivatives

    /** The differentials of a denominator such as {@code \partial a}, {@code dx^2}, {@code \partial x \partial y}. */
    private record Differentials(List<String> vars, List<Token> at, boolean partial) {}

    private record Marker(int order, boolean operator, Token at) {}

    private Item fractionItem(FractionContext fraction) {
        if (fraction instanceof DigitFractionContext d) {
            // \frac12: the command's only two digits
            String digits = d.getText().replaceAll("[^0-9]", "");
            return new Val(div(Num.of(digits.charAt(0) - '0'), Num.of(digits.charAt(1) - '0')));
        }
        FullFractionContext f = (FullFractionContext) fraction;
        Differentials den = differentials(f.denom);
        if (den != null) {
            Marker m = marker(f.numer);
            Token at = f.FRAC().getSymbol();
            if (m != null) {
                for (int i = 0; i < den.vars().size(); i++) diffVar(den.vars().get(i), den.at().get(i));
                if (m.order() != den.vars().size()) {
                    throw error(m.at(), "the order of the numerator (" + m.order() + ") does not match the denominator ("
                        + den.vars().size() + ")");
                }
                if (m.operator()) return new Op(den.vars(), at, source.text().substring(at.getStartIndex(), f.getStop().getStopIndex() + 1));
                Expr body = exprFrom(((BracedArgContext) f.numer).expr(), 1);
                return new Val(diff(body, den.vars()));
            }
            if (den.partial()) {
                // \frac{E}{\partial a}: homework shorthand for the derivative of E
                for (int i = 0; i < den.vars().size(); i++) diffVar(den.vars().get(i), den.at().get(i));
                return new Val(diff(argValue(f.numer), den.vars()));
            }
        }
        // \frac{A}{B} reads as A/B does in the plain language (Expr.divideInto)
        return new Val(div(argValue(f.numer), argValue(f.denom)));
    }

    private Expr fractionValue(FractionContext f) {
        return switch (fractionItem(f)) {
            case Val(Expr e) -> e;
            case Op op -> throw error(op.at(), "the derivative operator " + op.latex() + " needs an expression after it");
        };
    }

    private Differentials differentials(ArgContext a) {
        if (!(a instanceof BracedArgContext b)) return null;
        ExprContext e = b.expr();
        if (e.sign != null || e.term().size() != 1) return null;
        TermContext t = e.term(0);
        List<FactorContext> fs = new ArrayList<>();
        fs.add(t.factor());
        for (ProductContext p : t.product()) {
            if (!(p instanceof ImplicitProductContext ip)) return null;
            fs.add(ip.factor());
        }
        if (fs.size() % 2 != 0) return null;
        List<String> vars = new ArrayList<>();
        List<Token> at = new ArrayList<>();
        boolean partial = false;
        for (int i = 0; i < fs.size(); i += 2) {
            FactorContext m = fs.get(i), v = fs.get(i + 1);
            if (m.sup != null) return null;
            Boolean isPartial = markerKind(m.atom());
            if (isPartial == null) return null;
            partial |= isPartial;
            String name = loneName(v.atom());
            if (name == null) return null;
            int order = 1;
            if (v.sup != null) {
                // dx^2 in a denominator: the order; any other power means this is no differential
                if (!(v.sup instanceof TokenArgContext tk && tk.tok.getType() == LatexMathLexer.NUMBER)
                    && !(v.sup instanceof BracedArgContext)) return null;
                if (!(exponent(v.sup) instanceof Num n && n.isInteger() && n.signum() > 0 && n.num().bitLength() < 7)) return null;
                order = n.num().intValue();
            }
            for (int k = 0; k < order; k++) { vars.add(name); at.add(v.getStart()); }
        }
        return new Differentials(vars, at, partial);
    }

    /** True for \partial, false for d or \mathrm{d}, null for anything else. */
    private Boolean markerKind(AtomContext a) {
        return switch (a) {
            case PartialAtomContext p -> true;
            case DifferentialAtomContext d -> false;
            case VariableAtomContext v when v.variable().sub == null && v.variable().name.getText().equals("d")
                && !defined.containsKey("d") -> false;
            default -> null;
        };
    }

    /** The d or \partial that starts a Leibniz numerator, with its order; null when there is none. */
    private Marker marker(ArgContext a) {
        if (a instanceof TokenArgContext t) {
            boolean m = t.tok.getType() == LatexMathLexer.PARTIAL
                || t.tok.getType() == LatexMathLexer.LETTER && t.tok.getText().equals("d") && !defined.containsKey("d");
            return m ? new Marker(1, true, t.tok) : null;
        }
        ExprContext e = ((BracedArgContext) a).expr();
        if (e.sign != null) return null;
        TermContext t0 = e.term(0);
        FactorContext f0 = t0.factor();
        if (markerKind(f0.atom()) == null) return null;
        int order = f0.sup == null ? 1 : order(f0.sup);
        boolean operator = t0.product().isEmpty();
        if (operator && e.term().size() > 1) throw error(e.ops.getFirst(), "expected the expression to differentiate after " + f0.getText());
        return new Marker(order, operator, f0.getStart());
    }

    private int order(ArgContext a) {
        Expr e = exponent(a);
        if (e instanceof Num n && n.isInteger() && n.signum() > 0 && n.num().compareTo(BigInteger.valueOf(100)) <= 0) {
            return n.num().intValue();
        }
        throw error(a.getStart(), "the order of a derivative must be a whole number from 1 to 100");
    }

    private void diffVar(String name, Token at) {
        if ((name.equals("e") || name.equals("pi")) && !defined.containsKey(name)) {
            throw error(at, "cannot differentiate with respect to the constant " + name);
        }
        if (defined.get(name) instanceof Definition.Function) {
            throw error(at, "cannot differentiate with respect to the function '" + name + "'");
        }
        namePositions.putIfAbsent(name, pos(at));
        if (!defined.containsKey(name) && !params.contains(name)) usedFree.putIfAbsent(name, pos(at));
    }

    // ------------------------------------------------------------------------------ cases

    private Expr cases(CasesContext c) {
        List<Branch> branches = new ArrayList<>();
        Expr otherwise = null;
        List<CaseRowContext> rows = c.caseRow();
        for (int i = 0; i < rows.size(); i++) {
            CaseRowContext row = rows.get(i);
            boolean last = i == rows.size() - 1;
            Expr value = expr(row.value);
            switch (row.cond) {
                case null -> {
                    if (!last) throw error(row.getStart(), "only the last row of cases may go without a condition");
                    otherwise = value;
                }
                case NoConditionContext n -> {
                    if (!last) throw error(row.getStart(), "only the last row of cases may go without a condition");
                    otherwise = value;
                }
                case ComparisonContext k -> {
                    Cond cond = new Cond(expr(k.left), relation(k.rel), expr(k.right));
                    if (!last) branches.add(new Branch(cond, value));
                    else if (!branches.isEmpty()) otherwise = value;  // taken to cover every remaining case
                    else throw error(c.getStart(), "cases needs two or more rows (the last may be \\text{otherwise})");
                }
                default -> throw new IllegalStateException(row.cond.getClass().getName());
            }
        }
        if (branches.isEmpty()) throw error(c.getStart(), "cases needs a row with a condition, such as x & \\text{if } x > 0");
        return new Piecewise(branches, otherwise);
    }

    private static Rel relation(Token t) {
        return switch (t.getType()) {
            case LatexMathLexer.LT -> Rel.LT;
            case LatexMathLexer.GT -> Rel.GT;
            case LatexMathLexer.LE -> Rel.LE;
            default -> Rel.GE;
        };
    }

    // ------------------------------------------------------------------------------ helpers

    private String suggestion(String name) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(Fn.allNames());
        for (Definition d : defined.values()) if (d instanceof Definition.Function) candidates.add(d.name());
        for (String cand : candidates) {
            int d = distance(Fn.key(name), Fn.key(cand));
            if (d < bestD) { bestD = d; best = cand; }
        }
        int allowed = name.length() <= 3 ? 1 : 2;
        return bestD <= allowed ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    private static String count(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

    private static String given(int n) { return n == 1 ? "1 was given" : n + " were given"; }

    private static Position pos(Token t) { return new Position(t.getLine(), t.getCharPositionInLine() + 1); }

    private DerivException error(Token t, String message) { return LatexParsing.error(source, t, message); }
}
