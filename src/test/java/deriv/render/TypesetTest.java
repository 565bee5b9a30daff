package deriv.render;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.RandomExprs;
import deriv.latex.DerivationLatex;
import deriv.latex.DerivationLatex.Line;
import deriv.latex.LatexPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JLaTeXMath typesets everything the printers write: a printer that emits what it cannot render has a bug. */
class TypesetTest {

    private static void typesets(String latex, String what) {
        try {
            Renderer.Box box = Renderer.Box.of(latex, 10);
            assertTrue(box.width() > 0, what + ": empty box for " + latex);
        } catch (Renderer.BadLatexException e) {
            fail(what + ": " + e.getMessage());
        }
    }

    @Test
    void everyRandomExpressionTypesets() {
        RandomExprs gen = new RandomExprs(5_2026L);
        for (int i = 0; i < 400; i++) {
            Expr e = gen.next(4);
            String print = LatexPrinter.print(e), exact = LatexPrinter.exact(e);
            typesets(print, "expression " + i);
            if (!exact.equals(print)) typesets(exact, "exact expression " + i);
        }
    }

    @Test
    void theWidthEstimateThatBreaksLinesIsCloseToTheTypesetWidth() {
        RandomExprs gen = new RandomExprs(77L, false);
        int within = 0, n = 0;
        for (int i = 0; i < 200; i++) {
            String latex = LatexPrinter.print(gen.next(3));
            double real = Renderer.Box.of(latex, 1).width(), estimate = deriv.latex.LatexWidth.em(latex);
            if (real < 2) continue;
            n++;
            if (Math.abs(estimate - real) <= 0.2 * real) within++;
            assertTrue(Math.abs(estimate - real) <= 0.5 * real + 1, latex + ": estimated " + estimate + " em, typeset " + real);
        }
        assertTrue(within >= 0.85 * n, within + " of " + n + " within 20%");
    }

    @Test
    void everyRandomDerivationTypesetsLineByLineAndAsOneBlock() {
        RandomExprs gen = new RandomExprs(11L, false);
        int done = 0;
        for (int i = 0; done < 60 && i < 400; i++) {
            Expr e = gen.next(3);
            if (!Exprs.containsVar(e, "x") || Exprs.size(e) > 40) continue;
            Derivation d = Differentiator.derive(e, List.of("x"), Definitions.EMPTY);
            DerivationLatex.Options o = DerivationLatex.Options.allSteps().withWidth(40).withGrayNotes(i % 2 == 0);
            List<Line> lines = DerivationLatex.lines(d, o);
            for (Line l : lines) {
                if (!l.left().isEmpty()) typesets(l.left(), "derivation " + i + " left");
                typesets(l.right(), "derivation " + i);
            }
            typesets(DerivationLatex.aligned(lines), "derivation " + i + " block");
            typesets(DerivationLatex.title(List.of(d)), "title " + i);
            done++;
        }
        assertTrue(done == 60, "only " + done + " derivations");
    }
}
