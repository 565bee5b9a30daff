package deriv.web;

import deriv.Deriv;
import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Rules;
import deriv.diff.Step;
import deriv.eval.Evaluator;
import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Greek;
import deriv.expr.Printer;
import deriv.codegen.Emitter;
import deriv.codegen.GradProgram;
import deriv.codegen.Language;
import deriv.parse.DerivException;
import deriv.parse.Diagnostic;
import deriv.parse.LatexParsing;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import deriv.parse.Source;
import deriv.verify.ChainChecker;
import deriv.verify.ChainEntry;
import deriv.verify.ChainLatex;
import deriv.verify.ChainReport;
import deriv.verify.LatexChain;
import deriv.verify.PlainChain;
import deriv.verify.Reports;
import deriv.verify.Verdict;
import deriv.verify.Verifier;
import deriv.render.Renderer;
import deriv.render.Sheet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON API, one method per endpoint, each from a parsed request body to a {@link Reply}. No
 * HTTP here: {@link WebServer} reads and writes the bytes, this class does the mathematics through
 * the library. The shapes follow the command line's {@code --format json} output; docs/web.md
 * describes every endpoint.
 */
public final class Api {
    /** Longest expression, claim or chain accepted, in characters. */
    public static final int MAX_EXPR = 100_000;
    /** Highest derivative order accepted. */
    public static final int MAX_ORDER = 10;
    /** Most steps given a picture in one answer (the rest carry text and LaTeX only). */
    public static final int MAX_RENDERED_STEPS = 150;
    /** Most samples of one plot. */
    public static final int MAX_PLOT_POINTS = 2_000;

    /** The endpoints, as in {@code POST /api/NAME}. */
    public static final Set<String> ENDPOINTS = Set.of("parse", "diff", "grad", "simplify", "check", "render", "codegen", "plot");

    /** What an endpoint answers: a JSON object, or the bytes of a file. */
    public sealed interface Reply {}

    public record JsonReply(Map<String, Object> body) implements Reply {}

    public record BytesReply(byte[] bytes, String contentType, String filename) implements Reply {}

    /** Answers {@code POST /api/endpoint} with body {@code json}; throws {@link ApiException} for a bad request. */
    public Reply handle(String endpoint, Object json) {
        Request r = new Request(json);
        try {
            return switch (endpoint) {
                case "parse" -> parse(r);
                case "diff" -> diff(r);
                case "grad" -> grad(r);
                case "simplify" -> simplify(r);
                case "check" -> check(r);
                case "render" -> render(r);
                case "codegen" -> codegen(r);
                case "plot" -> plot(r);
                default -> throw new ApiException(404, "no such endpoint: /api/" + endpoint);
            };
        } catch (DerivException e) {
            throw ApiException.of(e.diagnostic(), "expr");
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new ApiException(422, "the computation ran out of memory or stack (the expression is too large)");
        }
    }

    // ---------------------------------------------------------------------------------- endpoints

    /** The live preview: the parsed input in plain syntax and LaTeX, its variables, and a picture. */
    Reply parse(Request r) {
        Input in = input(r, "expr");
        Parsed p = in.parsed;
        Expr body = p.program().body();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", Printer.print(body));
        json.put("format", in.latex ? "latex" : "plain");
        json.put("latex", Maths.latex(body));
        json.put("variables", variables(p));
        List<Object> defs = new ArrayList<>();
        for (Definition d : p.program().definitions().all()) defs.add(d.name());
        json.put("definitions", defs);
        if (r.bool("svg", false)) json.put("svg", svg(Maths.latex(body)));
        return new JsonReply(json);
    }

