package deriv.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import deriv.expr.Expr.*;
import deriv.parse.DerivException;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Printing then parsing gives back an equal tree, for thousands of seeded random expressions. */
class RoundTripTest {
    static final int CASES = 3000;

    @Test
    void printedExpressionsParseBackEqual() {
        RandomExprs gen = new RandomExprs(20261122L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Expr e = gen.next(1 + i % 6);
            String text = Printer.print(e);
            try {
                Expr back = Parsing.expr(text);
                if (!back.equals(e)) failures.add(text + "\n    tree:  " + e + "\n    back:  " + back);
            } catch (DerivException x) {
                failures.add(text + "\n    tree:  " + e + "\n    error: " + x.diagnostic().render());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " failed to round-trip; the first:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(8, failures.size()))));
        }
    }

    @Test
    void theGeneratorCoversEveryNodeKind() {
        RandomExprs gen = new RandomExprs(20261122L);
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < CASES; i++) collect(gen.next(1 + i % 6), kinds);
        assertEquals(new TreeSet<>(List.of("Add", "Call/1", "Call/2", "Const", "Diff", "Mul", "Num/big", "Num/negative",
            "Num/rational", "Piecewise", "Piecewise/2", "Pow", "Pow/nested", "Pow/negative", "Var")), kinds);
    }

    private static void collect(Expr e, Set<String> kinds) {
        switch (e) {
            case Num n -> {
                if (n.isNegative()) kinds.add("Num/negative");
                if (!n.isInteger()) kinds.add("Num/rational");
                if (n.num().bitLength() > 64) kinds.add("Num/big");
            }
            case Pow p -> {
                kinds.add("Pow");
                if (p.base() instanceof Pow || p.exp() instanceof Pow) kinds.add("Pow/nested");
                if (p.exp() instanceof Num k && k.isNegative()) kinds.add("Pow/negative");
            }
            case Call c -> kinds.add("Call/" + c.args().size());
            case Piecewise p -> { kinds.add("Piecewise"); if (p.branches().size() > 1) kinds.add("Piecewise/2"); }
            default -> kinds.add(e.getClass().getSimpleName());
        }
        for (Expr c : Exprs.children(e)) collect(c, kinds);
    }

    @Test
    void printingIsStableAfterOneRoundTrip() {
        RandomExprs gen = new RandomExprs(7L);
        for (int i = 0; i < 1000; i++) {
            String text = Printer.print(gen.next(5));
            assertEquals(text, Printer.print(Parsing.expr(text)));
        }
    }
}
