package deriv.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import deriv.parse.DerivException;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
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
    void printingIsStableAfterOneRoundTrip() {
        RandomExprs gen = new RandomExprs(7L);
        for (int i = 0; i < 1000; i++) {
            String text = Printer.print(gen.next(5));
            assertEquals(text, Printer.print(Parsing.expr(text)));
        }
    }
}
