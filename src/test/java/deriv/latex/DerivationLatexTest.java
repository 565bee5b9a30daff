package deriv.latex;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.diff.Step;
import deriv.expr.Expr;
import deriv.expr.RandomExprs;
import deriv.latex.DerivationLatex.Line;
import deriv.latex.DerivationLatex.Options;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DerivationLatexTest {

    private static final Expr X2 = pow(var("x"), 2);

    /** d/dx sin(x^2) by the chain rule, then one more step, built by hand. */
    private static Derivation sinOfSquare() {
        Expr problem = new Diff(call("sin", X2), "x");
        Step outer = new Step("SinRule", new Diff(call("sin", var("u")), "u"), call("cos", var("u")));
        Step inner = new Step("PowerRule", new Diff(X2, "x"), mul(num(2), var("x")));
        Step chain = new Step("ChainRule", problem, mul(call("cos", X2), num(2), var("x")), List.of(outer, inner),
                              new Step.Let("u", X2), null);
        Step tidy = new Step("ReorderFactors", chain.after(), mul(num(2), var("x"), call("cos", X2)));
        return new Derivation(problem, List.of(chain, tidy));
    }

    @Test
    void aShortProblemStandsLeftOfTheChainAndReasonsAreIndentedBelowTheirStep() {
        List<Line> lines = DerivationLatex.lines(sinOfSquare(), Options.allSteps());
        assertEquals(List.of(
            new Line("\\frac{\\partial}{\\partial x} \\sin(x^{2})", "= \\cos(x^{2}) \\cdot 2 x \\qquad \\text{chain rule}"),
            new Line("", "\\quad \\text{let } u = x^{2}"),
            new Line("", "\\quad \\frac{\\partial}{\\partial u} \\sin(u) = \\cos(u) \\qquad \\text{sin rule}"),
            new Line("", "\\quad \\frac{\\partial}{\\partial x} x^{2} = 2 x \\qquad \\text{power rule}"),
            new Line("", "= 2 x \\cos(x^{2}) \\qquad \\text{reorder factors}")), lines);
    }

    @Test
    void resultOnlyIsTheProblemAndTheLastExpression() {
        assertEquals(List.of(new Line("\\frac{\\partial}{\\partial x} \\sin(x^{2})", "= 2 x \\cos(x^{2})")),
            DerivationLatex.lines(sinOfSquare(), Options.resultOnly()));
        assertEquals("""
            \\begin{aligned}
            \\frac{\\partial}{\\partial x} \\sin(x^{2}) & = 2 x \\cos(x^{2})
            \\end{aligned}""", DerivationLatex.latex(sinOfSquare(), Options.resultOnly()));
        assertEquals(List.of(new Line("", "x^{2}")), DerivationLatex.lines(Derivation.of(X2), Options.allSteps()));
    }

    @Test
    void grayNotesAndNotesThatAreDefinitionsBecomeMathematics() {
        Step s = new Step("IntermediateVariable", new Diff(var("k"), "b1"), var("W2"), List.of(), null, "k := W2*tanh(m) + b2");
        Derivation d = new Derivation(new Diff(var("k"), "b1"), List.of(s));
        assertEquals("= W_{2} \\qquad \\textcolor{gray}{\\text{intermediate variable}\\text{ with }k = W_{2} \\tanh(m) + b_{2}}",
            DerivationLatex.lines(d, Options.allSteps().withGrayNotes(true)).getFirst().right());
        Step prose = new Step("Derivative", new Diff(var("k"), "b1"), var("W2"), List.of(), null, "order 1: d/db1 {50%}");
        assertEquals("= W_{2} \\qquad \\text{derivative}\\text{ (order 1: d/db1 \\{50\\%\\})}",
            DerivationLatex.lines(new Derivation(new Diff(var("k"), "b1"), List.of(prose)), Options.allSteps()).getFirst().right());
        assertEquals("u = x y, \\ v = z", DerivationLatex.noteMath("u = x*y, v = z"));
        assertNull(DerivationLatex.noteMath("logarithmic differentiation: d(u^v) = u^v"));
    }

    @Test
    void aLongProblemGetsALineOfItsOwnAndTheChainIsIndented() {
        Expr body = Parsing.expr("LeakyReLU(W2*tanh(W1*x + b1) + b2)");
        Expr problem = new Diff(body, "W1");
        Derivation d = new Derivation(problem, List.of(new Step("ChainRule", problem, var("r"))));
        List<Line> lines = DerivationLatex.lines(d, Options.allSteps().withWidth(40));
        assertEquals(new Line("", LatexPrinter.print(problem)), lines.get(0));
        assertEquals(new Line("", "\\quad = r \\qquad \\text{chain rule}"), lines.get(1));
    }

    @Test
    void longSumsBreakAtTopLevelTermsAndNothingIsLost() {
        Expr sum = Parsing.expr("w1*x1^2 + w2*x2^2 - w3*x3^2 + w4*x4^2 + w5*x5^2 - w6*x6^2 + w7*x7^2 + w8*x8^2 + sin(w9)*x9");
        Derivation d = new Derivation(var("L"), List.of(new Step("Expand", var("L"), sum)));
        List<Line> lines = DerivationLatex.lines(d, Options.resultOnly().withWidth(22));
        assertTrue(lines.size() >= 2, lines.toString());
        assertEquals("L", lines.getFirst().left());
        assertTrue(lines.getFirst().right().startsWith("= w_{1} x_{1}^{2} + "), lines.getFirst().right());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String r = lines.get(i).right();
            if (i == 0) assertTrue(r.startsWith("= "));
            else assertTrue(r.startsWith("\\qquad + ") || r.startsWith("\\qquad - "), r);
            joined.append(' ').append(r.replaceFirst("^= |^\\\\qquad ", ""));
            assertTrue(LatexWidth.em(lines.get(i).latex()) <= 22, lines.get(i).latex());
        }
        assertEquals(LatexPrinter.print(sum), joined.toString().strip());
    }

    @Test
    void brokenLinesHoldExactlyThePrintedExpressionForRandomExpressions() {
        RandomExprs gen = new RandomExprs(20261122L, false);
        Random random = new Random(7);
        int broken = 0;
        for (int i = 0; i < 300; i++) {
            Expr e = gen.next(5);
            double width = 10 + random.nextInt(40);
            List<String> parts = DerivationLatex.Breaker.lines(e, width, width);
            if (parts.size() > 1) broken++;
            String all = LatexPrinter.print(e);
            if (!all.contains("\\begin{cases}")) assertEquals(all, String.join(" ", parts), "expression " + i);
        }
        assertTrue(broken > 30, "only " + broken + " of 300 were broken");
    }

    @Test
    void theLeakyReluDerivationNamesItsRulesAndIntermediates() {
        Parsed p = Parsing.program("LeakyReLU(W2*tanh(W1*x + b1) + b2)");
        Derivation d = Differentiator.derive(p.program().body(), List.of("W1"), p.program().definitions());
        List<Line> lines = DerivationLatex.lines(d, Options.allSteps());
        String all = DerivationLatex.aligned(lines);
        assertEquals(new Line("", "\\frac{\\partial}{\\partial W_{1}} \\operatorname{LeakyReLU}(W_{2} \\tanh(W_{1} x + b_{1}) + b_{2})"),
            lines.getFirst());
        assertTrue(all.contains("\\text{chain rule}"), all);
        assertTrue(all.contains("\\text{let } u = W_{2} \\tanh(W_{1} x + b_{1}) + b_{2}"), all);
        assertTrue(all.contains("\\frac{\\partial}{\\partial u} \\operatorname{LeakyReLU}(u) = \\begin{cases} 1 & \\quad \\text{if } u > 0 \\\\ 0.01 & \\quad \\text{otherwise} \\end{cases}"), all);
        assertTrue(all.contains("\\tanh^{2}(v)"), all);
        // every step is there, and the lines of the main chain begin with '='
        assertTrue(lines.size() >= d.steps().stream().mapToInt(Step::count).sum(), all);
        assertTrue(lines.get(1).right().startsWith("\\quad = "), lines.get(1).right());
        List<Line> result = DerivationLatex.lines(d, Options.resultOnly());
        String resultText = String.join(" ", result.stream().skip(1).map(l -> l.right().replaceFirst("^(\\\\q?quad )*(= )?", "")).toList());
        assertEquals(LatexPrinter.print(d.result()), resultText);
    }

    @Test
    void titlesNameTheProblem() {
        Expr f = Parsing.expr("x^2*y");
        Derivation dx = new Derivation(new Diff(f, "x"), List.of());
        Derivation dy = new Derivation(new Diff(f, "y"), List.of());
        assertEquals("\\text{Derivative of } x^{2} y \\text{ with respect to }x", DerivationLatex.title(List.of(dx)));
        assertEquals("Derivative of x^2*y with respect to x", DerivationLatex.plainTitle(List.of(dx)));
        assertEquals("Gradient of x^2*y with respect to x, y", DerivationLatex.plainTitle(List.of(dx, dy)));
        assertEquals("Derivative of x^2*y with respect to x, then y",
            DerivationLatex.plainTitle(List.of(new Derivation(new Diff(new Diff(f, "x"), "y"), List.of()))));
        assertEquals("Simplification of x^2*y", DerivationLatex.plainTitle(List.of(new Derivation(f, List.of(new Step("R", f, f))))));
        List<Expr> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) many.add(mul(var("w" + i), var("x" + i)));
        assertEquals("Derivative with respect to w1", DerivationLatex.plainTitle(List.of(new Derivation(new Diff(add(many), "w1"), List.of()))));
        assertFalse(DerivationLatex.document(List.of(sinOfSquare()), Options.allSteps()).contains("aligned"));
    }
}
