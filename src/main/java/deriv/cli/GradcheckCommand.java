package deriv.cli;

import deriv.codegen.Gradcheck;
import deriv.codegen.GradProgram;
import deriv.codegen.JvmCompiler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.parse.DerivException;
import deriv.parse.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gradcheck", mixinStandardHelpOptions = true,
    description = {"Checks the compiled gradient against central differences at random points",
                   "away from kinks, as torch.autograd.gradcheck: eps 1e-6; a partial passes",
                   "when |analytic - numeric| <= 1e-5 + 1e-3 |numeric|. Exit 1 when one fails.",
                   "Example: deriv gradcheck \"LeakyReLU(W2*tanh(W1*x+b1)+b2)\" --wrt W1,b1,W2,b2"})
final class GradcheckCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Option(names = "--wrt", paramLabel = "VARS", split = ",", description = "the partials to check (default: every variable)")
    List<String> wrt;

    @Option(names = "--points", paramLabel = "N", defaultValue = "10", description = "random points (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the random points (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin Limits limits;

    @Override public Integer call() {
        if (points < 1 || points > 100_000) throw DerivException.general("--points must be from 1 to 100000, got " + points);
        Parsed parsed = input.parse();
        Definitions defs = parsed.program().definitions();
        List<String> wrtNames = CodegenCommand.names(wrt, "--wrt", parsed);
        record Outcome(JvmCompiler.Compiled compiled, Gradcheck.Result result) {}
        Outcome o = limits.run(() -> {
            Expr body = Commands.resolveDiffs(parsed);
            GradProgram p = CodegenCommand.program(parsed, body, defs, null, wrtNames);
            JvmCompiler.Compiled c = JvmCompiler.compile(p);
            return new Outcome(c, Gradcheck.run(p, c.function(), body, defs, points, seed));
        });
        if (o.compiled().interpreted()) err().println("note: " + o.compiled().reason());
        Gradcheck.Result r = o.result();
        if (r.points() == 0) {
            throw DerivException.general("gradcheck: found no point where f is finite and away from kinks (tried "
                + r.skipped() + "); nothing was compared");
        }
        String verdict = r.passed() ? "passed" : "FAILED";
        out().printf("gradcheck %s: %d point%s, %d partial%s compared (eps %s, atol %s, rtol %s)%n", verdict,
            r.points(), r.points() == 1 ? "" : "s", r.partials(), r.partials() == 1 ? "" : "s",
            Gradcheck.EPS, Gradcheck.ATOL, Gradcheck.RTOL);
        if (r.points() < points) out().printf("only %d of %d points were usable (the others were near a kink or outside a domain)%n", r.points(), points);
        Gradcheck.Worst w = r.worst();
        if (w != null) {
            out().printf("worst: df/d%s at %s%n", w.var(), point(w.at()));
            out().printf("  analytic %s, numeric %s, |difference| %.3g (allowed %.3g)%n",
                Commands.number(w.analytic()), Commands.number(w.numeric()), w.difference(), w.allowed());
        }
        return r.passed() ? 0 : 1;
    }

    private static String point(Map<String, Double> at) {
        List<String> parts = new ArrayList<>();
        for (var e : at.entrySet()) parts.add(e.getKey() + "=" + Commands.number(e.getValue()));
        return String.join(", ", parts);
    }
}
