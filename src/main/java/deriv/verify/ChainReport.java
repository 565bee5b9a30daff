package deriv.verify;

import java.util.List;
import java.util.OptionalInt;

/**
 * The verdict on a whole derivation: one {@link StepResult} per step {@code i -> i+1}.
 *
 * @param entries the lines, in order (definitions are not lines)
 * @param steps   the steps, in order; step {@code from -> to} compares entries {@code from-1} and {@code to-1}
 *                (there is no step into a line that starts a new chain)
 */
public record ChainReport(List<ChainEntry> entries, List<StepResult> steps) {
    public ChainReport {
        entries = List.copyOf(entries);
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param from    1-based number of the earlier line, counting lines of the chain only
     * @param to      {@code from + 1}
     * @param verdict whether the later line equals the earlier one
     * @param slip    the step touches a line that looks like a slip in an otherwise sound chain
     * @param note    typo detection and other remarks, or null
     */
    public record StepResult(int from, int to, Verdict verdict, boolean slip, String note) {
        public boolean valid() { return verdict.valid(); }
    }

    /** Every step holds. */
    public boolean valid() {
        for (StepResult s : steps) if (!s.valid()) return false;
        return true;
    }

    /** Index (into {@link #steps}) of the first wrong step. */
    public OptionalInt firstWrong() {
        for (int i = 0; i < steps.size(); i++) if (!steps.get(i).valid()) return OptionalInt.of(i);
        return OptionalInt.empty();
    }

    /** The name of entry {@code index} (0-based) in reports: "line 7" or "step 3". */
    public String label(int index) { return ChainChecker.labels(entries).get(index); }

    public long wrongCount() { return steps.stream().filter(s -> !s.valid()).count(); }
}
