package deriv.cli;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Step;
import deriv.eval.Evaluator;
import deriv.eval.FiniteDifference;
import deriv.eval.Sampler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Greek;
import deriv.expr.Printer;
import deriv.parse.DerivException;
import deriv.parse.Parsed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the commands. */
final class Commands {
    private Commands() {}

    /** Largest --order accepted. */
    static final int MAX_ORDER = 100;

    /** The program's expression with every diff(...) evaluated. */
    static Expr resolveDiffs(Parsed parsed) {
        return new Differentiator(parsed.program().definitions()).resolve(parsed.program().body());
    }

    /** The sequence of variables to differentiate by: each --wrt (comma lists allowed), or one repeated --order times. */
    static List<String> wrtList(List<String> wrt, int order, Parsed parsed) {
        List<String> vars = new ArrayList<>();
        for (String w : wrt) for (String v : w.split(",")) vars.add(checkVar(v.strip(), parsed));
        if (order < 1 || order > MAX_ORDER) throw DerivException.general("--order must be from 1 to " + MAX_ORDER + ", got " + order);
        if (order > 1) {
            if (vars.size() != 1) throw DerivException.general("--order needs exactly one --wrt variable (for mixed partials give several --wrt)");
            String v = vars.getFirst();
            for (int i = 1; i < order; i++) vars.add(v);
        }
        return vars;
    }

    static String checkVar(String v, Parsed parsed) {
        if (v.isEmpty()) throw DerivException.general("--wrt needs a variable name");
        if (!v.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) throw DerivException.general("--wrt: '" + v + "' is not a variable name");
        String name = Greek.spell(v);
        if (parsed.program().definitions().function(name).isPresent()) {
            throw DerivException.general("--wrt: '" + name + "' is a function, not a variable");
        }
        boolean used = Exprs.freeVars(parsed.program().definitions().expand(parsed.program().body())).contains(name);
        if (!used && (name.equals("e") || name.equals("pi"))) throw DerivException.general("--wrt: '" + name + "' is a constant, not a variable");
        if (!used && deriv.expr.Fn.isBuiltin(name)) throw DerivException.general("--wrt: '" + name + "' is a built-in function, not a variable");
        return name;
    }

    /** The derivation of the program's expression by {@code vars}, simplified unless {@code raw}. */
    static Derivation derive(Parsed parsed, List<String> vars, boolean raw) {
        return deriv.Deriv.diff(parsed, vars, !raw);
    }

    static double value(Parsed parsed, Expr e, Map<String, Double> at) {
        try {
            return Evaluator.eval(e, parsed.program().definitions(), at);
        } catch (Evaluator.UnboundVariable u) {
            throw noValue(parsed, u.name);
        }
    }

    private static DerivException noValue(Parsed parsed, String name) {
        return new DerivException(parsed.at(name, "no value for '" + name + "': give it with --at " + name + "=..."));
    }

    /** The value of {@code e} evaluated on its hash-consed DAG: each shared node once, however large its tree. */
    static double dagValue(Parsed parsed, Expr e, Map<String, Double> at) {
        deriv.codegen.GradProgram prog = deriv.codegen.GradProgram.of(e, parsed.program().definitions(), null, List.of());
        double[] x = new double[prog.params().size()];
        for (int i = 0; i < x.length; i++) {
            String name = prog.params().get(i);
            Double v = at.get(name);
            if (v == null) throw noValue(parsed, name);
            x[i] = v;
        }
        return new deriv.codegen.DagInterpreter(prog).value(x);
    }

    /** Tolerance of --check: relative to max(1, |value|). */
    static final double CHECK_TOLERANCE = 1e-5;

    /**
     * Compares the derivation's result with central differences of the input at random points away
     * from kinks. Prints a report to {@code err}; returns 0 when it agrees, 1 when not.
     */
    static int check(Parsed parsed, Derivation der, List<String> vars, PrintWriter err, Map<String, Object> json) {
        Definitions defs = parsed.program().definitions();
        Expr f = new Differentiator(defs).resolve(parsed.program().body());
        // the numeric reference of a higher derivative: differences of the (exact) derivative one order below
        Expr g = f;
        String last = vars.getLast();
        if (vars.size() > 1) g = Differentiator.derive(f, vars.subList(0, vars.size() - 1), defs).result();
        List<String> free = new ArrayList<>(Exprs.freeVars(defs.expand(f)));
        for (String v : vars) if (!free.contains(v)) free.add(v);
        // d/dk by an intermediate k holds k as a variable: its value is drawn, not computed
        defs = Differentiator.holding(defs, last);
        Sampler sampler = new Sampler(List.of(f, der.result()), defs, free, 20261122L);
        double worst = 0;
        Map<String, Double> worstAt = null;
        int points = 0;
        for (int i = 0; i < 20; i++) {
            Map<String, Double> p = sampler.next(200);
            if (p == null) break;
            double exact = Evaluator.eval(der.result(), defs, p);
            double numeric = FiniteDifference.derivative(g, defs, p, last);
            if (!Double.isFinite(numeric)) continue;
            points++;
            double e = FiniteDifference.relativeError(exact, numeric);
            if (e >= worst) { worst = e; worstAt = p; }
        }
        boolean ok = points > 0 && worst <= CHECK_TOLERANCE;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("passed", ok);
        report.put("points", points);
        report.put("maxRelativeError", worst);
        report.put("tolerance", CHECK_TOLERANCE);
        if (worstAt != null) report.put("worstPoint", worstAt);
        json.put("check", report);
        if (points == 0) err.println("check: no point in the domain away from kinks was found; nothing was compared");
        else err.printf("check: %s: largest relative error %.3g over %d points (tolerance %.0e)%n",
            ok ? "passed" : "FAILED", worst, points, CHECK_TOLERANCE);
        return ok ? 0 : 1;
    }

    static String latex(Expr e) {
        return deriv.latex.LatexPrinter.print(e);
    }

    /** The whole derivation as an aligned block of = lines, each annotated with its rule. */
    static String latex(Derivation d) {
        return deriv.latex.DerivationLatex.latex(d, deriv.latex.DerivationLatex.Options.allSteps());
    }

    static List<Object> stepsJson(List<Step> steps) {
        List<Object> out = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", s.rule());
            m.put("before", Printer.print(s.before()));
            m.put("after", Printer.print(s.after()));
            if (s.let() != null) {
                Map<String, Object> let = new LinkedHashMap<>();
                let.put("name", s.let().name());
                let.put("value", Printer.print(s.let().value()));
                m.put("let", let);
            }
            if (s.note() != null) m.put("note", s.note());
            m.put("substeps", stepsJson(s.substeps()));
            out.add(m);
        }
        return out;
    }

    /** Java's shortest round-trip form of a double. */
    static String number(double v) {
        return Double.toString(v);
    }
}
