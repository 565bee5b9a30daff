package deriv.diff;

import static org.junit.jupiter.api.Assertions.*;

import deriv.Deriv;
import deriv.codegen.Dag;
import deriv.eval.Evaluator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.Parsed;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Taylor-mode high-order derivatives: each order agrees with central differences of the order
 * below, and with the rules applied n times; high orders agree with values worked out to 50 digits
 * by mpmath; and the results stay small DAGs.
 */
class TaylorTest {

    @Test
    void eachOrderOfRandomExpressionsMatchesCentralDifferencesOfTheOrderBelow() {
        RandomExprs gen = new RandomExprs(20261123L);
        Random pick = new Random(11);
        List<String> mismatches = new ArrayList<>();
        int agreed = 0, cases = 0;
        for (int i = 0; i < 1500; i++) {
            RandomExprs.Case c = gen.next();
            String v = RandomExprs.VARS.get(pick.nextInt(3));
            int order = 1 + i % 3;
            Expr lower = Taylor.derivative(c.expr(), v, order - 1, c.defs());
            Expr d = Taylor.derivative(c.expr(), v, order, c.defs());
            assertFalse(Differentiator.containsDiff(d));
            Numeric.Tally t = Numeric.check(lower, d, c.defs(), v, i, 3);
            agreed += t.agreed();
            if (t.agreed() > 0) cases++;
            for (String m : t.mismatches()) {
                if (mismatches.size() < 5) mismatches.add("case " + i + ", order " + order + " by " + v + " of "
                    + Printer.print(c.expr()) + " (" + c.defs().all() + "): " + m);
            }
        }
        if (!mismatches.isEmpty()) fail(String.join("\n", mismatches));
        assertTrue(cases > 700, "only " + cases + " cases had a point to compare");
        assertTrue(agreed > 2000, "only " + agreed + " points compared");
    }

    @Test
    void agreesWithTheRulesAppliedRepeatedly() {
        RandomExprs gen = new RandomExprs(5L);
        Random points = new Random(3);
        int compared = 0;
        for (int i = 0; i < 600; i++) {
            RandomExprs.Case c = gen.next();
            String v = RandomExprs.VARS.get(i % 3);
            int order = 1 + i % 3;
            Expr body = new Differentiator(c.defs()).resolve(c.expr());
            Definitions defs = Differentiator.resolveDefinitions(c.defs());
            Expr rules = Differentiator.derive(body, java.util.Collections.nCopies(order, v), c.defs()).result();
            Expr taylor = Taylor.derivative(c.expr(), v, order, c.defs());
            for (int k = 0; k < 3; k++) {
                Map<String, Double> at = new java.util.HashMap<>();
                for (String name : deriv.expr.Exprs.freeVars(body)) at.put(name, points.nextDouble() * 3 - 1.5);
                for (String name : RandomExprs.VARS) at.putIfAbsent(name, points.nextDouble() * 3 - 1.5);
                double a = Evaluator.eval(rules, defs, at), b = Evaluator.eval(taylor, defs, at);
                if (!Double.isFinite(a) || !Double.isFinite(b) || Math.abs(a) > 1e8) continue;
                assertEquals(a, b, 1e-7 * Math.max(1, Math.abs(a)),
                    () -> "order " + order + " by " + v + " of " + Printer.print(c.expr()) + " at " + at);
                compared++;
            }
        }
        assertTrue(compared > 1000, "only " + compared + " values compared");
    }

    /** Golden values: mpmath.diff(f, x0, n) at 50 digits (mp.dps = 50). */
    @Test
    void highOrdersAgreeWithMpmath() {
        assertClose(893953.00418997618699795576878074800337828470256337, "sin(sin(sin(sin(sin(sin(x))))))", 10, 0.5);
        assertClose(256279.03625162461329560932277903091407167699900928, "tan(x)", 10, 0.3);
        assertClose(-12.602320153902025183870863714201460294174519941767, "sigmoid(x)", 10, 0.7);
        assertClose(86.988171859463742397305639499573356173071576171612, "tanh(x)", 7, 0.4);
        assertClose(27.494071883628616014856095971628991873774090101917, "x^x", 5, 1.3);
    }

    private static void assertClose(double expected, String src, int n, double x) {
        Parsed p = Deriv.parse(src);
        Expr d = Taylor.derivative(p.program().body(), "x", n, p.program().definitions());
        double v = Evaluator.eval(d, p.program().definitions(), Map.of("x", x));
        assertEquals(expected, v, 1e-9 * Math.abs(expected), src + ", order " + n);
    }

    @Test
    void theTenthDerivativeOfSixNestedSinesIsASmallDag() {
        Expr nested = Deriv.parse("sin(sin(sin(sin(sin(sin(x))))))").program().body();
        Expr d = Taylor.derivative(nested, "x", 10);
        Dag dag = new Dag();
        int ops = dag.opCount(dag.build(d, Definitions.EMPTY));
        long tree = Deriv.treeSize(d, new IdentityHashMap<>());
        // SymPy's cse of the same derivative has 4,666 assignments; the tree is millions of nodes
        assertTrue(ops < 2000, ops + " DAG operations");
        assertTrue(tree > 1_000_000, "tree of " + tree + " nodes: the sharing is what keeps it small");
    }

    @Test
    void intermediatesAndUserFunctionsAreDifferentiatedThroughTheirDefinitions() {
        Parsed p = Deriv.parse("m := sin(x)*x\nF(a, b) := a*exp(b)\nF(m, m^2) + m^3");
        Definitions defs = p.program().definitions();
        Expr taylor = Taylor.derivative(p.program().body(), "x", 4, defs);
        Expr rules = Differentiator.derive(p.program().body(), List.of("x", "x", "x", "x"), defs).result();
        for (double x : new double[] {-0.7, 0.2, 1.1}) {
            double a = Evaluator.eval(rules, defs, Map.of("x", x)), b = Evaluator.eval(taylor, defs, Map.of("x", x));
            assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), "at x = " + x);
        }
    }

    @Test
    void anExponentThatMentionsXButDoesNotChangeIsAConstantExponent() {
        // u^v as exp(v ln u) would be NaN at a negative base; the rules give these values
        for (String[] c : new String[][] {{"x^if(x > 0, 2, 3)", "-6"}, {"x^(2 + sign(x))", "0"}, {"x^(2 + 0*x)", "2"}}) {
            Expr d = Taylor.derivative(Deriv.parse(c[0]).program().body(), "x", 2);
            assertEquals(Double.parseDouble(c[1]), Evaluator.eval(d, Map.of("x", -1.0)), 1e-12, c[0]);
        }
    }

    @Test
    void aSymbolicExponentIsLoweredByFoldingNumbers() {
        Expr d = Taylor.derivative(Deriv.parse("x^pi").program().body(), "x", 4);
        assertTrue(Printer.print(d).contains("x^(-4 + pi)"), Printer.print(d));
        assertEquals(Math.PI * (Math.PI - 1) * (Math.PI - 2) * (Math.PI - 3) * Math.pow(1.3, Math.PI - 4),
            Evaluator.eval(d, Map.of("x", 1.3)), 1e-12);
    }

    @Test
    void orderZeroIsTheExpressionAndConstantsVanish() {
        Expr e = Deriv.parse("y*sin(y)").program().body();
        assertEquals(e, Taylor.derivative(e, "y", 0));
        assertEquals(Expr.Num.ZERO, Taylor.derivative(e, "x", 3));
        assertThrows(IllegalArgumentException.class, () -> Taylor.derivative(e, "y", -1));
    }
}
