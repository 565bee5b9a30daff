package deriv.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import deriv.Deriv;
import deriv.cli.Main;
import deriv.codegen.CompiledFunction;
import deriv.codegen.GradProgram;
import deriv.codegen.JvmCompiler;
import deriv.diff.Derivation;
import deriv.eval.Evaluator;
import deriv.eval.FiniteDifference;
import deriv.eval.Sampler;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import deriv.expr.RandomExprs;
import deriv.latex.LatexPrinter;
import deriv.parse.DerivException;
import deriv.parse.LatexParsing;
import deriv.parse.Parsing;
import deriv.simplify.Simplifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded, bounded fuzzer over every stage. Each part runs a fixed number of cases (so a failure
 * reproduces from its seed and index) and stops early only past a time cap, so CI stays fast.
 * Invariants: no exception but {@link DerivException} escapes; printed output re-parses; derivatives
 * agree with central differences where finite and away from kinks; simplification keeps values;
 * compiled and interpreted evaluation agree; the command line never prints a stack trace.
 */
class FuzzTest {
    private static final long SEED = 20261122L;
    private static final String[] TOKENS = {"x", "y", "W1", "b_1", "θ", "2", "0.5", "1e-3", "+", "-", "*", "/", "^", "(", ")",
        ",", ";", "\n", ":=", "sin", "tanh", "sigmoid", "LeakyReLU", "abs", "relu", "max", "diff", "if", ">", "<=", "e", "pi",
        "#", "$", "..", "σ", " ", "f", "m", "ln", "exp", "sqrt", "3", "-"};

