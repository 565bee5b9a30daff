package deriv.diff;

import static org.junit.jupiter.api.Assertions.*;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Printer;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random expressions (every node kind, every built-in, definitions): the
 * derivative agrees with central differences wherever both are finite away from kinks, the step
 * tree is well formed, and the printed derivative parses back to the same tree.
 */
class DiffPropertyTest {
    private static final int CASES = 4000;
    private static final int POINTS = 3;

    @Test
    void derivativesOfRandomExpressionsMatchCentralDifferences() {
        RandomExprs gen = new RandomExprs(20261122L);
        java.util.Random pick = new java.util.Random(7);
        List<String> mismatches = new ArrayList<>();
        int compared = 0, unstable = 0, casesCompared = 0, withDefs = 0, largest = 0;
        for (int i = 0; i < CASES; i++) {
            RandomExprs.Case c = gen.next();
            Expr e = c.expr();
            Definitions defs = c.defs();
            List<String> choices = new ArrayList<>(RandomExprs.VARS);
            defs.all().stream().filter(d -> defs.intermediate(d.name()).isPresent()).forEach(d -> choices.add(d.name()));
            String v = choices.get(pick.nextInt(choices.size()));
            Step s;
            try {
                s = new Differentiator(defs).differentiate(e, v);
            } catch (RuntimeException ex) {
                throw new AssertionError("case " + i + ": d/d" + v + " of " + Printer.print(e) + " threw " + ex, ex);
            }
            Expr d = s.after();
            String where = "case " + i + ": d/d" + v + " of " + Printer.print(e) + " (definitions " + defs.all() + ")";
            assertEquals(new Expr.Diff(e, v), s.before(), where);
            assertFalse(Differentiator.containsDiff(d), where + " left a diff(...) in " + Printer.print(d));
            // parsing is slower than all the rest: a sample of the printed forms is read back
            if (defs.isEmpty() && i % 8 == 0) assertEquals(d, Parsing.expr(Printer.print(d)), where + ": printed " + Printer.print(d));
            largest = Math.max(largest, Exprs.size(d));
            Numeric.Tally t;
            try {
                t = Numeric.check(e, d, defs, v, i, POINTS);
            } catch (RuntimeException ex) {
                throw new AssertionError(where + " = " + Printer.print(d) + ": " + ex, ex);
            }
            compared += t.agreed();
            unstable += t.unstable();
            if (t.agreed() > 0) {
                casesCompared++;
                if (!defs.isEmpty()) withDefs++;
            }
            for (String m : t.mismatches()) if (mismatches.size() < 10) mismatches.add(where + "\n    " + m);
        }
        if (!mismatches.isEmpty()) fail(mismatches.size() + " mismatches, the first:\n" + String.join("\n", mismatches));
        // the check must not pass by comparing nothing
        assertTrue(casesCompared > CASES / 2, "only " + casesCompared + " of " + CASES + " cases had a point to compare");
        assertTrue(withDefs > CASES / 20, "only " + withDefs + " cases with definitions were compared");
        assertTrue(unstable < compared / 10, unstable + " unstable points against " + compared + " compared");
        assertTrue(largest < 20_000, "a derivative of " + largest + " nodes");
    }

    @Test
    void everyStepOfRandomDerivationsIsRightOnItsOwn() {
        RandomExprs gen = new RandomExprs(99L);
        int checked = 0;
        for (int i = 0; i < 300; i++) {
            RandomExprs.Case c = gen.next();
            String v = RandomExprs.VARS.get(i % 3);
            Step s = new Differentiator(c.defs()).differentiate(c.expr(), v);
            checked += StepChecks.assertEveryStepIsRight(s, c.defs(), i);
            StepChecks.assertLetsAreFreshAndUsed(s);
        }
        assertTrue(checked > 300, "only " + checked + " steps were compared");
    }
}
