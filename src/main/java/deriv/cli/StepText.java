package deriv.cli;

import deriv.diff.Derivation;
import deriv.diff.Rules;
import deriv.diff.Step;
import deriv.expr.Printer;

/** Derivations as indented plain text: one line per step, rule name first. */
final class StepText {
    private StepText() {}

    static String render(Derivation d) {
        StringBuilder sb = new StringBuilder();
        sb.append(Printer.print(d.problem())).append('\n');
        for (Step s : d.steps()) step(s, 1, sb);
        sb.append("= ").append(Printer.print(d.result())).append('\n');
        return sb.toString();
    }

    private static void step(Step s, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(Rules.describe(s.rule()));
        if (s.let() != null) sb.append(" (let ").append(s.let().name()).append(" = ").append(Printer.print(s.let().value())).append(')');
        if (s.note() != null) sb.append(" [").append(s.note()).append(']');
        sb.append(": ").append(Printer.print(s.before())).append(" = ").append(Printer.print(s.after())).append('\n');
        for (Step sub : s.substeps()) step(sub, depth + 1, sb);
    }
}
