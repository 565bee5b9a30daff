package deriv.parse;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.expr.Definition;
import deriv.parse.LatexDocument.LatexStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Derivations pasted from reports and notebooks, read verbatim; consecutive steps are compared
 * numerically (diff(...) worked out by the Differentiator) until the verify stage takes over.
 */
class LatexDocumentTest {

    private static LatexDocument read(String tex) { return LatexDocument.read(new Source("derivation.tex", tex)); }

    private static List<Integer> wrong(LatexDocument doc) { return LatexNumeric.wrongSteps(doc, 7); }

    // ------------------------------------------------------------------------------ sigmoid

    /** The sigmoid derivative as a student writes it: three blocks, the later two continuing the chain. */
    static final String SIGMOID = """
        \\documentclass{article}
        \\usepackage{amsmath}
        \\begin{document}
        \\section*{Derivative of the sigmoid}
        We differentiate $\\sigma(a) = \\frac{1}{1+e^{-a}}$ with respect to $a$.
        \\begin{align*}
        \\frac{\\partial}{\\partial a}\\frac{1}{1+e^{-a}}
          &= \\frac{\\partial}{\\partial a}\\left(1+e^{-a}\\right)^{-1} \\\\
          &= -\\left(1+e^{-a}\\right)^{-2} \\cdot \\frac{\\partial}{\\partial a}\\left(1+e^{-a}\\right) \\\\
          &= -\\left(1+e^{-a}\\right)^{-2} \\cdot \\left(\\frac{\\partial}{\\partial a} 1 + \\frac{\\partial}{\\partial a} e^{-a}\\right) \\\\
          &= -\\left(1+e^{-a}\\right)^{-2} \\cdot \\left(0 + e^{-a} \\cdot \\frac{\\partial}{\\partial a}(-a)\\right)
        \\end{align*}
        Then:
        $$
        = -\\left(1+e^{-a}\\right)^{-2} \\cdot e^{-a} \\cdot -1
        = \\frac{e^{-a}}{\\left(1+e^{-a}\\right)^{2}} = e^{-a} \\left(1+e^{-a}\\right)^{-2} \\quad \\text{(tidy up)}
        $$
        % a comment with $$ dollars $$ that must be ignored
        \\[
          = \\frac{1}{1+e^{-a}} \\cdot \\frac{e^{-a}}{1+e^{-a}}
          = \\frac{1}{1+e^{-a}} \\cdot \\frac{1 + e^{-a} - 1}{1+e^{-a}} \\\\
          = \\frac{1}{1+e^{-a}} \\cdot \\left(\\frac{1+e^{-a}}{1+e^{-a}} - \\frac{1}{1+e^{-a}}\\right)
          = \\text{Then: } \\frac{1}{1+e^{-a}}\\cdot\\left(1-\\frac{1}{1+e^{-a}}\\right).
        \\]
        \\end{document}
        """;

    @Test
    void sigmoidDerivativeThroughTwelveSteps() {
        LatexDocument doc = read(SIGMOID);
        List<LatexStep> steps = doc.steps();
        assertEquals(12, steps.size());
        assertEquals(1, doc.chains().size());
        assertFalse(steps.getFirst().continuesChain());
        for (LatexStep s : steps.subList(1, steps.size())) assertTrue(s.continuesChain(), s.latex());
        assertEquals(List.of(), wrong(doc));

        LatexStep first = steps.getFirst();
        assertEquals("\\frac{\\partial}{\\partial a}\\frac{1}{1+e^{-a}}", first.latex());
        assertEquals(new Position(7, 1), first.position());
        assertEquals(new Diff(pow(add(num(1), call("exp", neg(var("a")))), -1), "a"), first.expr());
        LatexStep sixth = steps.get(5);
        assertEquals("-\\left(1+e^{-a}\\right)^{-2} \\cdot e^{-a} \\cdot -1", sixth.latex());
        assertEquals(new Position(15, 3), sixth.position());
        // prose, \quad and the final full stop are not part of the steps
        assertEquals("\\frac{e^{-a}}{\\left(1+e^{-a}\\right)^{2}}", steps.get(6).latex());
        assertEquals(Parsing.expr("(1 + exp(-a))^-1*(1 - (1 + exp(-a))^-1)"), steps.getLast().expr());
        assertEquals(new Position(23, 19), steps.getLast().position());
    }

