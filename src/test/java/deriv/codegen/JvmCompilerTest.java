package deriv.codegen;

import static org.junit.jupiter.api.Assertions.*;

import deriv.expr.Definitions;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiled evaluators (hidden classes) against the DAG interpreter and the tree-walking evaluator. */
class JvmCompilerTest {

    private static final List<Cases.Case> CASES = new ArrayList<>();
    static {
        CASES.addAll(Cases.homework(3));
        CASES.add(Cases.w2(3));
        CASES.addAll(Cases.random(40, 3, 77));
    }

    private static void assertAgree(Cases.Case c, CompiledFunction f) {
        GradProgram p = c.program();
        DagInterpreter in = new DagInterpreter(p);
        int m = p.wrt().size();
        for (double[] x : c.points()) {
            double[] want = new double[m], got = new double[m];
            double wv = in.valueAndGradient(x, want);
            double gv = f.valueAndGradient(x, got);
            assertTrue(Cases.close(wv, gv, 1e-12), c.name() + ": value " + wv + " vs " + gv);
            assertTrue(Cases.close(c.evaluate(x), f.value(x), 1e-12), c.name() + ": value vs Evaluator");
            for (int k = 0; k < m; k++) {
                assertTrue(Cases.close(want[k], got[k], 1e-12),
                    c.name() + " (" + c.text() + ") d/d" + p.wrt().get(k) + ": interpreter " + want[k] + ", compiled " + got[k]);
            }
        }
    }

    @Test void compiledAgreesWithInterpreterAndEvaluator() {
        for (Cases.Case c : CASES) {
            JvmCompiler.Compiled compiled = JvmCompiler.compile(c.program());
            assertFalse(compiled.interpreted(), c.name() + ": " + compiled.reason());
            assertNull(compiled.reason(), c.name());
            assertAgree(c, compiled.function());
        }
    }

    /** Programs split into many methods that pass values through a scratch array compute the same. */
    @Test void splitProgramsAgree() {
        for (Cases.Case c : CASES.subList(0, 20)) {
            for (int maxOps : new int[] {16, 40}) {
                JvmCompiler.Compiled compiled = JvmCompiler.compile(c.program(), maxOps);
                assertFalse(compiled.interpreted(), c.name());
                assertAgree(c, compiled.function());
            }
        }
        JvmCompiler.Compiled w2 = JvmCompiler.compile(Cases.w2(0).program(), 50);
        assertTrue(w2.methods() > 10, "W2 in pieces of at most 50 operations: " + w2.methods() + " methods");
    }

    @Test void w2FitsInJitCompilableMethods() {
        JvmCompiler.Compiled c = JvmCompiler.compile(Cases.w2(0).program());
        assertFalse(c.interpreted());
        assertNull(c.reason(), "every method is below HotSpot's 8,000-byte limit");
    }

    @Test void largeProgramsAreSplit() {
        // an 8 -> 32 -> 32 -> 1 network: far more than 8,000 bytes of straight-line code
        Workloads.Mlp m = Workloads.mlp(8, 32, 32);
        List<String> params = new ArrayList<>(m.params());
        params.addAll(m.inputs());
        GradProgram p = GradProgram.of(m.loss(), Definitions.EMPTY, params, m.params());
        JvmCompiler.Compiled c = JvmCompiler.compile(p);
        assertFalse(c.interpreted(), String.valueOf(c.reason()));
        assertNull(c.reason());
        assertTrue(c.methods() > 4, c.methods() + " methods");
        Cases.Case cs = new Cases.Case("mlp 8-32-32", "", m.loss(), Definitions.EMPTY, p,
            Cases.points(m.loss(), Definitions.EMPTY, p, 2, 3));
        assertAgree(cs, c.function());
    }

    @Test void tooManyConstantsFallBackToTheInterpreterAndSaySo() {
        List<deriv.expr.Expr> terms = new ArrayList<>();
        for (int i = 0; i < 31_000; i++) terms.add(deriv.expr.Expr.mul(deriv.expr.Expr.num(1000 + i, 7), deriv.expr.Expr.var("x")));
        deriv.expr.Expr e = deriv.expr.Expr.add(terms);
        JvmCompiler.Compiled c = JvmCompiler.compile(GradProgram.of(e, List.of("x")));
        assertTrue(c.interpreted());
        assertTrue(c.reason().contains("31001 distinct constants"), c.reason());
        double[] g = new double[1];
        double v = c.function().valueAndGradient(new double[] {0.5}, g);
        assertTrue(Cases.close(deriv.eval.Evaluator.eval(e, java.util.Map.of("x", 0.5)), v, 1e-12));
        assertTrue(Cases.close(2 * v, g[0], 1e-12));
    }

    @Test void batchEvaluatesEveryPoint() {
        Cases.Case c = Cases.homework(5).get(3);
        CompiledFunction f = JvmCompiler.compile(c.program()).function();
        int n = c.points().size(), m = c.program().wrt().size();
        double[][] points = c.points().toArray(new double[0][]);
        double[] values = new double[n], valuesOnly = new double[n];
        double[][] grads = new double[n][m];
        f.batch(points, values, grads);
        f.batch(points, valuesOnly, null);
        for (int i = 0; i < n; i++) {
            double[] g = new double[m];
            assertEquals(f.valueAndGradient(points[i], g), values[i]);
            assertEquals(values[i], valuesOnly[i]);
            assertArrayEquals(g, grads[i]);
        }
    }

    @Test void constantsAndInputsAsResults() {
        GradProgram p = GradProgram.of(Parsing.expr("3*x + y"), Definitions.EMPTY, List.of("x", "y", "z"), null);
        CompiledFunction f = JvmCompiler.compile(p).function();
        double[] g = new double[3];
        assertEquals(11.0, f.valueAndGradient(new double[] {3, 2, 1}, g));
        assertArrayEquals(new double[] {3, 1, 0}, g);
        GradProgram q = GradProgram.of(Parsing.expr("x"), Definitions.EMPTY, null, null);
        assertEquals(5.0, JvmCompiler.compile(q).function().valueAndGradient(new double[] {5}, g));
        assertEquals(1.0, g[0]);
        GradProgram k = GradProgram.of(Parsing.expr("2^3"), Definitions.EMPTY, null, null);
        assertEquals(8.0, JvmCompiler.compile(k).function().value(new double[0]));
    }

    @Test void nanAndInfinityFollowTheInterpreter() {
        GradProgram p = GradProgram.of(Parsing.expr("if(x > 0, ln(x), sqrt(x)) + 1/y"), Definitions.EMPTY, null, null);
        CompiledFunction f = JvmCompiler.compile(p).function();
        DagInterpreter in = new DagInterpreter(p);
        for (double[] x : new double[][] {{-1, 1}, {Double.NaN, 1}, {1, 0}, {0, -0.0}, {Double.POSITIVE_INFINITY, 2}}) {
            double[] a = new double[2], b = new double[2];
            assertEquals(in.valueAndGradient(x, a), f.valueAndGradient(x, b), 0.0);
            assertArrayEquals(a, b, 0.0);
        }
    }
}
