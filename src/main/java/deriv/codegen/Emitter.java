package deriv.codegen;

import deriv.codegen.Dag.Node;
import deriv.expr.Expr.Num;
import deriv.expr.Expr.Rel;
import deriv.expr.Fn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Source code for a {@link GradProgram}: a function {@code f} and its gradient, as straight-line
 * code with a temporary for each shared value (the reverse-mode DAG, written out). Each language
 * supplies its literals, calls and file layout; the expression printing is shared.
 */
public abstract class Emitter {

    /**
     * @param main      also a program: {@code name=value} arguments, prints {@code f = ...} and each partial
     * @param className Java's class name
     * @param source    the expression, for the header comment
     */
    public record Options(boolean main, String className, String source) {
        public Options { if (className == null) className = "Gen"; }
    }

    /** The source text of {@code p} in {@code lang}. */
    public static String emit(GradProgram p, Language lang, Options opts) {
        Emitter e = switch (lang) {
            case JAVA -> new JavaEmitter(p, opts);
            case PYTHON -> new PythonEmitter(p, opts);
            case C -> new CEmitter(p, opts);
        };
        return e.file();
    }

    // precedence: higher binds tighter
    static final int TERNARY = 1, CMP = 3, ADD = 4, MUL = 5, UNARY = 6, POWER = 7, ATOM = 8;

    /** Printed code and how tightly it binds. */
    record Code(String text, int prec) {
        String at(int min) { return prec >= min ? text : "(" + text + ")"; }
    }

    /** The statements of one function body and its result expressions. */
    record Body(List<String[]> temps, List<String> results) {}

    protected final GradProgram p;
    protected final Dag dag;
    protected final Options opts;
    protected final Language lang;
    /** Variable name to identifier, in parameter order. */
    protected final Map<String, String> ids;

    protected Emitter(GradProgram p, Options opts, Language lang, Set<String> avoid) {
        this.p = p;
        this.dag = p.dag();
        this.opts = opts;
        this.lang = lang;
        this.ids = Names.assign(lang, p.params(), avoid);
    }

    /** The whole file. */
    protected abstract String file();

    protected abstract String literal(double v);

    protected abstract Code select(Code cond, Code ifTrue, Code ifFalse);

    /** {@code base^k} with the interpreter's meaning (odd roots of negatives are real); base is an atom when odd. */
    protected abstract Code powc(Code base, Num k);

    protected abstract Code pow(Code base, Code exp);

    protected abstract String template(Fn fn);

    /** Identifiers of the parameters, in order. */
    protected List<String> paramIds() { return new ArrayList<>(ids.values()); }

    protected static boolean oddRoot(Num k) {
        return !k.isInteger() && k.den().testBit(0) && k.den().bitLength() < 31;
    }

    /** Arguments that must be atoms: ones a template writes twice, and the base of an odd root. */
    private boolean atomArg(Dag d, int id, int i) {
        Node n = d.node(id);
        return switch (n.op()) {
            case CALL -> {
                String t = template((Fn) n.payload());
                yield t.indexOf("$" + i) != t.lastIndexOf("$" + i);
            }
            case POWC -> oddRoot((Num) n.payload());
            default -> false;
        };
    }

    /**
     * When true, temporaries are elements of an array {@code t[k]} and parameters elements of
     * {@code v[i]} (for code split into several methods).
     */
    protected boolean arrays;

    /** Straight-line code for the roots: temporaries {@code t0, t1, ...} and an expression per root. */
    protected Body body(int... roots) {
        Lowering low = new Lowering(dag, roots, new Lowering.Target(false, false, 10, this::atomArg));
        Map<Integer, String> names = new HashMap<>();
        List<String[]> temps = new ArrayList<>();
        for (int id : low.temps()) {
            String text = compute(id, low, names).text();
            String name = arrays ? "t[" + temps.size() + "]" : "t" + temps.size();
            names.put(id, name);
            temps.add(new String[] {name, text});
        }
        List<String> results = new ArrayList<>();
        for (int r : roots) results.add(code(r, low, names).text());
        return new Body(temps, results);
    }