    @Test
    void sigmoidWithAPlantedMistakeIsWrongAtThatStep() {
        // the sign of the inner derivative dropped: e^{-a} \cdot -1 written as e^{-a}
        String slip = SIGMOID.replace("= -\\left(1+e^{-a}\\right)^{-2} \\cdot e^{-a} \\cdot -1",
                                      "= -\\left(1+e^{-a}\\right)^{-2} \\cdot e^{-a}");
        assertEquals(List.of(6, 7), wrong(read(slip)));
        // the chain factor forgotten
        String chain = SIGMOID.replace("&= -\\left(1+e^{-a}\\right)^{-2} \\cdot \\frac{\\partial}{\\partial a}\\left(1+e^{-a}\\right) \\\\",
                                       "&= -\\left(1+e^{-a}\\right)^{-2} \\\\");
        assertEquals(List.of(3, 4), wrong(read(chain)));
    }

    // ------------------------------------------------------------------------------ MAE

    static final String MAE = """
        The absolute error, through $|a| = \\sqrt{a^2}$:
        \\begin{equation*}
        \\frac{\\partial}{\\partial a} |a| = \\frac{|a|}{\\partial a}
          = \\frac{\\partial}{\\partial a}\\sqrt{a^2}
          = \\frac{1}{2\\sqrt{a^2}} \\cdot \\frac{\\partial}{\\partial a} a^2
        \\end{equation*}
        \\begin{equation*}
          = \\frac{1}{2\\sqrt{a^2}} \\cdot 2a = \\frac{a}{\\sqrt{a^2}} = \\frac{a}{|a|},
        \\end{equation*}
        and for the loss $L = |y - wx|$,
        \\[
        \\frac{\\partial L}{\\partial w} = \\frac{\\partial}{\\partial w}\\left|y - w x\\right|
          = \\frac{y - wx}{\\left|y - wx\\right|} \\cdot \\frac{\\partial}{\\partial w}\\left[y - w x\\right]
          = -\\frac{x\\left(y - wx\\right)}{\\lvert y - wx \\rvert}
        \\]
        """;

    @Test
    void maeDerivativeThroughTheShorthand() {
        LatexDocument doc = read(MAE);
        assertEquals(List.of(7, 4), doc.chains().stream().map(List::size).toList());
        assertEquals(new Diff(call("abs", var("a")), "a"), doc.steps().get(1).expr());
        assertEquals("\\frac{|a|}{\\partial a}", doc.steps().get(1).latex());
        // L = |y - wx| in prose is inline math, not a definition: the chain starts at dL/dw
        assertEquals(new Diff(var("L"), "w"), doc.steps().get(7).expr());
        // the second chain's first step is not claimed equal to anything the sentence says
        assertEquals(List.of(9), wrong(doc));
        String withL = MAE.replace("\\frac{\\partial L}{\\partial w} = ", "\\frac{\\partial}{\\partial w} |y - wx| = ");
        assertEquals(List.of(), wrong(read(withL)));
    }

    @Test
    void maeWithAbsoluteValueAsASquareRootOfA() {
        // |a| rewritten as sqrt(a): wrong from there, and the chain is not repaired later
        String slip = MAE.replace("= \\frac{\\partial}{\\partial a}\\sqrt{a^2}", "= \\frac{\\partial}{\\partial a}\\sqrt{a}")
            .replace("\\frac{\\partial L}{\\partial w} = ", "\\frac{\\partial}{\\partial w} |y - wx| = ");
        assertEquals(List.of(3, 4), wrong(read(slip)));
    }

    // ------------------------------------------------------------------------------ linear and cubic models