    /** {@code deriv diff --format json --steps}: the derivative, its LaTeX, and the recorded steps. */
    Reply diff(Request r) {
        Input in = input(r, "expr");
        Parsed p = in.parsed;
        List<String> vars = wrt(r, p, in.latex);
        if (vars.isEmpty()) throw new ApiException(400, "\"wrt\" needs a variable to differentiate with respect to", 0, 0, "wrt", null);
        int order = r.integer("order", 1, 1, MAX_ORDER);
        if (order > 1) {
            if (vars.size() != 1) {
                throw new ApiException(400, "\"order\" above 1 needs exactly one \"wrt\" variable (for mixed partials give several)", 0, 0, "order", null);
            }
            for (int i = 1; i < order; i++) vars.add(vars.getFirst());
        }
        boolean raw = r.bool("raw", false);
        boolean steps = r.bool("steps", true);
        boolean pictures = r.bool("svg", false);
        Map<String, Double> at = r.has("at") ? r.values("at") : null;
        Derivation der = Deriv.diff(p, vars, !raw);
        Expr result = der.result();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", Printer.print(p.program().body()));
        json.put("wrt", vars);
        if (at != null) json.put("value", value(p, result, at));
        json.put("result", Printer.print(result));
        json.put("latex", Maths.latex(result));
        json.put("nodes", Exprs.size(result));
        if (steps) {
            json.put("problem", Printer.print(der.problem()));
            json.put("problemLatex", Maths.latex(der.problem()));
            json.put("steps", stepsJson(der.steps(), pictures ? new int[] {MAX_RENDERED_STEPS} : new int[] {0}));
        }
        if (pictures) {
            Map<String, Object> svg = new LinkedHashMap<>();
            svg.put("problem", svg(Maths.latex(der.problem())));
            svg.put("result", svg(Maths.latex(result)));
            json.put("svg", svg);
        }
        return new JsonReply(json);
    }

