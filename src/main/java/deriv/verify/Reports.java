package deriv.verify;

import deriv.expr.Expr;
import deriv.expr.Printer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Verdicts as plain text for people and as maps (for JSON) for programs; every face (the command
 * line, the web page) prints the same words.
 */
public final class Reports {
    private Reports() {}

    // ------------------------------------------------------------------------------- one claim

    /** A claim's verdict as a map: valid, method, counterexample, difference, hint (and details). */
    public static Map<String, Object> claimMap(Verdict v, Expr correct) {
        Map<String, Object> m = verdictMap(v);
        if (correct != null) m.put("correct", Printer.print(correct));
        return m;
    }

    private static Map<String, Object> verdictMap(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", v.valid());
        m.put("method", v.method().label());
        m.put("counterexample", counterexampleMap(v.counterexample()));
        m.put("difference", v.difference() == null ? null : "claimed - correct = " + Printer.print(v.difference()));
        m.put("hint", v.hint());
        m.put("note", v.note());
        m.put("points", v.numeric().compared());
        m.put("skipped", v.numeric().skipped());
        m.put("tolerance", Tolerance.RELATIVE);
        return m;
    }

    static Map<String, Object> counterexampleMap(Counterexample c) {
        if (c == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", new LinkedHashMap<>(orderedPoint(c)));
        m.put("expected", c.expected());
        m.put("claimed", c.claimed());
        return m;
    }

    /** The claim's verdict in words. */
    public static String claimText(Verdict v, String what, Expr correct) {
        StringBuilder sb = new StringBuilder();
        if (v.valid()) {
            sb.append("valid: the claim equals ").append(what).append(" (").append(decidedBy(v)).append(")\n");
        } else if (v.method() == Verdict.Method.UNDECIDED) {
            sb.append("not verified: ").append(v.note()).append('\n');
            return sb.toString();
        } else {
            sb.append("NOT VALID: the claim differs from ").append(what).append(" (").append(decidedBy(v)).append(")\n");
            if (correct != null) sb.append("  correct:  ").append(Printer.print(correct)).append('\n');
            counterexampleLines(v, "correct", "claimed", "  ", sb);
            if (v.difference() != null) sb.append("  claimed - correct = ").append(Printer.print(v.difference())).append('\n');
            if (v.hint() != null) sb.append("  hint: ").append(v.hint()).append('\n');
        }
        if (v.note() != null) sb.append("  note: ").append(v.note()).append('\n');
        return sb.toString();
    }

    // -------------------------------------------------------------------------------- a chain

    public static Map<String, Object> chainMap(ChainReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", r.valid());
        m.put("firstWrong", r.firstWrong().isPresent() ? r.steps().get(r.firstWrong().getAsInt()).from() : null);
        List<Object> steps = new ArrayList<>();
        for (ChainReport.StepResult s : r.steps()) {
            ChainEntry a = r.entries().get(s.from() - 1), b = r.entries().get(s.to() - 1);
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("from", s.from());
            sm.put("to", s.to());
            sm.put("valid", s.valid());
            sm.put("method", s.verdict().method().label());
            sm.put("counterexample", counterexampleMap(s.verdict().counterexample()));
            sm.put("note", joinNotes(s.note(), s.verdict().note()));
            sm.put("hint", s.verdict().hint());
            sm.put("difference", s.verdict().difference() == null ? null : Printer.print(s.verdict().difference()));
            sm.put("fromLine", a.line());
            sm.put("toLine", b.line());
            sm.put("fromSource", a.source());
            sm.put("toSource", b.source());
            sm.put("slip", s.slip());
            steps.add(sm);
        }
        m.put("steps", steps);
        return m;
    }

    public static String chainText(ChainReport r, String name) {
        StringBuilder sb = new StringBuilder();
        int first = r.firstWrong().orElse(-1);
        for (int i = 0; i < r.steps().size(); i++) {
            ChainReport.StepResult s = r.steps().get(i);
            ChainEntry a = r.entries().get(s.from() - 1), b = r.entries().get(s.to() - 1);
            String where = a.line() <= 0 ? "" : a.line() == b.line() ? "  (line " + a.line() + ")"
                : "  (lines " + a.line() + " -> " + b.line() + ")";
            if (i > 0 && r.steps().get(i - 1).to() != s.from()) sb.append("  -- a new chain starts at ").append(r.label(s.from() - 1)).append('\n');
            if (s.valid()) {
                sb.append("  ok     step ").append(s.from()).append(" -> ").append(s.to()).append(where)
                  .append(": ").append(decidedBy(s.verdict())).append('\n');
                if (s.verdict().note() != null) sb.append("           note: ").append(s.verdict().note()).append('\n');
                continue;
            }
            sb.append("  WRONG  step ").append(s.from()).append(" -> ").append(s.to()).append(where);
            if (i == first) sb.append("   <-- first wrong step");
            sb.append('\n');
            sb.append("           ").append(a.source()).append('\n');
            sb.append("         = ").append(b.source()).append('\n');
            String la = r.label(s.from() - 1), lb = r.label(s.to() - 1);
            if (s.verdict().method() == Verdict.Method.UNDECIDED) {
                sb.append("         not verified: ").append(s.verdict().note()).append('\n');
            } else {
                counterexampleLines(s.verdict(), la, lb, "         ", sb);
                if (s.verdict().difference() != null) {
                    sb.append("         (").append(lb).append(") - (").append(la).append(") = ")
                      .append(Printer.print(s.verdict().difference())).append('\n');
                }
                if (s.verdict().hint() != null) sb.append("         hint: ").append(s.verdict().hint()).append('\n');
                if (s.verdict().note() != null) sb.append("         note: ").append(s.verdict().note()).append('\n');
            }
            if (s.note() != null) sb.append("         ").append(s.note()).append('\n');
        }
        if (r.valid()) {
            sb.append("valid: all ").append(r.steps().size()).append(" steps of ").append(name).append(" hold\n");
        } else {
            ChainReport.StepResult s = r.steps().get(first);
            sb.append("NOT VALID: ").append(r.wrongCount()).append(" of ").append(r.steps().size())
              .append(" steps wrong; the first wrong step is ").append(s.from()).append(" -> ").append(s.to());
            ChainEntry b = r.entries().get(s.to() - 1);
            if (b.line() > 0) sb.append(" (line ").append(b.line()).append(')');
            sb.append('\n');
        }
        return sb.toString();
    }

    // -------------------------------------------------------------------------------- helpers

    /** "decided symbolically; 48 points agree" and the like. */
    public static String decidedBy(Verdict v) {
        NumericCheck.Result r = v.numeric();
        String pts = r.compared() + " point" + (r.compared() == 1 ? "" : "s");
        String skipped = r.skipped() > 0 ? ", " + r.skipped() + " skipped where a side is undefined" : "";
        return switch (v.method()) {
            case SYMBOLIC -> v.valid() ? "decided symbolically: the difference simplifies to 0; " + pts + " agree" + skipped
                : "decided symbolically: the difference simplifies to a nonzero constant";
            case NUMERIC -> v.valid() ? "decided numerically: equal at " + pts + skipped
                : "decided numerically: a counterexample among " + pts + skipped;
            case UNDECIDED -> "undecided";
        };
    }

    private static void counterexampleLines(Verdict v, String expectedName, String claimedName, String indent,
                                            StringBuilder sb) {
        Counterexample c = v.counterexample();
        if (c == null) return;
        sb.append(indent).append("counterexample at ").append(pointText(c)).append(": ")
          .append(expectedName).append(" = ").append(number(c.expected())).append(", ")
          .append(claimedName).append(" = ").append(number(c.claimed())).append('\n');
    }

    static Map<String, Double> orderedPoint(Counterexample c) {
        return c.point();
    }

    public static String pointText(Counterexample c) {
        if (c.point().isEmpty()) return "any point";
        StringJoiner j = new StringJoiner(", ");
        for (var e : orderedPoint(c).entrySet()) j.add(e.getKey() + " = " + number(e.getValue()));
        return j.toString();
    }

    /** Up to ten significant digits, no trailing zeros. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.10g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return stripZeros(parts[0]) + "e" + parts[1];
        }
        return stripZeros(s);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String joinNotes(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "; " + b;
    }
}