    static final String LINEAR = """
        \\begin{aligned}
        \\frac{\\partial}{\\partial w}\\left[(wx + b - y)^2\\right]
          &= 2(wx + b - y) \\cdot \\frac{\\partial}{\\partial w}\\left[wx + b - y\\right] \\\\
          &= 2(wx + b - y) \\cdot [x + 0 - 0] \\\\
          &= 2x(wx + b - y)
        \\end{aligned}
        $$\\frac{\\partial}{\\partial b}\\left[(wx + b - y)^2\\right] = 2(wx + b - y) \\cdot \\frac{\\partial}{\\partial b}[wx + b - y] = 2(wx + b - y)$$
        """;

    @Test
    void linearModelWithSquareBrackets() {
        LatexDocument doc = read(LINEAR);
        assertEquals(List.of(4, 3), doc.chains().stream().map(List::size).toList());
        assertEquals(List.of(), wrong(doc));
        assertEquals(Parsing.expr("diff((w*x + b - y)^2, w)"), doc.steps().getFirst().expr());
        // the residual left squared
        assertEquals(List.of(4), wrong(read(LINEAR.replace("&= 2x(wx + b - y)", "&= 2x(wx + b - y)^2"))));
        // a sign slip in the second chain
        assertEquals(List.of(7), wrong(read(LINEAR.replace("= 2(wx + b - y)$$", "= -2(wx + b - y)$$"))));
    }

    static final String CUBIC = """
        For $f(x) = ax^3 + bx^2 + cx + d$:
        \\[
          \\frac{d}{dx}\\left[ax^3 + bx^2 + cx + d\\right]
            = \\frac{d}{dx}\\left[ax^3\\right] + \\frac{d}{dx}\\left[bx^2\\right] + \\frac{d}{dx}[cx] + \\frac{d}{dx}[d]
            = 3ax^2 + 2bx + c + 0
            = 3ax^2 + 2bx + c
        \\]
        and for the squared error of the prediction,
        \\begin{align}
        \\frac{\\partial}{\\partial a} \\left[\\left(ax^3 + bx^2 + cx + d - y\\right)^2\\right]
          &= 2\\left(ax^3 + bx^2 + cx + d - y\\right) \\cdot \\frac{\\partial}{\\partial a}\\left[ax^3 + bx^2 + cx + d - y\\right] \\nonumber \\\\
          &= 2x^3\\left(ax^3 + bx^2 + cx + d - y\\right). \\label{eq:cubic}
        \\end{align}
        """;

    @Test
    void cubicModelWithSquareBrackets() {
        LatexDocument doc = read(CUBIC);
        assertEquals(List.of(4, 3), doc.chains().stream().map(List::size).toList());
        assertEquals(List.of(), wrong(doc));
        // d is a coefficient here, and the d of d/dx is not
        assertEquals(Parsing.expr("diff(a*x^3 + b*x^2 + c*x + d, x)"), doc.steps().getFirst().expr());
        assertEquals(List.of(3, 4), wrong(read(CUBIC.replace("= 3ax^2 + 2bx + c + 0", "= 3ax^2 + 2bx + 0"))));
        assertEquals(List.of(7), wrong(read(CUBIC.replace("&= 2x^3\\left(", "&= 2x^2\\left("))));
    }

    // ------------------------------------------------------------------------------ layout and chains

