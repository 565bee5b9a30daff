package deriv.verify;

import static org.junit.jupiter.api.Assertions.*;

import deriv.parse.DerivException;
import deriv.parse.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading chains: plain files (definitions, comments, errors at the file's own lines) and LaTeX documents. */
class ChainReadingTest {

    static List<ChainEntry> plain(String text) { return PlainChain.read(new Source("chain.txt", text)); }

    static DerivException plainError(String text) {
        return assertThrows(DerivException.class, () -> plain(text));
    }

    @Test void definitionsCommentsAndBlankLinesAreNotSteps() {
        List<ChainEntry> es = plain("# a derivation\n\nu := 3*x + 1\ndiff(u^2, x)   # by the chain rule\n\n2*u*3\n");
        assertEquals(2, es.size());
        assertEquals(4, es.get(0).line());
        assertEquals("diff(u^2, x)", es.get(0).source());
        assertEquals(6, es.get(1).line());
        assertTrue(es.get(1).defs().intermediate("u").isPresent());
    }

    @Test void acceptanceChains() {
        assertEquals(List.of(), wrong("diff(x^2*sin(x), x)\ndiff(x^2, x)*sin(x) + x^2*diff(sin(x), x)\n2*x*sin(x) + x^2*cos(x)\n"));
        assertEquals(List.of(3), wrong("u := 3*x + 1\ndiff(u^2, x)\n2*u*diff(u, x)\n2*u*3\n6*u + 1\n"));
        assertEquals(List.of(1, 2), wrong("diff(exp(2*t), t)\nexp(2*t)\n2*exp(2*t)\n"));
    }

    @Test void derivativeWithRespectToAnIntermediate() {
        String text = "m := W1*x + b1\nk := W2*tanh(m) + b2\ndiff(LeakyReLU(k), k)\nif(k > 0, 1, 0.01)\nif(k > 0, 1, 0.1)\n";
        assertEquals(List.of(2), wrong(text));
    }

    @Test void definitionsBetweenSteps() {
        assertEquals(List.of(), wrong("diff((3*x + 1)^2, x)\nu := 3*x + 1\n2*u*3\n6*u\n"));
    }

    static List<Integer> wrong(String text) {
        return ChainDerivationsTest.wrong(ChainChecker.check(plain(text)));
    }

    @Test void syntaxErrorPointsAtTheFilesLine() {
        DerivException e = plainError("# comment\nx^2\n\n2*x +\n");
        assertEquals(4, e.diagnostic().line());
        assertTrue(e.diagnostic().render().contains("2*x +"), e.diagnostic().render());
        assertTrue(e.diagnostic().render().contains("^"));
    }

    @Test void errorInADefinitionPointsAtIt() {
        DerivException e = plainError("x^2\nu := 3*x +* 1\n2*x\n");
        assertEquals(2, e.diagnostic().line());
        DerivException f = plainError("x^2\nu := foo(x)\nu\n");
        assertEquals(2, f.diagnostic().line());
        assertTrue(f.getMessage().contains("unknown function"), f.getMessage());
    }

    @Test void definitionAfterUse() {
        DerivException e = plainError("diff(k^2, x)\n2*k\nk := 3*x\n");
        assertEquals(3, e.diagnostic().line());
        assertTrue(e.getMessage().contains("after line 1"), e.getMessage());
    }

    @Test void redefinitionIsAnError() {
        DerivException e = plainError("u := x\nu^2\nu := 2*x\nu^2\n");
        assertEquals(3, e.diagnostic().line());
        assertTrue(e.getMessage().contains("defined"), e.getMessage());
    }

    @Test void oneExpressionPerLine() {
        DerivException e = plainError("x^2; 2*x\n2*x\n");
        assertEquals(1, e.diagnostic().line());
        assertEquals(4, e.diagnostic().column());
    }

    @Test void aChainNeedsTwoLines() {
        assertTrue(plainError("x^2\n").getMessage().contains("at least two"));
        assertTrue(plainError("# nothing\n\n").getMessage().contains("at least two"));
    }

    @Test void labelsAreLinesOrSteps() {
        List<ChainEntry> es = plain("x^2\n\nx*x\n");
        assertEquals(List.of("line 1", "line 3"), ChainChecker.labels(es));
    }

    // ------------------------------------------------------------------------------- LaTeX

    static final String SIGMOID_TEX = """
        The derivative of the sigmoid:
        $$
        \\frac{\\partial}{\\partial a}\\frac{1}{1+e^{-a}}
        = \\frac{\\partial}{\\partial a}\\left(1+e^{-a}\\right)^{-1}
        = -1\\cdot\\left(1+e^{-a}\\right)^{-2}\\cdot\\frac{\\partial}{\\partial a}\\left(1+e^{-a}\\right)
        $$
        \\[
        = -\\left(1+e^{-a}\\right)^{-2}\\cdot\\left(\\frac{\\partial}{\\partial a} 1 + \\frac{\\partial}{\\partial a} e^{-a}\\right)
        = -\\left(1+e^{-a}\\right)^{-2}\\cdot e^{-a}\\cdot -1
        = \\frac{e^{-a}}{\\left(1+e^{-a}\\right)^{2}}
        \\]
        \\begin{aligned}
        &= \\frac{1}{1+e^{-a}}\\cdot\\frac{e^{-a}}{1+e^{-a}} \\\\
        &= \\frac{1}{1+e^{-a}}\\cdot\\frac{1 + e^{-a} - 1}{1+e^{-a}} \\\\
        &= \\frac{1}{1+e^{-a}}\\cdot\\left(1-\\frac{1}{1+e^{-a}}\\right) = \\sigma(a)(1 - \\sigma(a))
        \\end{aligned}
        """;

    static ChainReport latex(String text) { return ChainChecker.check(LatexChain.read(new Source("d.tex", text))); }

    @Test void latexSigmoidDerivationHolds() {
        ChainReport r = latex(SIGMOID_TEX);
        assertTrue(r.valid(), () -> Reports.chainText(r, "d.tex"));
        assertEquals(9, r.steps().size());
        assertTrue(r.entries().getFirst().source().contains("\\frac{\\partial}{\\partial a}"), "reports quote the LaTeX");
    }

    @Test void latexSigmoidWithTheClassicMistake() {
        String wrong = SIGMOID_TEX.replace("= -1\\cdot\\left(1+e^{-a}\\right)^{-2}\\cdot\\frac{\\partial}{\\partial a}\\left(1+e^{-a}\\right)",
            "= -1\\cdot\\left(1+e^{-a}\\right)^{-2}");
        ChainReport r = latex(wrong);
        assertEquals(List.of(2, 3), ChainDerivationsTest.wrong(r), () -> Reports.chainText(r, "d.tex"));
        assertTrue(r.steps().get(1).verdict().hint().contains("chain"), r.steps().get(1).verdict().hint());
        assertTrue(r.steps().get(1).slip(), "line 3 is a slip: lines 2 and 4 agree");
    }

    @Test void latexMaeThroughAbsShorthand() {
        String ok = "$$ \\frac{|y - w x|}{\\partial w} = \\frac{\\sqrt{(y - w x)^2}}{\\partial w}"
            + " = \\frac{1}{2\\sqrt{(y - wx)^2}} \\cdot 2 (y - w x) \\cdot (-x) = -x \\cdot \\frac{y - wx}{|y - wx|} $$";
        assertTrue(latex(ok).valid(), () -> Reports.chainText(latex(ok), "mae.tex"));
        String bad = ok.replace("\\frac{\\sqrt{(y - w x)^2}}{\\partial w}", "\\frac{\\sqrt{y - w x}}{\\partial w}");
        ChainReport r = latex(bad);
        assertEquals(List.of(1, 2), ChainDerivationsTest.wrong(r), () -> Reports.chainText(r, "mae.tex"));
        assertTrue(r.steps().getFirst().verdict().hint().contains("sqrt(y - w*x)"), r.steps().getFirst().verdict().hint());
    }

    @Test void latexBlocksStartNewChainsUnlessTheyStartWithEquals() {
        String text = "$$ \\frac{d}{dx} x^2 = 2x $$\n$$ \\frac{d}{dx} x^3 = 3x^2 $$\n$$ = 3 x \\cdot x $$";
        ChainReport r = latex(text);
        assertTrue(r.valid(), () -> Reports.chainText(r, "t.tex"));
        assertEquals(3, r.steps().size(), "no step from 2x to d/dx x^3");
        assertEquals(List.of(1, 3, 4), r.steps().stream().map(ChainReport.StepResult::from).toList());
        assertEquals(List.of("step 1", "step 2", "step 3", "step 4", "step 5"), ChainChecker.labels(r.entries()));
    }

    @Test void latexErrorsPointIntoTheDocument() {
        DerivException e = assertThrows(DerivException.class, () -> LatexChain.read(new Source("d.tex", "$$ x^2 = \\foo{x} $$")));
        assertTrue(e.diagnostic().render().contains("^"));
        assertThrows(DerivException.class, () -> LatexChain.read(new Source("d.tex", "$$ x^2 $$")));
    }

    @Test void latexRendersMarkedChain() {
        ChainReport r = latex("$$ \\frac{d}{dt} e^{2t} = e^{2t} = 2 e^{2t} $$");
        var blocks = ChainLatex.blocks(r);
        String all = blocks.toString();
        assertTrue(all.contains("\\textcolor{red}"), all);
        assertTrue(all.contains("first wrong step"), all);
        assertTrue(all.contains("slip?"), all);
        ChainReport ok = latex("$$ \\frac{d}{dt} e^{2t} = 2 e^{2t} $$");
        assertTrue(ChainLatex.blocks(ok).toString().contains("\\checkmark"));
    }
}
