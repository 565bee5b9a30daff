package deriv.expr;

import static deriv.expr.Expr.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A built-in function: everything deriv knows about it in one entry. Adding a function is one
 * entry in {@link #TABLE} plus tests.
 *
 * @param name      canonical name, as printed
 * @param aliases   other spellings accepted by the parser (matching ignores case and underscores)
 * @param minArgs   fewest arguments
 * @param defaults  values of optional trailing arguments (LeakyReLU's slope)
 * @param eval      double-precision value
 * @param partials  derivative with respect to each argument, built from the arguments
 * @param rule      the textbook name of the rule that differentiates it
 * @param latex     how the LaTeX printer writes it
 * @param code      expression templates per target language; {@code $0}, {@code $1} are arguments
 * @param kinks     expressions that are zero exactly where the function is not differentiable
 */
public record Fn(String name, List<String> aliases, int minArgs, List<Expr> defaults, Eval eval,
                 List<Function<List<Expr>, Expr>> partials, String rule, Latex latex, Code code,
                 Function<List<Expr>, List<Expr>> kinks) {

    public int maxArgs() { return minArgs + defaults.size(); }

    /** The arguments of a call with defaults filled in. */
    public List<Expr> withDefaults(List<Expr> args) {
        if (args.size() >= maxArgs()) return args;
        List<Expr> all = new ArrayList<>(args);
        for (int i = args.size() - minArgs; i < defaults.size(); i++) all.add(defaults.get(i));
        return all;
    }

    public double apply(double... args) { return eval.apply(args); }

    @FunctionalInterface public interface Eval { double apply(double[] a); }

    /** How a function is typeset: {@code \sin(x)}, {@code \operatorname{relu}(x)}, {@code |x|}, {@code \sqrt{x}}, {@code e^{x}}. */
    public record Latex(Kind kind, String command) {
        public enum Kind { FUNCTION, ABS, SQRT, EXP }
        static Latex fn(String command) { return new Latex(Kind.FUNCTION, command); }
        static Latex op(String name) { return new Latex(Kind.FUNCTION, "\\operatorname{" + name + "}"); }
    }

    /** Expression templates in each emitted language, with {@code $i} for argument i. */
    public record Code(String java, String python, String c) {}

    // ------------------------------------------------------------------------------ the table

    private static Expr one() { return Num.ONE; }
    private static Expr sq(Expr u) { return pow(u, 2); }
    private static Expr c(String fn, Expr... a) { return call(fn, a); }
    private static Function<List<Expr>, List<Expr>> atZero() { return a -> List.of(a.getFirst()); }
    private static Function<List<Expr>, List<Expr>> none() { return a -> List.of(); }

    private static Fn unary(String name, List<String> aliases, Eval eval, Function<Expr, Expr> d, String rule,
                            Latex latex, Code code) {
        return new Fn(name, aliases, 1, List.of(), eval, List.of(a -> d.apply(a.getFirst())), rule, latex, code, none());
    }

    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double z = Math.exp(x);
        return z / (1 + z);
    }

    static double softplus(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }

    /** Every built-in, in the order of the language reference. */
    public static final List<Fn> TABLE = List.of(
        // d/du sin u = cos u
        unary("sin", List.of(), a -> Math.sin(a[0]), u -> c("cos", u), "SinRule", Latex.fn("\\sin"),
              new Code("Math.sin($0)", "np.sin($0)", "sin($0)")),
        // d/du cos u = -sin u
        unary("cos", List.of(), a -> Math.cos(a[0]), u -> neg(c("sin", u)), "CosRule", Latex.fn("\\cos"),
              new Code("Math.cos($0)", "np.cos($0)", "cos($0)")),
        // d/du tan u = sec^2 u
        unary("tan", List.of(), a -> Math.tan(a[0]), u -> sq(c("sec", u)), "TanRule", Latex.fn("\\tan"),
              new Code("Math.tan($0)", "np.tan($0)", "tan($0)")),
        // d/du sec u = sec u tan u
        unary("sec", List.of(), a -> 1 / Math.cos(a[0]), u -> mul(c("sec", u), c("tan", u)), "SecRule", Latex.fn("\\sec"),
              new Code("(1.0 / Math.cos($0))", "(1.0 / np.cos($0))", "(1.0 / cos($0))")),
        // d/du csc u = -csc u cot u
        unary("csc", List.of(), a -> 1 / Math.sin(a[0]), u -> mul(num(-1), c("csc", u), c("cot", u)), "CscRule", Latex.fn("\\csc"),
              new Code("(1.0 / Math.sin($0))", "(1.0 / np.sin($0))", "(1.0 / sin($0))")),
        // d/du cot u = -csc^2 u
        unary("cot", List.of(), a -> 1 / Math.tan(a[0]), u -> neg(sq(c("csc", u))), "CotRule", Latex.fn("\\cot"),
              new Code("(1.0 / Math.tan($0))", "(1.0 / np.tan($0))", "(1.0 / tan($0))")),
        // d/du asin u = 1/sqrt(1 - u^2)
        unary("asin", List.of("arcsin"), a -> Math.asin(a[0]), u -> pow(sub(one(), sq(u)), num(-1, 2)), "ArcsinRule",
              Latex.fn("\\arcsin"), new Code("Math.asin($0)", "np.arcsin($0)", "asin($0)")),
        // d/du acos u = -1/sqrt(1 - u^2)
        unary("acos", List.of("arccos"), a -> Math.acos(a[0]), u -> neg(pow(sub(one(), sq(u)), num(-1, 2))), "ArccosRule",
              Latex.fn("\\arccos"), new Code("Math.acos($0)", "np.arccos($0)", "acos($0)")),
        // d/du atan u = 1/(1 + u^2)
        unary("atan", List.of("arctan"), a -> Math.atan(a[0]), u -> pow(add(one(), sq(u)), -1), "ArctanRule",
              Latex.fn("\\arctan"), new Code("Math.atan($0)", "np.arctan($0)", "atan($0)")),
        // d/du sinh u = cosh u
        unary("sinh", List.of(), a -> Math.sinh(a[0]), u -> c("cosh", u), "SinhRule", Latex.fn("\\sinh"),
              new Code("Math.sinh($0)", "np.sinh($0)", "sinh($0)")),
        // d/du cosh u = sinh u
        unary("cosh", List.of(), a -> Math.cosh(a[0]), u -> c("sinh", u), "CoshRule", Latex.fn("\\cosh"),
              new Code("Math.cosh($0)", "np.cosh($0)", "cosh($0)")),
        // d/du tanh u = 1 - tanh^2 u
        unary("tanh", List.of(), a -> Math.tanh(a[0]), u -> sub(one(), sq(c("tanh", u))), "TanhRule", Latex.fn("\\tanh"),
              new Code("Math.tanh($0)", "np.tanh($0)", "tanh($0)")),
        // d/du e^u = e^u
        unary("exp", List.of(), a -> Math.exp(a[0]), u -> c("exp", u), "ExponentialRule", new Latex(Latex.Kind.EXP, "e"),
              new Code("Math.exp($0)", "np.exp($0)", "exp($0)")),
        // d/du ln u = 1/u
        unary("ln", List.of("log"), a -> Math.log(a[0]), u -> pow(u, -1), "LogarithmRule", Latex.fn("\\ln"),
              new Code("Math.log($0)", "np.log($0)", "log($0)")),
        // d/du sqrt u = 1/(2 sqrt u)
        unary("sqrt", List.of(), a -> Math.sqrt(a[0]), u -> mul(num(1, 2), pow(c("sqrt", u), -1)), "SqrtRule",
              new Latex(Latex.Kind.SQRT, "\\sqrt"), new Code("Math.sqrt($0)", "np.sqrt($0)", "sqrt($0)")),
        // d/du |u| = sign(u)   (0 at u = 0, as PyTorch)
        new Fn("abs", List.of(), 1, List.of(), a -> Math.abs(a[0]), List.of(a -> c("sign", a.getFirst())), "AbsRule",
               new Latex(Latex.Kind.ABS, "|"), new Code("Math.abs($0)", "np.abs($0)", "fabs($0)"), atZero()),
        // d/du sign u = 0   (taken as 0 at u = 0 too)
        new Fn("sign", List.of("sgn"), 1, List.of(), a -> Math.signum(a[0]), List.of(a -> Num.ZERO), "SignRule",
               Latex.op("sign"), new Code("Math.signum($0)", "np.sign($0)", "(double)(($0 > 0) - ($0 < 0))"), atZero()),
        // d/du sigma(u) = sigma(u)(1 - sigma(u))
        unary("sigmoid", List.of("σ", "sigma", "logistic"), a -> sigmoid(a[0]),
              u -> mul(c("sigmoid", u), sub(one(), c("sigmoid", u))), "SigmoidRule", Latex.fn("\\sigma"),
              new Code("(1.0 / (1.0 + Math.exp(-$0)))", "(1.0 / (1.0 + np.exp(-$0)))", "(1.0 / (1.0 + exp(-$0)))")),
        // d/du relu(u) = 1 if u > 0 else 0
        new Fn("relu", List.of(), 1, List.of(), a -> Math.max(a[0], 0.0),  // NaN stays NaN, as in PyTorch
               List.of(a -> step(a.getFirst(), one(), Num.ZERO)), "ReluRule", Latex.op("ReLU"),
               new Code("($0 > 0 ? $0 : 0.0)", "np.where($0 > 0, $0, 0.0)", "($0 > 0 ? $0 : 0.0)"), atZero()),
        // d/du LeakyReLU(u, a) = 1 if u > 0 else a;  d/da = 0 if u > 0 else u
        new Fn("LeakyReLU", List.of(), 1, List.of(num(1, 100)), a -> a[0] > 0 ? a[0] : a[1] * a[0],
               List.of(a -> step(a.get(0), one(), a.get(1)), a -> step(a.get(0), Num.ZERO, a.get(0))), "LeakyReluRule",
               Latex.op("LeakyReLU"),
               new Code("($0 > 0 ? $0 : $1 * $0)", "np.where($0 > 0, $0, $1 * $0)", "($0 > 0 ? $0 : $1 * $0)"), atZero()),
        // d/du softplus(u) = sigma(u)
        unary("softplus", List.of(), a -> softplus(a[0]), u -> c("sigmoid", u), "SoftplusRule", Latex.op("softplus"),
              new Code("(Math.max($0, 0.0) + Math.log1p(Math.exp(-Math.abs($0))))",
                       "(np.maximum($0, 0.0) + np.log1p(np.exp(-np.abs($0))))",
                       "(fmax($0, 0.0) + log1p(exp(-fabs($0))))")),
        // d/da min(a, b) = 1 if a < b, 0 if a > b, 1/2 at a tie (PyTorch splits the gradient)
        new Fn("min", List.of(), 2, List.of(), a -> Math.min(a[0], a[1]),
               List.of(a -> tie(a.get(0), Rel.LT, a.get(1)), a -> tie(a.get(1), Rel.LT, a.get(0))), "MinRule",
               Latex.fn("\\min"), new Code("Math.min($0, $1)", "np.minimum($0, $1)", "fmin($0, $1)"),
               a -> List.of(sub(a.get(0), a.get(1)))),
        new Fn("max", List.of(), 2, List.of(), a -> Math.max(a[0], a[1]),
               List.of(a -> tie(a.get(0), Rel.GT, a.get(1)), a -> tie(a.get(1), Rel.GT, a.get(0))), "MaxRule",
               Latex.fn("\\max"), new Code("Math.max($0, $1)", "np.maximum($0, $1)", "fmax($0, $1)"),
               a -> List.of(sub(a.get(0), a.get(1))))
    );

    private static Expr step(Expr u, Expr positive, Expr otherwise) {
        return new Piecewise(List.of(new Branch(new Cond(u, Rel.GT, Num.ZERO), positive)), otherwise);
    }

    private static Expr tie(Expr a, Rel wins, Expr b) {
        Rel loses = wins == Rel.LT ? Rel.GT : Rel.LT;
        return new Piecewise(List.of(new Branch(new Cond(a, wins, b), Num.ONE), new Branch(new Cond(a, loses, b), Num.ZERO)),
                             Num.HALF);
    }

    private static final Map<String, Fn> BY_KEY = new LinkedHashMap<>();
    static {
        for (Fn f : TABLE) {
            BY_KEY.put(key(f.name), f);
            for (String a : f.aliases) BY_KEY.put(key(a), f);
        }
    }

    /** Names match ignoring case and underscores: {@code leaky_relu}, {@code ReLU}. */
    public static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    public static Optional<Fn> lookup(String name) { return Optional.ofNullable(BY_KEY.get(key(name))); }

    /** The built-in with this canonical name; throws if there is none. */
    public static Fn of(String canonical) {
        Fn f = BY_KEY.get(key(canonical));
        if (f == null) throw new IllegalArgumentException("no built-in " + canonical);
        return f;
    }

    public static boolean isBuiltin(String name) { return BY_KEY.containsKey(key(name)); }

    /** Every accepted spelling, for suggestions. */
    public static List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (Fn f : TABLE) { names.add(f.name); names.addAll(f.aliases); }
        return names;
    }
}
