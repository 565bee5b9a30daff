package deriv.codegen;

import deriv.eval.Evaluator;
import deriv.eval.Sampler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Program;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test cases: the homework models, W2, programs with definitions, and seeded random expressions. */
final class Cases {
    private Cases() {}

    /** A function to generate code for, with the points to compare at (in parameter order). */
    record Case(String name, String text, Expr body, Definitions defs, GradProgram program, List<double[]> points) {
        double evaluate(double[] x) {
            Map<String, Double> at = new HashMap<>();
            for (int i = 0; i < x.length; i++) at.put(program.params().get(i), x[i]);
            return Evaluator.eval(body, defs, at);
        }
    }

    static final List<String[]> HOMEWORK = List.of(
        new String[] {"leaky", "LeakyReLU(W2*tanh(W1*x+b1)+b2)", "W1,b1,W2,b2"},
        new String[] {"sigmoid regression", "(1/(1+e^-(b+W*x)) - y)^2", "W,b"},
        new String[] {"mae relu", "abs(y - (W2*relu(W1*x+b1)+b2))", "W1,b1,W2,b2"},
        new String[] {"mlp2", "(w3*sigmoid(w2*sigmoid(w1*x+b1)+b2)+b3 - y)^2", "w1,b1,w2,b2,w3,b3"},
        new String[] {"robot arm", "(L1*cos(t1)+L2*cos(t1+t2)-tx)^2+(L1*sin(t1)+L2*sin(t1+t2)-ty)^2", "t1,t2,L1,L2"},
        new String[] {"acceptance", "LeakyReLU(W2*tanh(W1*x+b1)+b2) + (y - W1*x)^2", "W1,b1,W2,b2"},
        new String[] {"intermediates", "m := W1*x + b1\nh := tanh(m)\n(W2*h + b2 - y)^2 + h", "W1,b1,W2,b2"},
        new String[] {"user function", "Linear(W, b, u) := W*u + b\n(Linear(w2, b2, tanh(Linear(w1, b1, x))) - y)^2",
                      "w1,b1,w2,b2"});

    static Case of(String name, String text, List<String> wrt, int nPoints, long seed) {
        Program prog = Parsing.program(text).program();
        GradProgram p = GradProgram.of(prog.body(), prog.definitions(), null, wrt);
        return new Case(name, text, prog.body(), prog.definitions(), p, points(prog.body(), prog.definitions(), p, nPoints, seed));
    }

