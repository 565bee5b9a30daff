package deriv.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a derivation: each line is claimed equal to the one before (unless it starts a new chain,
 * {@link ChainEntry#continues()}). Every step gets a verdict;
 * a wrong step whose neighbours agree (line i equals line i+2) is reported as a slip at line i+1
 * in an otherwise sound chain, rather than as two independent mistakes.
 */
public final class ChainChecker {
    private ChainChecker() {}

    public static ChainReport check(List<ChainEntry> entries) {
        List<String> labels = labels(entries);
        List<Side> sides = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) sides.add(new Side(labels.get(i), entries.get(i).expr(), entries.get(i).defs()));
        // verdicts.get(i) compares entries i and i+1; null where entry i+1 starts a new chain
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i + 1 < sides.size(); i++) {
            verdicts.add(entries.get(i + 1).continues() ? Verifier.compare(sides.get(i), sides.get(i + 1)) : null);
        }
        String[] notes = new String[verdicts.size()];
        boolean[] slip = new boolean[verdicts.size()];
        for (int i = 0; i + 2 < sides.size(); i++) {
            if (verdicts.get(i) == null || verdicts.get(i + 1) == null) continue;
            if (verdicts.get(i).valid() || verdicts.get(i + 1).valid()) continue;
            if (!Verifier.compare(sides.get(i), sides.get(i + 2)).valid()) continue;
            String text = labels.get(i + 1) + " looks like a slip: " + labels.get(i) + " and "
                + labels.get(i + 2) + " are equal, so the chain is otherwise sound";
            notes[i] = append(notes[i], text);
            notes[i + 1] = append(notes[i + 1], text);
            slip[i] = slip[i + 1] = true;
        }
        List<ChainReport.StepResult> steps = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i) == null) continue;
            steps.add(new ChainReport.StepResult(i + 1, i + 2, verdicts.get(i), slip[i], notes[i]));
        }
        return new ChainReport(entries, steps);
    }

    /**
     * How reports name each entry: "line 7" when every entry has a line of its own (a plain chain
     * file), else "step 3" (LaTeX puts several steps on one line), counting entries from 1.
     */
    public static List<String> labels(List<ChainEntry> entries) {
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        boolean unique = true;
        for (ChainEntry e : entries) unique &= e.line() > 0 && lines.add(e.line());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) out.add(unique ? "line " + entries.get(i).line() : "step " + (i + 1));
        return out;
    }

    private static String append(String a, String b) {
        return a == null ? b : a.contains(b) ? a : a + "; " + b;
    }
}