    private Code code(int id, Lowering low, Map<Integer, String> names) {
        String name = names.get(id);
        if (name != null) return new Code(name, ATOM);
        return compute(id, low, names);
    }

    private Code compute(int id, Lowering low, Map<Integer, String> names) {
        Node n = dag.node(id);
        int[] a = n.args();
        return switch (n.op()) {
            case CONST -> {
                String s = literal((Double) n.payload());
                yield new Code(s, s.startsWith("-") ? UNARY : ATOM);
            }
            case INPUT -> new Code(arrays ? "v[" + p.params().indexOf((String) n.payload()) + "]" : ids.get((String) n.payload()), ATOM);
            case ADD -> binary(code(a[0], low, names), " + ", code(a[1], low, names), ADD);
            case SUB -> binary(code(a[0], low, names), " - ", code(a[1], low, names), ADD);
            case MUL -> binary(code(a[0], low, names), " * ", code(a[1], low, names), MUL);
            case DIV -> binary(code(a[0], low, names), " / ", code(a[1], low, names), MUL);
            case NEG -> {
                String s = code(a[0], low, names).at(UNARY);
                yield new Code("-" + (s.startsWith("-") ? "(" + s + ")" : s), UNARY);
            }
            case POWC -> powc(code(a[0], low, names), (Num) n.payload());
            case POW -> pow(code(a[0], low, names), code(a[1], low, names));
            case CALL -> {
                List<Code> args = new ArrayList<>();
                for (int x : a) args.add(code(x, low, names));
                yield call((Fn) n.payload(), args);
            }
            case CMP -> {
                Code l = code(a[0], low, names), r = code(a[1], low, names);
                yield new Code(l.at(ADD) + " " + ((Rel) n.payload()).symbol + " " + r.at(ADD), CMP);
            }
            case SELECT -> select(code(a[0], low, names), code(a[1], low, names), code(a[2], low, names));
        };
    }

    // left-associative: the right operand binds tighter, so (a - (b - c)) keeps its parentheses
    private static Code binary(Code l, String op, Code r, int prec) {
        return new Code(l.at(prec) + op + r.at(prec + 1), prec);
    }

    private Code call(Fn fn, List<Code> args) {
        String t = template(fn);
        for (int i = args.size() - 1; i >= 0; i--) {
            String hole = "$" + i;
            StringBuilder sb = new StringBuilder();
            int from = 0;
            for (int at = t.indexOf(hole); at >= 0; at = t.indexOf(hole, from)) {
                sb.append(t, from, at);
                // a whole argument of a call needs no parentheses of its own
                boolean bare = (t.startsWith("(", at - 1) || t.startsWith(", ", at - 2))
                    && (t.startsWith(")", at + hole.length()) || t.startsWith(",", at + hole.length()));
                sb.append(bare ? args.get(i).text() : args.get(i).at(ATOM));
                from = at + hole.length();
            }
            t = sb.append(t.substring(from)).toString();
        }
        return new Code(t, selfContained(t) ? ATOM : TERNARY);
    }

    /** {@code name(...)} or {@code (...)} with the parenthesis opened first closed last. */
    private static boolean selfContained(String t) {
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) return false;
        for (int i = 0; i < open; i++) {
            char c = t.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) return false;
        }
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i == t.length() - 1;
        }
        return false;
    }

    /** The header comment's text: the expression in plain ASCII, shortened. */
    protected String describe() {
        String s = opts.source() == null ? "" : opts.source();
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c >= 32 && c < 127 && c != '\\' ? c : c == '\n' ? ' ' : '?');
        String out = sb.toString().strip();
        return out.length() > 200 ? out.substring(0, 197) + "..." : out;
    }

    /** A string literal of a name: ASCII only, with {@code \}{@code uXXXX} escapes (Java and Python). */
    protected static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c >= 32 && c < 127) sb.append(c);
            else sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.append('"').toString();
    }
}
