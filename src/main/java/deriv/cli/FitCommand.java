package deriv.cli;

import deriv.codegen.CompiledFunction;
import deriv.codegen.GradProgram;
import deriv.codegen.JvmCompiler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.parse.DerivException;
import deriv.parse.Parsing;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fit", mixinStandardHelpOptions = true,
    description = {"Gradient descent with a compiled gradient: fits a homework model to synthetic data it generates,",
                   "printing the mean squared error as it falls.",
                   "Models: cubic  h = b + W*x^3 (examples/03-cubic-regression.deriv),",
                   "        sigmoid  h = 1/(1 + e^-(b + W*x)) (examples/02-sigmoid-regression.deriv)."})
final class FitCommand extends BaseCommand implements Callable<Integer> {
    enum Model { cubic, sigmoid }

    @Option(names = "--model", defaultValue = "cubic", description = "cubic or sigmoid (default ${DEFAULT-VALUE})")
    Model model;

    @Option(names = "--steps", defaultValue = "200", description = "gradient-descent steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rate", defaultValue = "0.1", description = "learning rate (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--points", defaultValue = "100", description = "synthetic samples (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the data and the start (default ${DEFAULT-VALUE})")
    long seed;

    @Override public Integer call() {
        if (steps < 1 || steps > 1_000_000) throw DerivException.general("--steps must be from 1 to 1000000");
        if (points < 1 || points > 1_000_000) throw DerivException.general("--points must be from 1 to 1000000");
        if (!(rate > 0 && rate < 100)) throw DerivException.general("--rate must be above 0 and below 100");
        String h = model == Model.cubic ? "b + W*x^3" : "1/(1 + e^-(b + W*x))";
        double trueW = model == Model.cubic ? 0.8 : 2.0, trueB = -0.3;
        Expr loss = Parsing.expr("(" + h + " - y)^2");
        // one sample's squared error; its gradient in W and b, compiled once
        GradProgram program = GradProgram.of(loss, Definitions.EMPTY, List.of("W", "b", "x", "y"), List.of("W", "b"));
        JvmCompiler.Compiled compiled = JvmCompiler.compile(program);
        CompiledFunction f = compiled.function();
        Random r = new Random(seed);
        double[][] data = new double[points][];
        Expr model1 = Parsing.expr(h);
        for (int i = 0; i < points; i++) {
            double x = (r.nextDouble() * 2 - 1) * (model == Model.cubic ? 1.5 : 3);
            double y = deriv.eval.Evaluator.eval(model1, java.util.Map.of("W", trueW, "b", trueB, "x", x)) + 0.02 * r.nextGaussian();
            data[i] = new double[] {0, 0, x, y};
        }
        double w = r.nextGaussian() * 0.1, b = r.nextGaussian() * 0.1;
        out().printf("model h = %s, loss = mean of (h - y)^2 over %d synthetic points (W = %s, b = %s, noise 0.02)%n",
            h, points, trueW, trueB);
        out().println("gradient: " + (compiled.interpreted() ? "interpreted (" + compiled.reason() + ")" : "compiled to JVM bytecode")
            + ", " + program.totalOps() + " operations for the loss and both partials");
        double[] g = new double[2];
        int every = Math.max(1, steps / 10);
        double mse = 0;
        for (int s = 0; s <= steps; s++) {
            double gw = 0, gb = 0;
            mse = 0;
            for (double[] p : data) {
                p[0] = w;
                p[1] = b;
                mse += f.valueAndGradient(p, g);
                gw += g[0];
                gb += g[1];
            }
            mse /= points;
            if (s % every == 0 || s == steps) out().printf("step %5d  loss %.6g  W %.6f  b %.6f%n", s, mse, w, b);
            if (!Double.isFinite(mse)) throw DerivException.general("the loss diverged: try a smaller --rate");
            if (s < steps) {
                w -= rate * gw / points;
                b -= rate * gb / points;
            }
        }
        return 0;
    }
}
