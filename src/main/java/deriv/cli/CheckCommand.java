package deriv.cli;

import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.DerivException;
import deriv.parse.Diagnostic;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import deriv.parse.Source;
import deriv.parse.LatexParsing;
import deriv.render.Sheet;
import deriv.verify.ChainChecker;
import deriv.verify.ChainLatex;
import deriv.verify.LatexChain;
import deriv.verify.ChainEntry;
import deriv.verify.ChainReport;
import deriv.verify.PlainChain;
import deriv.verify.Reports;
import deriv.verify.Verdict;
import deriv.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks a handwritten derivative, or a whole derivation line by line.",
                   "Example: deriv check \"x^2*sin(x)\" \"2*x*cos(x)\" --wrt x",
                   "         deriv check --chain derivation.txt      (.tex files: LaTeX)",
                   "A chain file holds one expression per line, each claimed equal to the",
                   "previous one; blank lines and # comments are ignored; 'name := expr'",
                   "lines are definitions for the lines after them.",
                   "Equality is decided symbolically (the difference simplifies to 0) or",
                   "numerically at 48 random points away from kinks, skipping points where a",
                   "side is undefined: values agree when |a - b| <= 1e-8 * max(1, |a|, |b|).",
                   "A disagreement in double precision is re-evaluated with 60 digits, so",
                   "rounding is never reported as a mistake.",
                   "Exit 0 when the claim (every step) holds, 1 when not, 2 on bad input."})
final class CheckCommand extends BaseCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "F", description = "the function")
    String function;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CLAIMED", description = "the claimed derivative dF/dV")
    String claimed;

    @Option(names = "--wrt", paramLabel = "V", description = "the variable of the derivative")
    String wrt;

    @Option(names = "--chain", paramLabel = "FILE", description = "check the derivation in FILE, one line per step")
    Path chain;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--latex", description = "read F, CLAIMED and the chain file as LaTeX (a .tex chain file is always LaTeX)")
    boolean latex;

    @Mixin RenderOptions render;

    @Mixin Limits limits;

    @Override public Integer call() {
        if (format == Format.latex) throw DerivException.general("check prints text or json (--format text|json)");
        if (chain != null) {
            if (function != null || claimed != null || wrt != null) {
                throw DerivException.general("--chain takes no expressions and no --wrt: the file holds the whole derivation");
            }
            return chain();
        }
        return claim();
    }

    private int claim() {
        if (function == null || claimed == null) {
            throw DerivException.general("check needs a function and a claimed derivative: deriv check F CLAIMED --wrt V (or --chain FILE)");
        }
        for (String a : List.of(function, claimed)) {
            if (a.startsWith("--")) throw DerivException.general("unknown option '" + a + "'");
        }
        if (wrt == null) throw DerivException.general("check needs --wrt V: the variable of the derivative");
        Parsed f = latex ? LatexParsing.program(new Source("<F>", function)) : Parsing.program(new Source("<F>", function));
        String var = Commands.checkVar(latex ? latexName(wrt.strip()) : wrt.strip(), f);
        Expr claim = latex ? LatexParsing.program(new Source("<CLAIMED>", claimed)).program().body() : parseClaim(f);
        Expr body = f.program().body();
        Verdict v = limits.run(() -> Verifier.claim(body, claim, var, f.program().definitions()));
        Expr correct = v.valid() ? null : limits.run(() -> Verifier.correct(body, var, f.program().definitions()));
        String what = "d/d" + var + " of " + Printer.print(body);
        if (format == Format.json) {
            Map<String, Object> m = Reports.claimMap(v, correct);
            out().println(Json.write(m));
        } else {
            out().print(Reports.claimText(v, what, correct));
        }
        if (render.any()) {
            render.write(new Sheet(null, ChainLatex.claim(body, var, claim, v, correct)), "checked derivative");
        }
        return v.valid() ? 0 : 1;
    }

    /** A variable written in LaTeX ({@code W_{1}}, {@code \\theta}) by the name the LaTeX reader gives it. */
    private static String latexName(String text) {
        try {
            if (LatexParsing.expr(new Source("--wrt", text)) instanceof Expr.Var v) return v.name();
        } catch (DerivException e) {
            // not LaTeX: checked as a plain name below
        }
        return text;
    }

    /** CLAIMED, read with F's definitions in force; its errors point into CLAIMED itself. */
    private Expr parseClaim(Parsed f) {
        if (f.program().definitions().isEmpty()) return Parsing.program(new Source("<CLAIMED>", claimed)).program().body();
        int fLines = f.source().lines().size();
        try {
            return Parsing.program(new Source("<CLAIMED>", function + "\n" + claimed)).program().body();
        } catch (DerivException e) {
            Diagnostic d = e.diagnostic();
            if (d.line() > fLines) {
                Source s = new Source("<CLAIMED>", claimed);
                throw new DerivException(Diagnostic.at(s, d.line() - fLines, d.column(), d.message()));
            }
            throw e;
        }
    }

    private int chain() {
        Source source = Input.file(chain);
        List<ChainEntry> entries = readChain(source);
        ChainReport report = limits.run(() -> ChainChecker.check(entries));
        if (format == Format.json) {
            out().println(Json.write(Reports.chainMap(report)));
        } else {
            out().print(Reports.chainText(report, chain.toString()));
        }
        if (render.any()) render.write(new Sheet(ChainLatex.title(report), ChainLatex.blocks(report)), "checked derivation");
        return report.valid() ? 0 : 1;
    }

    /** The chain's lines, by the reader that fits the file: LaTeX for --latex or a .tex file, else the plain language. */
    private List<ChainEntry> readChain(Source source) {
        boolean tex = latex || chain.getFileName() != null
            && chain.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tex");
        return tex ? LatexChain.read(source) : PlainChain.read(source);
    }
}