    /** Points away from kinks and inside the domain ({@link Sampler}), in parameter order. */
    static List<double[]> points(Expr body, Definitions defs, GradProgram p, int n, long seed) {
        Sampler s = new Sampler(List.of(body), defs, p.params(), seed, 1e-3);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> at = s.next(500);
            if (at == null) break;
            double[] x = new double[p.params().size()];
            for (int k = 0; k < x.length; k++) x[k] = at.get(p.params().get(k));
            out.add(x);
        }
        return out;
    }

    static List<Case> homework(int nPoints) {
        List<Case> out = new ArrayList<>();
        long seed = 11;
        for (String[] h : HOMEWORK) out.add(of(h[0], h[1], List.of(h[2].split(",")), nPoints, seed++));
        return out;
    }

    static Case w2(int nPoints) {
        Workloads.Mlp m = Workloads.mlpLoss();
        List<String> params = new ArrayList<>(m.params());
        params.addAll(m.inputs());
        GradProgram p = GradProgram.of(m.loss(), Definitions.EMPTY, params, m.params());
        return new Case("W2", deriv.expr.Printer.print(m.loss()), m.loss(), Definitions.EMPTY, p,
            points(m.loss(), Definitions.EMPTY, p, nPoints, 5));
    }

    // ------------------------------------------------------------------ random expressions

    /** Seeded random expressions over a, b, c, d using every built-in and node kind. */
    static List<Case> random(int n, int nPoints, long seed) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        while (out.size() < n) {
            String text = expr(r, 3 + r.nextInt(4));
            Case c = of("random " + out.size(), text, null, nPoints, seed + out.size());
            if (c.program().params().isEmpty() || c.points().size() < nPoints) continue;
            out.add(c);
        }
        return out;
    }

    private static final String[] VARS = {"a", "b", "c", "d"};

    private static String expr(Random r, int depth) {
        if (depth <= 0 || r.nextInt(6) == 0) return leaf(r);
        String u = expr(r, depth - 1), v = expr(r, depth - 1);
        return switch (r.nextInt(40)) {
            case 0, 1, 2 -> "(" + u + " + " + v + ")";
            case 3, 4, 5 -> "(" + u + " - " + v + ")";
            case 6, 7, 8 -> u + "*" + v;
            case 9 -> "(" + u + ")/(1 + (" + v + ")^2)";
            case 10 -> "(" + u + ")^2";
            case 11 -> "(" + u + ")^3";
            case 12 -> "(1 + (" + u + ")^2)^(1/2)";
            case 13 -> "(-2 - (" + u + ")^2)^(1/3)";
            case 14 -> "(1 + (" + u + ")^2)^(-3/2)";
            case 15 -> "(2 + sin(" + u + "))^(" + v + ")";
            case 16 -> "sin(" + u + ")";
            case 17 -> "cos(" + u + ")";
            case 18 -> "tanh(" + u + ")";
            case 19 -> "atan(" + u + ")";
            case 20 -> "sigmoid(" + u + ")";
            case 21 -> "softplus(" + u + ")";
            case 22 -> "exp(sin(" + u + "))";
            case 23 -> "ln(1 + (" + u + ")^2)";
            case 24 -> "sqrt(2 + cos(" + u + "))";
            case 25 -> "abs(" + u + ")";
            case 26 -> "relu(" + u + ")";
            case 27 -> "LeakyReLU(" + u + ")";
            case 28 -> "LeakyReLU(" + u + ", 1/5)";
            case 29 -> "min(" + u + ", " + v + ")";
            case 30 -> "max(" + u + ", " + v + ")";
            case 31 -> "if(" + u + " > " + v + ", " + u + "*" + v + ", " + v + " - 1)";
            case 32 -> "if(" + u + " < 0, -" + u + ", " + u + " <= 1, " + u + "^2, 2*" + u + " - 1)";
            case 33 -> "sinh(" + u + "/3)";
            case 34 -> "cosh(" + u + "/3)";
            case 35 -> "asin(tanh(" + u + ")/2)";
            case 36 -> "acos(sigmoid(" + u + "))";
            case 37 -> "sec(tanh(" + u + "))*" + v;
            case 38 -> "sign(" + u + ")*" + v + " + cot(1 + sigmoid(" + v + "))";
            default -> "csc(1 + sigmoid(" + u + ")) - tan(tanh(" + v + "))";
        };
    }

    private static String leaf(Random r) {
        int k = r.nextInt(10);
        if (k < 6) return VARS[r.nextInt(VARS.length)];
        if (k < 8) return Integer.toString(1 + r.nextInt(4));
        if (k < 9) return (1 + r.nextInt(5)) + "/" + (2 + r.nextInt(5));
        return r.nextBoolean() ? "pi" : "e";
    }

    // ------------------------------------------------------------------ comparisons

    /** Equal to {@code 1e-12} relative (and equal when both are NaN or the same infinity). */
    static boolean close(double a, double b, double rel) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        if (Double.isInfinite(a) || Double.isInfinite(b)) return a == b;
        return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) || a == b;
    }

    /** Central difference of the interpreter's value with respect to parameter {@code i}. */
    static double centralDifference(CompiledFunction f, double[] x, int i, double h) {
        double[] up = x.clone(), down = x.clone();
        up[i] += h;
        down[i] -= h;
        return (f.value(up) - f.value(down)) / (2 * h);
    }
}