    /** {@code deriv grad --format json}: every partial (default: all free variables). */
    Reply grad(Request r) {
        Input in = input(r, "expr");
        Parsed p = in.parsed;
        List<String> vars = wrt(r, p, in.latex);
        if (vars.isEmpty()) vars.addAll(variables(p));
        if (vars.isEmpty()) throw new ApiException(400, "the expression has no variables to differentiate by", 0, 0, "expr", null);
        boolean raw = r.bool("raw", false);
        boolean steps = r.bool("steps", false);
        boolean pictures = r.bool("svg", false);
        Map<String, Double> at = r.has("at") ? r.values("at") : null;
        Map<String, Object> gradient = new LinkedHashMap<>();
        Map<String, Object> latex = new LinkedHashMap<>();
        Map<String, Object> allSteps = new LinkedHashMap<>();
        Map<String, Object> svg = new LinkedHashMap<>();
        Map<String, Object> problemSvg = new LinkedHashMap<>();
        int[] budget = {pictures ? MAX_RENDERED_STEPS : 0};
        for (String v : vars) {
            Derivation d = Deriv.diff(p, List.of(v), !raw);
            gradient.put(v, at != null ? (Object) value(p, d.result(), at) : Printer.print(d.result()));
            latex.put(v, Maths.latex(d.result()));
            if (steps) allSteps.put(v, stepsJson(d.steps(), budget));
            if (pictures) {
                svg.put(v, svg(Maths.latex(d.result())));
                problemSvg.put(v, svg(Maths.latex(d.problem())));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", Printer.print(p.program().body()));
        json.put("wrt", vars);
        json.put("gradient", gradient);
        if (at == null) json.put("latex", latex);
        if (steps) json.put("steps", allSteps);
        if (pictures) {
            json.put("svg", svg);
            json.put("problemSvg", problemSvg);
        }
        return new JsonReply(json);
    }

    /** {@code deriv simplify --format json --steps}. */
    Reply simplify(Request r) {
        Input in = input(r, "expr");
        Parsed p = in.parsed;
        Expr body = resolved(p);
        Derivation d = Deriv.simplify(Derivation.of(body));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", Printer.print(p.program().body()));
        json.put("result", Printer.print(d.result()));
        json.put("latex", Maths.latex(d.result()));
        json.put("nodes", Exprs.size(d.result()));
        if (r.bool("steps", true)) json.put("steps", stepsJson(d.steps(), new int[] {0}));
        return new JsonReply(json);
    }

    /**
     * {@code deriv check --format json}: a claimed derivative ({@code expr}, {@code claim}, {@code wrt})
     * or a whole derivation ({@code chain}: plain lines or a LaTeX document).
     */
    Reply check(Request r) {
        if (r.has("chain")) return new JsonReply(chain(r));
        Input in = input(r, "expr");
        Parsed f = in.parsed;
        List<String> vars = wrt(r, f, in.latex);
        if (vars.size() != 1) throw new ApiException(400, "\"wrt\" must name exactly one variable: the claim is dF/dV", 0, 0, "wrt", null);
        Expr claim = claim(r, f, in.latex);
        Expr body = f.program().body();
        Definitions defs = f.program().definitions();
        Verdict v = Verifier.claim(body, claim, vars.getFirst(), defs);
        Expr correct = v.valid() ? null : Verifier.correct(body, vars.getFirst(), defs);
        Map<String, Object> json = Reports.claimMap(v, correct);
        if (correct != null) {
            json.put("correctLatex", Maths.latex(correct));
            if (r.bool("svg", false)) json.put("correctSvg", svg(Maths.latex(correct)));
        }
        return new JsonReply(json);
    }

    /** The claim, read with the function's definitions in force (plain text) and its errors pointing into the claim. */
    private static Expr claim(Request r, Parsed f, boolean functionLatex) {
        String text = r.string("claim");
        if (text.length() > MAX_EXPR) throw new ApiException(413, "\"claim\" is longer than " + MAX_EXPR + " characters", 0, 0, "claim", null);
        boolean latex = latexWanted(r, text);
        if (latex || functionLatex || f.program().definitions().isEmpty()) return input(r, "claim").parsed.program().body();
        int fLines = f.source().lines().size();
        try {
            return Parsing.program(new Source("<claim>", f.source().text() + "\n" + text)).program().body();
        } catch (DerivException e) {
            Diagnostic d = e.diagnostic();
            if (d.line() > fLines) {
                throw ApiException.of(Diagnostic.at(new Source("<claim>", text), d.line() - fLines, d.column(), d.message()), "claim");
            }
            throw ApiException.of(d, "expr");
        }
    }

    private static Map<String, Object> chain(Request r) {
        return chainReport(chainReport(r), r.bool("svg", false));
    }

    /** The checked derivation in {@code chain}: plain lines, or a LaTeX document when {@code latex} says so. */
    private static ChainReport chainReport(Request r) {
        String text = r.string("chain");
        if (text.length() > MAX_EXPR) throw new ApiException(413, "\"chain\" is longer than " + MAX_EXPR + " characters", 0, 0, "chain", null);
        Source source = new Source("<chain>", text);
        try {
            return ChainChecker.check(latexWanted(r, text) ? LatexChain.read(source) : PlainChain.read(source));
        } catch (DerivException e) {
            throw ApiException.of(e.diagnostic(), "chain");
        }
    }

    /** {@code deriv check --chain --format json}, plus each step's expression as LaTeX (and a picture) under "lines". */
    private static Map<String, Object> chainReport(ChainReport report, boolean pictures) {
        Map<String, Object> m = Reports.chainMap(report);
        List<ChainEntry> entries = report.entries();
        List<Object> lines = new ArrayList<>();
        int budget = MAX_RENDERED_STEPS;
        for (ChainEntry e : entries) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("line", e.line());
            l.put("source", e.source());
            l.put("expr", Printer.print(e.expr()));
            String tex = Maths.latex(e.expr());
            l.put("latex", tex);
            if (pictures && budget-- > 0) l.put("svg", svg(tex));
            lines.add(l);
        }
        m.put("lines", lines);
        return m;
    }

    /** {@code deriv codegen}: source of f and its gradient in python, c or java. */
    Reply codegen(Request r) {
        String langName = r.string("lang", "python");
        Language lang = Language.parse(langName);
        if (lang == null) throw new ApiException(400, "\"lang\" must be python, c or java", 0, 0, "lang", null);
        Input in = input(r, "expr");
        Parsed p = in.parsed;
        Definitions defs = p.program().definitions();
        List<String> vars = wrt(r, p, in.latex);
        for (String v : vars) {
            if (defs.intermediate(v).isPresent()) {
                throw new ApiException(400, "\"wrt\": '" + v + "' is an intermediate (defined with :=); give the inputs it is computed from",
                    0, 0, "wrt", null);
            }
        }
        Expr body = resolved(p);
        GradProgram program;
        try {
            program = GradProgram.of(body, defs, null, vars.isEmpty() ? null : vars);
        } catch (GradProgram.BadVariable e) {
            throw new ApiException(400, "\"wrt\": " + e.getMessage(), 0, 0, "wrt", null);
        }
        String code = Emitter.emit(program, lang, new Emitter.Options(r.bool("main", false), "Gen", Printer.print(body)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lang", lang.name().toLowerCase(java.util.Locale.ROOT));
        json.put("params", program.params());
        json.put("wrt", program.wrt());
        json.put("filename", (lang == Language.JAVA ? "Gen" : "grad") + lang.fileExtension());
        json.put("code", code);
        return new JsonReply(json);
    }

    /**
     * A picture: {@code what} is {@code expr} (the input), {@code derivation} (its derivative by
     * {@code wrt}, every step unless {@code steps} is false), {@code gradient} (one block per
     * variable) or {@code check} (the derivation in {@code chain}, each step marked); {@code format}
     * is svg, png or pdf; {@code scale} pixels per point; {@code page} a4 or letter.
     */
    Reply render(Request r) {
        String format = r.string("format", "svg");
        if (!Set.of("svg", "png", "pdf").contains(format)) {
            throw new ApiException(400, "\"format\" must be svg, png or pdf", 0, 0, "format", null);
        }
        String what = r.string("what", "expr");
        double scale = r.number("scale", 2.0);
        if (!(scale >= 0.25 && scale <= 8)) throw new ApiException(400, "\"scale\" must be from 0.25 to 8", 0, 0, "scale", null);
        String page = r.string("page", "a4");
        if (!page.equals("a4") && !page.equals("letter")) throw new ApiException(400, "\"page\" must be a4 or letter", 0, 0, "page", null);
        Renderer.Settings settings = Maths.settings(scale, page);
        if (what.equals("check")) {
            // a checked derivation, each step marked, to hand back
            ChainReport report = chainReport(r);
            byte[] bytes = Maths.render(new Sheet(ChainLatex.title(report), ChainLatex.blocks(report)), format, settings, "checked derivation");
            return new BytesReply(bytes, contentType(format), "checked-derivation." + format);
        }
        Input in = input(r, "expr");
        Parsed p = in.parsed;
        boolean simplify = !r.bool("raw", false);
        boolean steps = r.bool("steps", true);
        List<Derivation> ds = new ArrayList<>();
        switch (what) {
            case "expr" -> {}
            case "derivation", "result" -> {
                List<String> vars = wrt(r, p, in.latex);
                if (vars.isEmpty()) throw new ApiException(400, "\"wrt\" needs a variable to differentiate with respect to", 0, 0, "wrt", null);
                int order = r.integer("order", 1, 1, MAX_ORDER);
                if (order > 1 && vars.size() == 1) for (int i = 1; i < order; i++) vars.add(vars.getFirst());
                ds.add(Deriv.diff(p, vars, simplify));
                if (what.equals("result")) steps = false;
            }
            case "gradient" -> {
                List<String> vars = wrt(r, p, in.latex);
                if (vars.isEmpty()) vars.addAll(variables(p));
                if (vars.isEmpty()) throw new ApiException(400, "the expression has no variables to differentiate by", 0, 0, "expr", null);
                for (String v : vars) ds.add(Deriv.diff(p, List.of(v), simplify));
            }
            default -> throw new ApiException(400, "\"what\" must be expr, derivation, result, gradient or check", 0, 0, "what", null);
        }
        Sheet sheet;
        String title;
        if (ds.isEmpty()) {
            Expr e = resolved(p);
            sheet = Maths.sheet(Maths.latex(e));
            title = Printer.print(e);
        } else {
            sheet = Maths.sheet(ds, steps, settings);
            title = Maths.plainTitle(ds);
        }
        byte[] bytes = Maths.render(sheet, format, settings, title);
        String type = contentType(format);
        String name = switch (what) {
            case "expr" -> "expression";
            case "gradient" -> "gradient";
            default -> steps ? "derivation" : "derivative";
        };
        return new BytesReply(bytes, type, name + "." + format);
    }

    private static String contentType(String format) {
        return switch (format) {
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            default -> "application/pdf";
        };
    }

    /**
     * Samples of f and its derivative along one variable, the others held at {@code at} (default 1):
     * {@code {"var", "x": [...], "f": [...], "df": [...], "derivative", "at"}}; null where undefined.
     */
    Reply plot(Request r) {
        Input in = input(r, "expr");
        Parsed p = in.parsed;
        List<String> vars = wrt(r, p, in.latex);
        List<String> free = variables(p);
        String var = !vars.isEmpty() ? vars.getFirst() : free.isEmpty() ? "x" : free.getFirst();
        double from = r.number("from", -3);
        double to = r.number("to", 3);
        if (!(from < to) || to - from > 1e12) throw new ApiException(400, "\"from\" must be below \"to\"", 0, 0, "from", null);
        int n = r.integer("points", 201, 2, MAX_PLOT_POINTS);
        Map<String, Double> at = new LinkedHashMap<>();
        Map<String, Double> given = r.values("at");
        for (String v : free) if (!v.equals(var)) at.put(v, given.getOrDefault(v, 1.0));
        Expr f = resolved(p);
        Expr df = Deriv.diff(p, List.of(var), true).result();
        Definitions defs = p.program().definitions();
        List<Object> xs = new ArrayList<>(n);
        List<Object> fs = new ArrayList<>(n);
        List<Object> dfs = new ArrayList<>(n);
        Map<String, Double> point = new LinkedHashMap<>(at);
        for (int i = 0; i < n; i++) {
            double x = from + (to - from) * i / (n - 1);
            point.put(var, x);
            xs.add(x);
            fs.add(sample(f, defs, point));
            dfs.add(sample(df, defs, point));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("var", var);
        json.put("at", at);
        json.put("function", Printer.print(f));
        json.put("derivative", Printer.print(df));
        json.put("x", xs);
        json.put("f", fs);
        json.put("df", dfs);
        return new JsonReply(json);
    }

    // ---------------------------------------------------------------------------------- helpers

    /** A parsed input and whether it was read as LaTeX. */
    record Input(Parsed parsed, boolean latex) {}

    /**
     * Parses request member {@code field}: plain syntax, or LaTeX when {@code "latex"} is true, or
     * when it is {@code "auto"} and the text holds a character the plain language never uses.
     */
    static Input input(Request r, String field) {
        String text = r.string(field);
        if (text.length() > MAX_EXPR) {
            throw new ApiException(413, "\"" + field + "\" is longer than " + MAX_EXPR + " characters", 0, 0, field, null);
        }
        boolean latex = latexWanted(r, text);
        try {
            Source source = new Source("<" + field + ">", text);
            Parsed p = latex ? parseLatex(source) : Parsing.program(source);
            return new Input(p, latex);
        } catch (DerivException e) {
            throw ApiException.of(e.diagnostic(), field);
        }
    }

    static boolean latexWanted(Request r, String text) {
        Object v = r.raw("latex");
        if (v == null || Boolean.FALSE.equals(v)) return false;
        if (Boolean.TRUE.equals(v)) return true;
        if ("auto".equals(v)) return looksLikeLatex(text);
        throw new ApiException(400, "\"latex\" must be true, false or \"auto\"", 0, 0, "latex", null);
    }

    /** Backslashes, braces, dollars, ampersands, bars and brackets never occur in the plain language. */
    static boolean looksLikeLatex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("\\{}$&|[]".indexOf(text.charAt(i)) >= 0) return true;
        }
        return false;
    }

    private static Parsed parseLatex(Source source) { return LatexParsing.program(source); }

    /** The variables to differentiate by, checked as the command line checks --wrt. */
    static List<String> wrt(Request r, Parsed p, boolean latex) {
        List<String> out = new ArrayList<>();
        for (String v : r.names("wrt")) {
            String name = latex && v.startsWith("\\") ? v.substring(1) : v;
            if (name.isEmpty() || !name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
                throw new ApiException(400, "\"wrt\": '" + v + "' is not a variable name", 0, 0, "wrt", null);
            }
            name = Greek.spell(name);
            if (p.program().definitions().function(name).isPresent()) {
                throw new ApiException(400, "\"wrt\": '" + name + "' is a function, not a variable", 0, 0, "wrt", null);
            }
            out.add(name);
        }
        return out;
    }

    /** Free variables of the program's expression, definitions expanded, in order of first appearance. */
    static List<String> variables(Parsed p) {
        return Exprs.freeVars(p.program().definitions().expand(resolved(p)));
    }

    /** The program's expression with every diff(...) evaluated. */
    static Expr resolved(Parsed p) {
        return new Differentiator(p.program().definitions()).resolve(p.program().body());
    }

    static double value(Parsed p, Expr e, Map<String, Double> at) {
        try {
            return Evaluator.eval(e, p.program().definitions(), at);
        } catch (Evaluator.UnboundVariable u) {
            throw new DerivException(p.at(u.name, "no value for '" + u.name + "': give it in \"at\""));
        }
    }

    private static Object sample(Expr e, Definitions defs, Map<String, Double> at) {
        try {
            double v = Evaluator.eval(e, defs, at);
            return Double.isFinite(v) ? v : null;
        } catch (ArithmeticException | IllegalArgumentException ex) {
            return null;
        }
    }

    /**
     * Steps as the command line prints them ({@code rule, before, after, let, note, substeps}),
     * plus {@code text} (the rule in words), {@code kind} (diff or simplify), {@code latex} and,
     * while {@code pictures[0]} lasts, {@code svg}.
     */
    static List<Object> stepsJson(List<Step> steps, int[] pictures) {
        List<Object> out = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", s.rule());
            m.put("text", Rules.describe(s.rule()));
            m.put("kind", Differentiator.containsDiff(s.before()) ? "diff" : "simplify");
            m.put("before", Printer.print(s.before()));
            m.put("after", Printer.print(s.after()));
            if (s.let() != null) {
                Map<String, Object> let = new LinkedHashMap<>();
                let.put("name", s.let().name());
                let.put("value", Printer.print(s.let().value()));
                let.put("latex", Maths.latex(s.let().value()));
                m.put("let", let);
            }
            if (s.note() != null) m.put("note", s.note());
            String tex = Maths.latex(s);
            m.put("latex", tex);
            if (pictures[0] > 0) {
                pictures[0]--;
                m.put("svg", Maths.svg(s));
            }
            m.put("substeps", stepsJson(s.substeps(), pictures));
            out.add(m);
        }
        return out;
    }

    static String svg(String tex) { return Maths.svg(tex); }
}