    /** Random token sequences: the parser answers with an expression or one diagnostic, never anything else. */
    @Test
    void randomTokensParseOrGiveOneDiagnostic() {
        Random r = new Random(SEED);
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(14);
            for (int k = 0; k < n; k++) sb.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextInt(3) == 0 ? " " : "");
            String text = sb.toString();
            try {
                Expr e = Parsing.program(text).program().body();
                parsed++;
                assertNotNull(e);
            } catch (DerivException d) {
                rejected++;
                assertCaretOrGeneral(d, "case " + i + ": " + text);
            } catch (RuntimeException | StackOverflowError ex) {
                fail("case " + i + " " + repr(text) + " threw " + ex);
            }
        }
        assertTrue(parsed > 100 && rejected > 100, "the fuzzer should reach both outcomes: " + parsed + " / " + rejected);
    }

    /** Mutations of the examples (deleted, duplicated, swapped and inserted characters). */
    @Test
    void mutatedExamplesParseOrGiveOneDiagnostic() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".deriv")).sorted().toList()) sources.add(Files.readString(p));
        }
        Random r = new Random(SEED + 1);
        String alphabet = "()+-*/^,;:=#\n xy0123456789.e\u00e9\u0000\u03b8\t";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder(sources.get(r.nextInt(sources.size())));
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits && !sb.isEmpty(); k++) {
                int at = r.nextInt(sb.length());
                switch (r.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 2 -> sb.insert(at, sb.charAt(at));
                    default -> { int j = r.nextInt(sb.length()); char c = sb.charAt(at); sb.setCharAt(at, sb.charAt(j)); sb.setCharAt(j, c); }
                }
            }
            String text = sb.toString();
            try {
                Parsing.program(text);
            } catch (DerivException d) {
                assertCaretOrGeneral(d, "mutation " + i);
            } catch (RuntimeException | StackOverflowError ex) {
                fail("mutation " + i + " " + repr(text) + " threw " + ex);
            }
        }
    }

    /** Random well-formed expressions through diff, simplify, eval, the printers and the compiler. */
    @Test
    void randomExpressionsThroughEveryStage() {
        RandomExprs gen = new RandomExprs(SEED + 2, false);
        Random r = new Random(SEED + 3);
        long deadline = System.nanoTime() + 10_000_000_000L;
        int cases = 0, numeric = 0, compiled = 0;
        for (int i = 0; i < 400 && System.nanoTime() < deadline; i++) {
            Expr e = gen.next(1 + r.nextInt(4));
            String where = "case " + i + ": " + Printer.print(e);
            try {
                // the plain and LaTeX printers re-parse to the same tree
                assertEquals(e, Parsing.expr(Printer.print(e)), where);
                // LaTeX writes theta_0 and theta0 alike (\theta_{0}): compare with that difference removed
                assertEquals(subscriptsJoined(e), subscriptsJoined(LatexParsing.expr(LatexPrinter.exact(e))),
                    where + " via LaTeX " + LatexPrinter.exact(e));
                List<String> vars = Exprs.freeVars(e);
                if (vars.isEmpty()) continue;
                String v = vars.get(r.nextInt(vars.size()));
                Derivation d = Deriv.diff(Deriv.parse(Printer.print(e)), List.of(v), true);
                Expr g = d.result();
                assertEquals(g, Parsing.expr(Printer.print(g)), where + " derivative re-parses");
                Expr s = Simplifier.simplify(e).result();
                Sampler sampler = new Sampler(List.of(e, g, s), Definitions.EMPTY, vars, SEED + i);
                GradProgram prog = GradProgram.of(e, Definitions.EMPTY, vars, List.of(v));
                CompiledFunction f = JvmCompiler.compile(prog).function();
                compiled++;
                for (int k = 0; k < 3; k++) {
                    Map<String, Double> p = sampler.next(50);
                    if (p == null) break;
                    double value = Evaluator.eval(e, p);
                    // where some part is large (near a pole, sec(sinh(23))) rounding alone moves the
                    // value: compare where every sub-expression is moderate
                    if (largestPart(e, p) >= 1e4) continue;
                    assertClose(value, Evaluator.eval(s, p), 1e-7, where + " simplified " + Printer.print(s) + " at " + p);
                    double[] x = new double[vars.size()];
                    for (int j = 0; j < x.length; j++) x[j] = p.get(vars.get(j));
                    double[] grad = new double[1];
                    assertClose(value, f.valueAndGradient(x, grad), 1e-9, where + " compiled value at " + p);
                    double exact = Evaluator.eval(g, p);
                    // reverse mode multiplies b^e ln b by the exponent's derivative even where that is 0
                    // (as PyTorch does): NaN is then the honest answer for a negative base
                    if (!(Double.isNaN(grad[0]) && hasVariablePower(e))) {
                        assertClose(exact, grad[0], 1e-7, where + " compiled gradient at " + p);
                    }
                    double fd = FiniteDifference.derivative(e, Definitions.EMPTY, p, v);
                    // rounding error of a difference is about 1e-16 |f| / h: trust it only for moderate values
                    if (Double.isFinite(fd) && Math.abs(fd) < 1e6 && Math.abs(value) < 1e4) {
                        double fd2 = FiniteDifference.derivative(e, Definitions.EMPTY, p, v, 1e-5);
                        // central differences are trusted only where two step sizes agree
                        if (FiniteDifference.relativeError(fd, fd2) < 1e-5) {
                            assertClose(fd, exact, 1e-4, where + " d/d" + v + " = " + Printer.print(g) + " at " + p);
                            numeric++;
                        }
                    }
                }
                cases++;
            } catch (DerivException ok) {
                // a limit (size, budget) reached: a clear message is the right answer
            }
        }
        assertTrue(cases > 50, "too few fuzz cases ran: " + cases);
        assertTrue(numeric > 50, "too few numeric comparisons: " + numeric);
        assertTrue(compiled > 50, "too few compiled comparisons: " + compiled);
    }

    /** Random argument lists for the command line: exit 0, 1 or 2, never a stack trace. */
    @Test
    void randomCommandLinesNeverPrintAStackTrace() {
        Random r = new Random(SEED + 4);
        String[] words = {"eval", "diff", "grad", "simplify", "check", "codegen", "render", "--wrt", "x", "y", "--at", "x=1",
            "x=abc", "--order", "3", "-1", "--format", "json", "latex", "text", "xml", "--steps", "--raw", "--lang", "c",
            "python", "-f", "/nonexistent", "sin(x)", "x^2", "x +", "--check", "--timeout", "0.5", "--chain",
            "--points", "2", "--unknown", "", ",", "x=1,y=", "--wrt=x"};
        for (int i = 0; i < 100; i++) {
            int n = 1 + r.nextInt(6);
            String[] args = new String[n];
            for (int k = 0; k < n; k++) args[k] = words[r.nextInt(words.length)];
            StringWriter out = new StringWriter(), err = new StringWriter();
            long t0 = System.nanoTime();
            int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > 500) System.err.println("slow (" + ms + " ms): " + String.join(" ", args));
            String e = err.toString();
            assertTrue(code == 0 || code == 1 || code == 2, "exit " + code + " for " + String.join(" ", args) + "\n" + e);
            assertFalse(e.contains("\tat ") || e.contains("Exception"), "stack trace for " + String.join(" ", args) + "\n" + e);
        }
    }

    private static double largestPart(Expr e, Map<String, Double> p) {
        double m = Math.abs(Evaluator.eval(e, p));
        if (Double.isNaN(m)) m = Double.POSITIVE_INFINITY;
        if (e instanceof Expr.Piecewise) return m;
        for (Expr c : Exprs.children(e)) m = Math.max(m, largestPart(c, p));
        return m;
    }

    private static boolean hasVariablePower(Expr e) {
        if (e instanceof Expr.Pow p && !(p.exp() instanceof Expr.Num)) return true;
        for (Expr c : Exprs.children(e)) if (hasVariablePower(c)) return true;
        return false;
    }

    /** The tree as LaTeX can tell it: theta_0 and theta0 are both \\theta_{0}, u^(1/2) and sqrt(u) both \\sqrt{u}. */
    private static Expr subscriptsJoined(Expr e) {
        Map<String, Expr> by = new java.util.HashMap<>();
        for (String v : Exprs.freeVars(e)) by.put(v, Expr.var(v.replaceAll("_(?=\\d+$)", "")));
        return roots(Exprs.substitute(e, by));
    }

    private static Expr roots(Expr e) {
        Expr m = Exprs.mapChildren(e, FuzzTest::roots);
        return m instanceof Expr.Pow p && p.exp().equals(Expr.Num.HALF) ? Expr.call("sqrt", p.base()) : m;
    }

    private static void assertCaretOrGeneral(DerivException d, String where) {
        String msg = d.diagnostic().render();
        assertTrue(msg.startsWith("error: "), where + ": " + msg);
        assertFalse(msg.contains("Exception"), where + ": " + msg);
        if (d.diagnostic().line() > 0) {
            String[] lines = msg.split("\n");
            assertEquals(3, lines.length, where + ": " + msg);
            assertTrue(lines[2].strip().equals("^"), where + ": " + msg);
        }
    }

    private static void assertClose(double want, double got, double tol, String where) {
        if (!Double.isFinite(want) && !Double.isFinite(got)) return;
        assertTrue(Math.abs(want - got) <= tol * Math.max(1, Math.max(Math.abs(want), Math.abs(got))),
            where + ": expected " + want + " got " + got);
    }

    private static String repr(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\u0000", "\\0") + "\"";
    }
}
