package deriv.parse;

import static deriv.expr.Expr.*;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Fn;
import deriv.expr.Greek;
import deriv.expr.Program;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Builds {@link Program}s from the parse tree: resolves names (built-ins, user functions,
 * intermediates, constants), checks arity and definitions, and reports each problem at its token.
 */
final class AstBuilder {
    private static final Set<String> RESERVED = Set.of("diff", "if");
    private static final int MAX_EXPONENT = 1000;

    private final Source source;
    private final Map<String, Definition> defined = new LinkedHashMap<>();
    private final Map<String, Position> definedAt = new HashMap<>();
    private final Map<String, Position> namePositions = new LinkedHashMap<>();
    /** Names used so far as free variables, to catch a definition that comes after its use. */
    private final Map<String, Position> usedFree = new HashMap<>();
    /** Every function the program defines, to tell "defined later" from "unknown". */
    private final Map<String, Position> functionsAhead = new HashMap<>();
    private String defining;
    private List<String> params = List.of();

    AstBuilder(Source source) { this.source = source; }

    Map<String, Position> namePositions() { return namePositions; }

    Program build(DerivParser.ProgramContext ctx) {
        List<Definition> defs = new ArrayList<>();
        Expr body = null;
        for (DerivParser.StatementContext st : ctx.statement()) {
            if (st instanceof DerivParser.FunctionDefinitionContext f) {
                functionsAhead.putIfAbsent(Greek.spell(f.name.getText()), pos(f.name));
            }
        }
        for (DerivParser.StatementContext st : ctx.statement()) {
            switch (st) {
                case DerivParser.FunctionDefinitionContext f -> defs.add(function(f));
                case DerivParser.IntermediateDefinitionContext d -> defs.add(intermediate(d));
                case DerivParser.ExpressionStatementContext e -> body = expr(e.expr());
                default -> throw new IllegalStateException(st.getClass().getName());
            }
        }
        if (ctx.statement().isEmpty()) throw error(ctx.getStart(), "empty input: expected an expression");
        // the value of a program is its last expression, so it must end with one
        if (!(ctx.statement().getLast() instanceof DerivParser.ExpressionStatementContext)) {
            throw error(ctx.statement().getLast().getStart(),
                "the program ends with a definition: add an expression after it to give the program a value");
        }
        return new Program(new Definitions(defs), body);
    }

    private Definition function(DerivParser.FunctionDefinitionContext f) {
        String name = Greek.spell(f.name.getText());
        checkDefinable(f.name, name, true);
        List<String> params = new ArrayList<>();
        for (Token p : f.params) {
            String pn = Greek.spell(p.getText());
            if (params.contains(pn)) throw error(p, "parameter '" + pn + "' appears twice");
            params.add(pn);
        }
        defining = name;
        this.params = params;
        Expr body = expr(f.expr());
        this.params = List.of();
        defining = null;
        Definition d = new Definition.Function(name, params, body);
        define(f.name, name, d);
        return d;
    }

    private Definition intermediate(DerivParser.IntermediateDefinitionContext d) {
        String name = Greek.spell(d.name.getText());
        checkDefinable(d.name, name, false);
        defining = name;
        Expr body = expr(d.expr());
        defining = null;
        Definition def = new Definition.Intermediate(name, body);
        define(d.name, name, def);
        return def;
    }

    private void checkDefinable(Token at, String name, boolean function) {
        if (RESERVED.contains(name)) throw error(at, "'" + name + "' is reserved and cannot be defined");
        // a value may take a Greek letter's name that is also an alias (sigma := 0.5); a function may not
        if (Fn.isBuiltin(name) && (function || !Greek.isName(name))) {
            throw error(at, "'" + name + "' is a built-in function and cannot be redefined");
        }
        if (defined.containsKey(name)) {
            Position p = definedAt.get(name);
            throw error(at, "'" + name + "' is defined twice (first definition: line " + p.line() + ", column " + p.column() + ")");
        }
        if (usedFree.containsKey(name)) {
            Position p = usedFree.get(name);
            throw error(at, "'" + name + "' is defined after it is used (first use: line " + p.line() + ", column "
                + p.column() + "); definitions must come before their uses");
        }
    }

