package deriv.cli;

import deriv.eval.Evaluator;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Greek;
import deriv.parse.DerivException;
import deriv.parse.Diagnostic;
import deriv.parse.Parsing;
import deriv.parse.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code --at x=1.5,y=2}: names to numbers (a constant expression such as pi/4 is allowed). */
public final class Assignments {
    private Assignments() {}

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text == null) return out;
        Source src = new Source("--at", text);
        if (text.isBlank()) throw new DerivException(Diagnostic.at(src, 1, 1, "--at is empty: expected name=value, ..."));
        int pos = 0;
        for (String part : text.split(",", -1)) {
            int col = pos + 1;
            pos += part.length() + 1;
            int lead = part.length() - part.stripLeading().length();
            String p = part.strip();
            if (p.isEmpty()) throw new DerivException(Diagnostic.at(src, 1, col, "empty assignment in --at: expected name=value"));
            int eq = p.indexOf('=');
            if (eq < 0) throw new DerivException(Diagnostic.at(src, 1, col + lead, "expected name=value in --at, got '" + p + "'"));
            String name = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            if (name.isEmpty()) throw new DerivException(Diagnostic.at(src, 1, col + lead, "missing name before '=' in --at"));
            if (!NAME.matcher(name).matches()) {
                throw new DerivException(Diagnostic.at(src, 1, col + lead, "'" + name + "' is not a variable name"));
            }
            int valueCol = col + lead + eq + 1 + (p.substring(eq + 1).length() - p.substring(eq + 1).stripLeading().length());
            if (value.isEmpty()) throw new DerivException(Diagnostic.at(src, 1, valueCol, "no value for '" + name + "' in --at"));
            double v = number(value, src, valueCol, name);
            String key = Greek.spell(name);
            if (out.containsKey(key)) throw new DerivException(Diagnostic.at(src, 1, col + lead, "'" + name + "' is given twice in --at"));
            out.put(key, v);
        }
        return out;
    }

    private static double number(String value, Source src, int col, String name) {
        if (DECIMAL.matcher(value).matches()) {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) throw new DerivException(Diagnostic.at(src, 1, col, "'" + value + "' is out of range (the value of " + name + ")"));
            return d;
        }
        // constant expressions are allowed too: pi/4, 1/3, -e
        Expr e;
        try {
            e = Parsing.expr(value);
        } catch (DerivException ex) {
            throw new DerivException(Diagnostic.at(src, 1, col, "'" + value + "' is not a number (the value of " + name + ")"));
        }
        if (!Exprs.freeVars(e).isEmpty()) {
            throw new DerivException(Diagnostic.at(src, 1, col, "'" + value + "' is not a number (the value of " + name + ")"));
        }
        double d = Evaluator.eval(e, Map.of());
        if (!Double.isFinite(d)) throw new DerivException(Diagnostic.at(src, 1, col, "'" + value + "' is not a finite number (the value of " + name + ")"));
        return d;
    }
}
