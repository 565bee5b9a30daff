package deriv.diff;

import static org.junit.jupiter.api.Assertions.*;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Printer;
import java.util.ArrayList;
import java.util.List;

/** Checks on a whole step tree, for tests. */
final class StepChecks {
    private StepChecks() {}

    /**
     * Every step that states a derivative ({@code before} is {@code diff(body, v)}) is checked
     * numerically on its own, the names introduced by "let" drawn like any variable. Returns how
     * many steps were compared at one point or more.
     */
    static int assertEveryStepIsRight(Step root, Definitions defs, long seed) {
        List<String> problems = new ArrayList<>();
        int[] compared = {0};
        walk(root, defs, seed, problems, compared);
        if (!problems.isEmpty()) fail(String.join("\n", problems));
        return compared[0];
    }

    private static void walk(Step s, Definitions defs, long seed, List<String> problems, int[] compared) {
        if (s.before() instanceof Expr.Diff d && !Differentiator.containsDiff(d.body())) {
            Numeric.Tally t = Numeric.check(d.body(), s.after(), defs, d.var(), seed, 4);
            for (String m : t.mismatches()) problems.add(s.rule() + ": " + m);
            if (t.agreed() > 0) compared[0]++;
        }
        for (Step sub : s.substeps()) walk(sub, defs, seed + 1, problems, compared);
    }

    /**
     * The names a step tree introduces with "let" are all different, and each is used by the step's
     * outer rule. A step shared by several places (the same subexpression) counts once.
     */
    static void assertLetsAreFreshAndUsed(Step root) {
        List<String> names = new ArrayList<>();
        lets(root, names, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        assertEquals(names.size(), names.stream().distinct().count(), "let names repeat: " + names);
    }

    private static void lets(Step s, List<String> names, java.util.Set<Step> seen) {
        if (!seen.add(s)) return;
        if (s.let() != null) {
            names.add(s.let().name());
            Step outer = s.substeps().getFirst();
            assertTrue(outer.before() instanceof Expr.Diff d && d.var().equals(s.let().name()),
                "the outer step of a let differentiates by the new name: " + Printer.print(outer.before()));
        }
        for (Step sub : s.substeps()) lets(sub, names, seen);
    }
}