    private void define(Token at, String name, Definition d) {
        defined.put(name, d);
        definedAt.put(name, pos(at));
    }

    // ------------------------------------------------------------------------------- expressions

    /** {@code a + b - c}: one sum; {@link Expr#add} flattens, so this equals folding add/sub from the left. */
    Expr expr(DerivParser.ExprContext ctx) {
        if (ctx.terms.size() == 1) return term(ctx.terms.getFirst());
        List<Expr> terms = new ArrayList<>(ctx.terms.size());
        terms.add(term(ctx.terms.getFirst()));
        for (int i = 1; i < ctx.terms.size(); i++) {
            Expr r = term(ctx.terms.get(i));
            terms.add(ctx.ops.get(i - 1).getType() == DerivLexer.PLUS ? r : neg(r));
        }
        return add(terms);
    }

    /** {@code a * b / c}: one product, equal to folding {@link Expr#mul}/{@link Expr#div} from the left. */
    private Expr term(DerivParser.TermContext ctx) {
        if (ctx.factors.size() == 1) return signed(ctx.factors.getFirst());
        List<Expr> factors = new ArrayList<>();
        addFactor(factors, signed(ctx.factors.getFirst()));
        for (int i = 1; i < ctx.factors.size(); i++) {
            Expr r = signed(ctx.factors.get(i));
            if (ctx.ops.get(i - 1).getType() == DerivLexer.SLASH) {
                Expr.divideInto(factors, r);
                continue;
            }
            addFactor(factors, r);
        }
        return mul(factors);
    }

    private static void addFactor(List<Expr> factors, Expr f) {
        if (f instanceof Mul m) factors.addAll(m.factors()); else factors.add(f);
    }

    private Expr signed(DerivParser.SignedContext ctx) {
        return switch (ctx) {
            case DerivParser.SignContext s -> {
                Expr e = signed(s.signed());
                yield s.op.getType() == DerivLexer.MINUS ? neg(e) : e;
            }
            case DerivParser.UnsignedContext u -> power(u.power());
            default -> throw new IllegalStateException(ctx.getClass().getName());
        };
    }

    private Expr power(DerivParser.PowerContext p) {
        if (p.exponent == null) return atom(p.base);
        Expr exp = signed(p.exponent);
        // e^u is the exponential function, unless the program defines e or a parameter is called e
        if (p.base instanceof DerivParser.NameContext n && n.ID().getText().equals("e")
            && !defined.containsKey("e") && !params.contains("e")) {
            return Expr.call("exp", exp);
        }
        return pow(atom(p.base), exp);
    }

    private Expr atom(DerivParser.AtomContext ctx) {
        return switch (ctx) {
            case DerivParser.NumberContext n -> number(n.NUMBER().getSymbol());
            case DerivParser.NameContext n -> name(n.ID().getSymbol());
            case DerivParser.ParensContext p -> expr(p.expr());
            case DerivParser.CallContext c -> call(c);
            default -> throw new IllegalStateException(ctx.getClass().getName());
        };
    }

