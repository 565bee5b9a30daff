package deriv.verify;

import deriv.expr.Definition;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.parse.DerivException;
import deriv.parse.Diagnostic;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import deriv.parse.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a derivation in the plain language: one expression per line, each claimed equal to the
 * previous one; blank lines and {@code #} comments are ignored; {@code name := expr} and
 * {@code F(a, b) := expr} lines are definitions for the lines after them. Each line is parsed as a
 * program made of the definitions so far and the line itself, laid out at their real line
 * numbers, so that every error points into the file with a caret.
 */
public final class PlainChain {
    private PlainChain() {}

    private static final Pattern DEFINITION =
        Pattern.compile("^\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*(\\([^)]*\\))?\\s*:=");

    public static List<ChainEntry> read(Source source) {
        List<String> lines = source.lines();
        List<Integer> definitionLines = new ArrayList<>();
        Map<String, Integer> usedAt = new HashMap<>();
        List<ChainEntry> entries = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            String code = withoutComment(line).strip();
            if (code.isEmpty()) continue;
            Matcher def = DEFINITION.matcher(line);
            if (def.find()) {
                Parsed p = Parsing.program(program(source, lines, definitionLines, n, true));
                List<Definition> all = p.program().definitions().all();
                String name = all.getLast().name();
                Integer used = usedAt.get(name);
                if (used != null) {
                    throw new DerivException(Diagnostic.at(source, n, def.start(1) + 1,
                        "'" + name + "' is defined after line " + used + " uses it as a variable; define it before its first use"));
                }
                definitionLines.add(n);
                continue;
            }
            int semi = code.indexOf(';');
            if (semi >= 0) {
                throw new DerivException(Diagnostic.at(source, n, line.indexOf(';') + 1,
                    "one expression per line in a chain: put the next step on its own line"));
            }
            Parsed p = Parsing.program(program(source, lines, definitionLines, n, false));
            Expr body = p.program().body();
            for (String name : names(body)) {
                if (!p.program().definitions().defines(name)) usedAt.putIfAbsent(name, n);
            }
            entries.add(new ChainEntry(n, code, body, p.program().definitions()));
        }
        if (entries.size() < 2) {
            throw DerivException.general(source.name() + ": a chain needs at least two expressions (one per line), found "
                + entries.size());
        }
        return entries;
    }

    /** The definitions so far and line n, each at its own line number; a definition is followed by a dummy body. */
    private static Source program(Source source, List<String> lines, List<Integer> defs, int n, boolean isDefinition) {
        StringBuilder sb = new StringBuilder();
        int d = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || d < defs.size() && defs.get(d) == i) {
                sb.append(lines.get(i - 1));
                if (i != n) d++;
            }
            sb.append('\n');
        }
        if (isDefinition) sb.append("0\n");
        return new Source(source.name(), sb.toString());
    }

    private static String withoutComment(String line) {
        int h = line.indexOf('#');
        return h < 0 ? line : line.substring(0, h);
    }

    /** Free variable names of a line, the variables of its diff(...) included. */
    private static List<String> names(Expr e) {
        List<String> out = new ArrayList<>(Exprs.freeVars(e));
        List<Expr.Diff> ds = Hints.diffs(e);
        for (Expr.Diff x : ds) if (!out.contains(x.var())) out.add(x.var());
        return out;
    }
}
