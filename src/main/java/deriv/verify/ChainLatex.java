package deriv.verify;

import deriv.expr.Definition;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.latex.DerivationLatex.Line;
import deriv.latex.LatexPrinter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A checked derivation as aligned LaTeX lines, each step marked: a green check mark for a step
 * that holds, the line in red with a cross (and "first wrong step", or "slip?") for one that does
 * not, and a grey line under it with the counterexample. Uses only what JLaTeXMath renders
 * ({@code \textcolor} with named colours, {@code \checkmark}, {@code \times}, {@code \text}).
 */
public final class ChainLatex {
    private ChainLatex() {}

    private static final String OK = "\\qquad \\textcolor{ForestGreen}{\\checkmark}";
    private static final String RED = "red";

    /** One block of lines per chain (a chain's definitions first). */
    public static List<List<Line>> blocks(ChainReport r) {
        List<List<Line>> blocks = new ArrayList<>();
        List<Line> block = null;
        Set<String> shown = new HashSet<>();
        int first = r.firstWrong().isPresent() ? r.steps().get(r.firstWrong().getAsInt()).from() : -1;
        List<ChainEntry> entries = r.entries();
        for (int i = 0; i < entries.size(); i++) {
            ChainEntry e = entries.get(i);
            if (i == 0 || !e.continues()) {
                if (block != null) blocks.add(block);
                block = new ArrayList<>();
                definitions(e.defs(), shown, block);
                if (i + 1 < entries.size() && entries.get(i + 1).continues()) continue;
                block.add(new Line(LatexPrinter.print(e.expr()), ""));
                continue;
            }
            ChainReport.StepResult s = step(r, i);
            String right = "= " + LatexPrinter.print(e.expr());
            String left = i >= 1 && (i == 1 || !entries.get(i - 1).continues()) ? LatexPrinter.print(entries.get(i - 1).expr()) : "";
            if (s == null || s.valid()) {
                block.add(new Line(left, right + OK));
            } else {
                String label = s.from() == first ? "\\ \\text{first wrong step" + (s.slip() ? " (slip?)" : "") + "}"
                    : s.slip() ? "\\ \\text{slip?}" : "";
                block.add(new Line(left, "\\textcolor{" + RED + "}{" + right + "}\\qquad \\textcolor{" + RED + "}{\\times" + label + "}"));
                Counterexample c = s.verdict().counterexample();
                if (c != null) block.add(new Line("", "\\textcolor{gray}{" + counterexample(c) + "}"));
            }
        }
        if (block != null) blocks.add(block);
        return blocks;
    }

    /** A title for the sheet: how many steps hold. */
    public static String title(ChainReport r) {
        long wrong = r.wrongCount();
        return wrong == 0 ? "\\text{all " + r.steps().size() + " steps hold}"
            : "\\text{" + wrong + " of " + r.steps().size() + " steps wrong}";
    }

    /** A claimed derivative as one block: d/dv F = claimed, marked, and the correct one under a wrong claim. */
    public static List<List<Line>> claim(Expr f, String var, Expr claimed, Verdict v, Expr correct) {
        List<Line> block = new ArrayList<>();
        String left = LatexPrinter.print(new Expr.Diff(f, var));
        if (v.valid()) {
            block.add(new Line(left, "= " + LatexPrinter.print(claimed) + OK));
        } else {
            block.add(new Line(left, "\\textcolor{" + RED + "}{= " + LatexPrinter.print(claimed) + "}\\qquad \\textcolor{"
                + RED + "}{\\times}"));
            if (correct != null) block.add(new Line("", "\\textcolor{gray}{\\text{correct }} " + LatexPrinter.print(correct)));
            if (v.counterexample() != null) block.add(new Line("", "\\textcolor{gray}{" + counterexample(v.counterexample()) + "}"));
        }
        return List.of(block);
    }

    private static ChainReport.StepResult step(ChainReport r, int toIndex) {
        for (ChainReport.StepResult s : r.steps()) if (s.to() == toIndex + 1) return s;
        return null;
    }

    private static void definitions(Definitions defs, Set<String> shown, List<Line> block) {
        for (Definition d : defs.all()) {
            if (!shown.add(d.name())) continue;
            String head = switch (d) {
                case Definition.Intermediate i -> LatexPrinter.name(i.name());
                case Definition.Function f -> LatexPrinter.name(f.name()) + "(" + String.join(", ",
                    f.params().stream().map(LatexPrinter::name).toList()) + ")";
            };
            block.add(new Line(head, ":= " + LatexPrinter.print(d.body())));
        }
    }

    private static String counterexample(Counterexample c) {
        StringBuilder sb = new StringBuilder("\\text{at }");
        boolean first = true;
        for (var p : c.point().entrySet()) {
            if (!first) sb.append(",\\ ");
            first = false;
            sb.append(LatexPrinter.name(p.getKey())).append(" = ").append(shortNumber(p.getValue()));
        }
        if (c.point().isEmpty()) sb.append("\\text{any point}");
        sb.append("\\text{: }").append(shortNumber(c.expected())).append(" \\neq ").append(shortNumber(c.claimed()));
        return sb.toString();
    }

    /** Six significant digits: enough to see two values differ. */
    private static String shortNumber(double v) {
        String s = Reports.number(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v)));
        return s.replace("e", "\\cdot 10^{") + (s.contains("e") ? "}" : "");
    }
}
