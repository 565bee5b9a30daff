package deriv.codegen;

import static org.junit.jupiter.api.Assertions.*;

import deriv.codegen.Dag.Op;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.parse.Parsing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash-consed DAG and the reverse-mode gradient on it, checked with the interpreter. */
class GradProgramTest {

    private static GradProgram program(String text, String wrt) {
        return GradProgram.of(Parsing.expr(text), Definitions.EMPTY, null, wrt == null ? null : List.of(wrt.split(",")));
    }

    @Test void equalSubexpressionsAreOneNode() {
        GradProgram p = program("sin(x*y) + sin(y*x)^2 + x*y", "x");
        Dag dag = p.dag();
        long sines = java.util.Arrays.stream(dag.schedule(p.value()))
            .filter(id -> dag.op(id) == Op.CALL).count();
        assertEquals(1, sines, "sin(x*y) and sin(y*x) share one node");
        // x*y, sin, square, two additions
        assertEquals(5, p.valueOps());
    }

    @Test void constantsFoldAndNeutralOperationsVanish() {
        GradProgram p = program("1*x + 0 + 2*3*y - (4 - 4)*z + x^1 + 2^3", null);
        // x + 6y, + x, + 8: three additions and one product
        assertEquals(4, p.valueOps());
        GradProgram q = program("(x*1)^0 + 0*y", null);
        assertEquals(0, q.totalOps());
    }

    @Test void subtractionAndNegationAreSingleOperations() {
        GradProgram p = program("y - W*x", null);
        assertEquals(2, p.valueOps(), "a product and a subtraction, no separate negation");
        assertEquals(Op.SUB, p.dag().op(p.value()));
    }

    @Test void parametersAreFreeVariablesInOrderOfFirstAppearance() {
        assertEquals(List.of("W2", "W1", "x", "b1", "b2"), program("LeakyReLU(W2*tanh(W1*x+b1)+b2)", null).params());
        var prog = Parsing.program("m := W1*x + b1\nW2*tanh(m) + b2").program();
        GradProgram p = GradProgram.of(prog.body(), prog.definitions(), null, null);
        assertEquals(List.of("W2", "W1", "x", "b1", "b2"), p.params());
        assertEquals(p.params(), p.wrt(), "default wrt: every parameter");
    }

    @Test void badVariablesAreNamed() {
        Expr e = Parsing.expr("x*y");
        var ex = assertThrows(GradProgram.BadVariable.class, () -> GradProgram.of(e, Definitions.EMPTY, null, List.of("z")));
        assertEquals("z", ex.name);
        var ex2 = assertThrows(GradProgram.BadVariable.class, () -> GradProgram.of(e, Definitions.EMPTY, List.of("x"), null));
        assertEquals("y", ex2.name);
        assertThrows(GradProgram.BadVariable.class, () -> GradProgram.of(e, Definitions.EMPTY, null, List.of("x", "x")));
        // a parameter the expression does not use has a zero partial
        GradProgram p = GradProgram.of(e, Definitions.EMPTY, List.of("x", "y", "z"), List.of("z", "x"));
        double[] g = new double[2];
        assertEquals(6.0, new DagInterpreter(p).valueAndGradient(new double[] {2, 3, 4}, g));
        assertArrayEquals(new double[] {0, 3}, g);
    }

    /** The target: on W2, loss and gradient together cost at most 2.5 times the loss. */
    @Test void w2GradientCostsAtMostTwoAndAHalfLosses() {
        GradProgram p = Cases.w2(0).program();
        assertEquals(121, p.wrt().size());
        int loss = p.valueOps(), total = p.totalOps();
        assertTrue(loss >= 200 && loss <= 260, "loss ops " + loss);
        double ratio = (double) total / loss;
        assertTrue(ratio <= 2.5, "ops(loss+grad)/ops(loss) = " + total + "/" + loss + " = " + ratio);
    }

    @Test void interpreterAgreesWithEvaluator() {
        for (Cases.Case c : cases()) {
            DagInterpreter in = new DagInterpreter(c.program());
            double[] g = new double[c.program().wrt().size()];
            for (double[] x : c.points()) {
                double want = c.evaluate(x);
                assertTrue(Cases.close(want, in.value(x), 1e-12), c.name() + ": " + want + " vs " + in.value(x));
                assertTrue(Cases.close(want, in.valueAndGradient(x, g), 1e-12), c.name());
            }
        }
    }

    /** Every reverse-mode partial against central differences, with gradcheck's tolerances. */
    @Test void gradientsMatchCentralDifferences() {
        for (Cases.Case c : cases()) {
            GradProgram p = c.program();
            DagInterpreter in = new DagInterpreter(p);
            double[] g = new double[p.wrt().size()];
            for (double[] x : c.points()) {
                in.valueAndGradient(x, g);
                for (int k = 0; k < g.length; k++) {
                    int i = p.params().indexOf(p.wrt().get(k));
                    double fd = Cases.centralDifference(in, x, i, 1e-6);
                    assertTrue(Math.abs(g[k] - fd) <= 1e-5 + 1e-4 * Math.abs(fd),
                        c.name() + " (" + c.text() + ") d/d" + p.wrt().get(k) + " at " + java.util.Arrays.toString(x)
                            + ": reverse mode " + g[k] + ", central difference " + fd);
                }
            }
        }
    }

    @Test void piecewiseGradientFlowsOnlyThroughTheTakenBranch() {
        GradProgram p = program("if(x > 0, x^2, 3*x)", "x");
        DagInterpreter in = new DagInterpreter(p);
        double[] g = new double[1];
        in.valueAndGradient(new double[] {2}, g);
        assertEquals(4.0, g[0]);
        in.valueAndGradient(new double[] {-2}, g);
        assertEquals(3.0, g[0]);
    }

    @Test void oddRootsOfNegativesAreReal() {
        GradProgram p = program("x^(1/3) + x^(2/3)", "x");
        double[] g = new double[1];
        double v = new DagInterpreter(p).valueAndGradient(new double[] {-8}, g);
        assertEquals(-2 + 4, v, 1e-12);
        // (1/3)(-8)^(-2/3) + (2/3)(-8)^(-1/3) = 1/12 - 1/3
        assertEquals(1.0 / 12 - 1.0 / 3, g[0], 1e-12);
    }

    private static final List<Cases.Case> CASES = new java.util.ArrayList<>();
    static {
        CASES.addAll(Cases.homework(4));
        CASES.add(Cases.w2(2));
        CASES.addAll(Cases.random(60, 3, 2024));
    }

    private static List<Cases.Case> cases() { return CASES; }
}