    private Expr number(Token t) {
        String text = t.getText();
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(t, "malformed number '" + text + "'");
        }
        if (Math.abs((long) d.scale()) > MAX_EXPONENT || d.precision() - d.scale() > MAX_EXPONENT) {
            throw error(t, "number '" + text + "' is out of range (at most " + MAX_EXPONENT + " digits and exponents from -"
                + MAX_EXPONENT + " to " + MAX_EXPONENT + ")");
        }
        BigInteger unscaled = d.unscaledValue();
        if (d.scale() >= 0) return new Num(unscaled, BigInteger.TEN.pow(d.scale()));
        return new Num(unscaled.multiply(BigInteger.TEN.pow(-d.scale())), BigInteger.ONE);
    }

    private Expr name(Token t) {
        String name = Greek.spell(t.getText());
        if (name.equals(defining) && !params.contains(name)) {
            throw error(t, "the definition of '" + name + "' refers to itself (definitions cannot be recursive)");
        }
        if (RESERVED.contains(name)) throw error(t, "'" + name + "' needs arguments: " + name + "(...)");
        if (defined.get(name) instanceof Definition.Function) {
            throw error(t, "'" + name + "' is a function: call it as " + name + "(...)");
        }
        if (params.contains(name)) return var(name);
        namePositions.putIfAbsent(name, pos(t));
        if (!defined.containsKey(name)) {
            if (name.equals("e")) return Const.E;
            if (name.equals("pi")) return Const.PI;
            usedFree.putIfAbsent(name, pos(t));
        }
        return var(name);
    }

    private Expr call(DerivParser.CallContext c) {
        Token nameTok = c.ID().getSymbol();
        String name = Greek.spell(nameTok.getText());
        List<DerivParser.ArgumentContext> args = c.argument();
        if (name.equals(defining)) {
            throw error(nameTok, "the definition of '" + name + "' refers to itself (definitions cannot be recursive)");
        }
        namePositions.putIfAbsent(name, pos(nameTok));
        switch (name) {
            case "diff" -> { return diff(c, nameTok, args); }
            case "if" -> { return piecewise(nameTok, args); }
            default -> {}
        }
        if (defined.get(name) instanceof Definition.Function f) {
            if (args.size() != f.params().size()) {
                throw error(nameTok, name + " takes " + count(f.params().size(), "argument") + ", but "
                    + given(args.size()));
            }
            return new Call(name, values(args));
        }
        if (defined.get(name) instanceof Definition.Intermediate) {
            throw error(nameTok, "'" + name + "' is defined as a value, not a function: write " + name + "*(...) to multiply");
        }
        var fn = Fn.lookup(name);
        if (fn.isEmpty()) {
            if (functionsAhead.containsKey(name)) {
                Position p = functionsAhead.get(name);
                throw error(nameTok, "'" + name + "' is called before it is defined (definition: line " + p.line()
                    + ", column " + p.column() + "); definitions must come before their uses");
            }
            String hint = suggestion(name);
            if (hint != null) throw error(nameTok, "unknown function '" + name + "'; did you mean '" + hint + "'?");
            boolean variable = usedFree.containsKey(name) || name.length() <= 2;
            throw error(nameTok, "unknown function '" + name + "'" + (variable ? " (to multiply, write " + name + "*(...))" : ""));
        }
        Fn f = fn.get();
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            String takes = f.minArgs() == f.maxArgs() ? count(f.minArgs(), "argument")
                : f.minArgs() + " or " + f.maxArgs() + " arguments";
            throw error(nameTok, f.name() + " takes " + takes + ", but " + given(args.size()));
        }
        return new Call(f.name(), values(args));
    }

    private Expr diff(DerivParser.CallContext c, Token nameTok, List<DerivParser.ArgumentContext> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw error(nameTok, "diff takes an expression, a variable and optionally an order, as in diff(x^2, x) or "
                + "diff(x^3, x, 2), but " + given(args.size()));
        }
        Expr body = value(args.get(0));
        DerivParser.ArgumentContext v = args.get(1);
        String var = plainName(v);
        if (var == null) {
            throw error(v.getStart(), "diff differentiates with respect to a variable name, as in diff(x^2, x), not '"
                + shorten(source.text(), v) + "'");
        }
        if (defined.get(var) instanceof Definition.Function) {
            throw error(v.getStart(), "cannot differentiate with respect to the function '" + var + "'");
        }
        namePositions.putIfAbsent(var, pos(v.getStart()));
        if (!defined.containsKey(var) && !params.contains(var)) usedFree.putIfAbsent(var, pos(v.getStart()));
        int order = 1;
        if (args.size() == 3) {
            DerivParser.ArgumentContext o = args.get(2);
            Expr oe = value(o);
            if (!(oe instanceof Num n) || !n.isInteger() || n.signum() <= 0 || n.num().compareTo(BigInteger.valueOf(100)) > 0) {
                throw error(o.getStart(), "the order of diff must be a whole number from 1 to 100");
            }
            order = n.num().intValue();
        }
        Expr d = body;
        for (int i = 0; i < order; i++) d = new Diff(d, var);
        return d;
    }

    private String plainName(DerivParser.ArgumentContext a) {
        if (a.rel != null) return null;
        DerivParser.ExprContext e = a.expr(0);
        if (e.terms.size() == 1 && e.terms.getFirst().factors.size() == 1
            && e.terms.getFirst().factors.getFirst() instanceof DerivParser.UnsignedContext u
            && u.power().exponent == null && u.power().base instanceof DerivParser.NameContext n) {
            String name = Greek.spell(n.ID().getText());
            if (name.equals("e") && !defined.containsKey("e") || name.equals("pi") && !defined.containsKey("pi")) return null;
            return name;
        }
        return null;
    }

    private Expr piecewise(Token nameTok, List<DerivParser.ArgumentContext> args) {
        if (args.size() < 3 || args.size() % 2 == 0) {
            throw error(nameTok, "if takes a condition, a value and an otherwise value, as in if(x > 0, x, 0) "
                + "(more branches: if(c1, a, c2, b, otherwise)), but " + given(args.size()));
        }
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            DerivParser.ArgumentContext c = args.get(i);
            if (c.rel == null) {
                throw error(c.getStart(), "expected a condition such as x > 0 as argument " + (i + 1) + " of if(...)");
            }
            Cond cond = new Cond(expr(c.expr(0)), Rel.of(normaliseRel(c.rel.getText())), expr(c.expr(1)));
            branches.add(new Branch(cond, value(args.get(i + 1))));
        }
        return new Piecewise(branches, value(args.getLast()));
    }

    private static String normaliseRel(String s) {
        return switch (s) { case "\u2264" -> "<="; case "\u2265" -> ">="; default -> s; };
    }

    private List<Expr> values(List<DerivParser.ArgumentContext> args) {
        List<Expr> out = new ArrayList<>();
        for (DerivParser.ArgumentContext a : args) out.add(value(a));
        return out;
    }

    private Expr value(DerivParser.ArgumentContext a) {
        if (a.rel != null) throw error(a.rel, "a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0)");
        return expr(a.expr(0));
    }

    // ------------------------------------------------------------------------------- helpers

    private String suggestion(String name) {
        if (name.length() < 2) return null;
        String best = null;
        int bestD = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(Fn.allNames());
        for (var d : defined.values()) if (d instanceof Definition.Function) candidates.add(d.name());
        for (String cand : candidates) {
            if (cand.length() < 2) continue;
            int d = distance(Fn.key(name), Fn.key(cand));
            if (d < bestD) { bestD = d; best = cand; }
        }
        int allowed = name.length() <= 3 ? 1 : 2;
        return bestD <= allowed ? best : null;
    }

    /** Edit distance counting a swap of two neighbours as one edit (tnah is one edit from tanh). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The source text of a parse-tree node, cut to a readable length. */
    private static String shorten(String text, org.antlr.v4.runtime.ParserRuleContext c) {
        int from = c.getStart().getStartIndex(), to = c.getStop().getStopIndex() + 1;
        String s = from >= 0 && to <= text.length() && from < to ? text.substring(from, to) : c.getText();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String count(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

    private static String given(int n) { return n == 1 ? "1 was given" : n + " were given"; }

    private static Position pos(Token t) { return new Position(t.getLine(), t.getCharPositionInLine() + 1); }

    private DerivException error(Token t, String message) {
        return new DerivException(Diagnostic.at(source, t.getLine(), t.getCharPositionInLine() + 1, message));
    }
}