    @Test
    void blocksStartingWithEqualsContinueTheChain() {
        LatexDocument doc = read("""
            $$x^2 + 2x + 1 = (x + 1)^2$$
            Another one:
            $$2(x+1) = 2x + 2$$
            $$= 2(x + 1)$$
            \\[ a = \\]
            \\[ a \\]
            """);
        assertEquals(List.of(false, true, false, true, true, false, true),
            doc.steps().stream().map(LatexStep::continuesChain).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), doc.steps().stream().map(LatexStep::number).toList());
        assertEquals(3, doc.chains().size());
    }

    @Test
    void alignmentRowsAndEqnarrayAreLayout() {
        LatexDocument doc = read("""
            \\begin{eqnarray*}
            (a + b)^2 &=& a^2 + 2ab \\\\
                      & & + b^2 \\\\
                      &=& b^2 + 2ab + a^2
            \\end{eqnarray*}
            """);
        assertEquals(List.of("(a + b)^2", "a^2 + 2ab \\\\ & & + b^2", "b^2 + 2ab + a^2"),
            doc.steps().stream().map(LatexStep::latex).toList());
        assertEquals(Parsing.expr("a^2 + 2*a*b + b^2"), doc.steps().get(1).expr());
        assertEquals(List.of(), wrong(doc));
    }

    @Test
    void intertextBoxesLabelsAndWideCharactersAreLayout() {
        LatexDocument doc = read("""
            Notes 📝 on tanh.
            \\begin{align}
            \\frac{d}{dx} \\tanh(2x) &= \\left(1 - \\tanh^2(2x)\\right) \\cdot \\frac{d}{dx}(2x) \\label{eq:one} \\\\
            \\intertext{and since the inner derivative is 2, % 🙂 a comment
            }
            &= \\boxed{2 - 2\\tanh^{2}(2x)}. \\tag{2}
            \\end{align}
            """);
        assertEquals(List.of("\\frac{d}{dx} \\tanh(2x)", "\\left(1 - \\tanh^2(2x)\\right) \\cdot \\frac{d}{dx}(2x)",
                "\\boxed{2 - 2\\tanh^{2}(2x)}"),
            doc.steps().stream().map(LatexStep::latex).toList());
        assertEquals(new Position(6, 4), doc.steps().get(2).position());
        assertEquals(List.of(), wrong(doc));
    }

    @Test
    void withoutDelimitersTheWholeTextIsOneBlock() {
        LatexDocument doc = read("\\frac{d}{dx} x^3 = 3x^2 \\quad \\text{by the power rule.}");
        assertEquals(2, doc.steps().size());
        assertEquals(List.of(), wrong(doc));
        // with inline math only, the inline formulas are the blocks
        LatexDocument inline = read("We have $\\frac{d}{dx} x^3 = 3x^2$ and so $= 3 x \\cdot x$.");
        assertEquals(3, inline.steps().size());
        assertEquals(List.of(), wrong(inline));
    }

    // ------------------------------------------------------------------------------ definitions

    @Test
    void definitionsByColonEqualsLetAndWhere() {
        LatexDocument doc = read("""
            $$u := 1 + e^{-a}$$
            \\begin{align*}
            \\frac{\\partial}{\\partial a} u^{-1} &= -u^{-2} \\cdot \\frac{\\partial u}{\\partial a} \\\\
              &= -u^{-2} \\cdot \\left(-e^{-a}\\right) \\\\
              &= \\frac{e^{-a}}{u^2} = \\frac{v}{u^2}, \\quad \\text{where } v = e^{-a} \\\\
            \\text{let } s = \\sigma(a) \\\\
              &= s (1 - s)
            \\end{align*}
            """);
        assertEquals(List.of("u", "v", "s"), doc.definitions().all().stream().map(Definition::name).toList());
        assertEquals(List.of("u := 1 + e^{-a}", "v = e^{-a}", "s = \\sigma(a)"),
            doc.defined().stream().map(LatexDocument.LatexDefinition::latex).toList());
        assertEquals(new Position(1, 3), doc.defined().getFirst().position());
        assertEquals(6, doc.steps().size());
        // intermediates stay variables in the steps
        assertEquals(mul(var("v"), pow(var("u"), -2)), doc.steps().get(4).expr());
        assertEquals(List.of(), wrong(doc));
        assertEquals(List.of(5, 6), wrong(read(doc.source().text().replace("\\frac{v}{u^2}", "\\frac{v}{u}"))));
    }

    @Test
    void severalDefinitionsInOneRow() {
        LatexDocument doc = read("""
            \\[ \\frac{\\partial}{\\partial a} u v = u \\cdot \\frac{\\partial v}{\\partial a} + v \\cdot \\frac{\\partial u}{\\partial a}
                \\quad \\text{where } u = a^2 \\text{ and } v = \\sin(a). \\]
            \\[ p := 2a, \\; q := p^2 \\]
            """);
        assertEquals(List.of("u", "v", "p", "q"), doc.definitions().all().stream().map(Definition::name).toList());
        assertEquals(Parsing.expr("(2*a)^2"), doc.definitions().expand(var("q")));
        assertEquals(2, doc.steps().size());
        assertEquals(List.of(), wrong(doc));
    }

    @Test
    void aChainStartingWithANewNameDefinesIt() {
        LatexDocument doc = read("""
            $$L = (wx - y)^2 = w^2x^2 - 2wxy + y^2$$
            $$\\frac{\\partial L}{\\partial w} = 2x(wx - y)$$
            $$f(t) = t^3 = t \\cdot t^2$$
            $$\\frac{d}{dt} f(t) = 3t^2$$
            """);
        assertEquals(List.of("L", "f"), doc.definitions().all().stream().map(Definition::name).toList());
        assertTrue(doc.definitions().function("f").isPresent());
        assertEquals(List.of("(wx - y)^2", "w^2x^2 - 2wxy + y^2", "\\frac{\\partial L}{\\partial w}", "2x(wx - y)",
                "t^3", "t \\cdot t^2", "\\frac{d}{dt} f(t)", "3t^2"),
            doc.steps().stream().map(LatexStep::latex).toList());
        assertEquals(List.of(false, true, false, true, false, true, false, true),
            doc.steps().stream().map(LatexStep::continuesChain).toList());
        assertEquals(List.of(), wrong(doc));
        assertEquals(List.of(4), wrong(read(doc.source().text().replace("= 2x(wx - y)", "= 2x(wx - y)^2"))));
    }

    @Test
    void namesKnownAsFunctionsInTextAreKept() {
        LatexDocument doc = read("""
            $$\\text{LeakyReLU}(x) = \\begin{cases} x & \\text{if } x > 0 \\\\ 0.01 x & \\text{otherwise} \\end{cases}$$
            """);
        assertEquals(Parsing.expr("LeakyReLU(x)"), doc.steps().getFirst().expr());
        assertEquals(List.of(), wrong(doc));
    }

    // ------------------------------------------------------------------------------ errors

    private static String error(String tex) {
        return assertThrows(DerivException.class, () -> read(tex)).diagnostic().render();
    }

    @Test
    void errorsPointIntoTheDocument() {
        assertEquals("""
            error: unsupported LaTeX command \\approx at line 3, column 17
                  = x \\cdot x \\approx x^2
                              ^""", error("Text before.\n$$x^2\n    = x \\cdot x \\approx x^2\n$$"));
        assertEquals("""
            error: empty step between '=' signs at line 1, column 7
              $$a = = b$$
                    ^""", error("$$a = = b$$"));
        assertEquals("""
            error: the derivation starts with '=': there is no step before it at line 1, column 3
              $$= b$$
                ^""", error("$$= b$$"));
        assertEquals("""
            error: nothing after the last '=' at line 1, column 5
              $$a =$$
                  ^""", error("$$a =$$"));
        assertEquals("""
            error: $$ is never closed at line 2, column 1
              $$ x
              ^""", error("Some text\n$$ x\n"));
        assertEquals("""
            error: \\begin{align} is never closed at line 1, column 1
              \\begin{align} x &= y
              ^""", error("\\begin{align} x &= y\n"));
        assertEquals("""
            error: empty input: expected a derivation at line 1, column 1
              Only prose here, and $$ $$ an empty block.
              ^""", error("Only prose here, and $$ $$ an empty block."));
        assertEquals("""
            error: 'u' is already defined (line 1) at line 2, column 3
              $$u := 2$$
                ^""", error("$$u := 1$$\n$$u := 2$$"));
    }
}
