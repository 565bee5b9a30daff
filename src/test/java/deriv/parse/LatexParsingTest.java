package deriv.parse;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.expr.Definition;
import deriv.expr.Expr;
import deriv.expr.Program;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each LaTeX construct gives the tree the plain language gives for the same mathematics. */
class LatexParsingTest {

    private static Expr tex(String latex) { return LatexParsing.expr(latex); }

    private static Expr plain(String text) { return Parsing.expr(text); }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = true, textBlock = """
        # numbers, sums, signs
        42  => 42
        3.25  => 3.25
        0.01  => 0.01
        a - b - c  => a - b - c
        -x^2  => -x^2
        -2x  => -2*x
        - 2 x y  => -2*x*y
        -(a + b)  => -(a + b)
        # juxtaposition, explicit products, quotients left to right
        2a  => 2*a
        W x  => W*x
        xy  => x*y
        2 \\pi x  => 2*pi*x
        a \\cdot b \\times c * d  => a*b*c*d
        e^{-a} \\cdot -1  => exp(-a)*-1
        a \\cdot -b c  => a*(-b)*c
        a / b \\cdot c  => a/b*c
        a \\div b  => a/b
        \\frac{a}{b}  => a/b
        \\dfrac{a + 1}{b}  => (a + 1)/b
        \\tfrac{x}{2}  => x/2
        \\frac{1}{2}  => 1/2
        \\frac12  => 1/2
        \\frac{-1}{2} x  => -1/2*x
        \\frac a b  => a/b
        \\frac{1}{2} x^2  => 1/2*x^2
        # powers: braces or one token, as TeX reads them
        x^{2}  => x^2
        x^2 y  => x^2*y
        x^{-1}  => x^-1
        x^{y + 1}  => x^(y + 1)
        2^x  => 2^x
        {x^2}^3  => (x^2)^3
        (x + 1)^{2}  => (x + 1)^2
        e^{x}  => exp(x)
        e^x  => exp(x)
        e  => e
        (e)^{x}  => (e)^x
        \\mathrm{e}^{-a}  => exp(-a)
        \\pi  => pi
        # brackets of every kind; \\left and \\right only size them
        \\left( x + 1 \\right)  => x + 1
        [x + 1] y  => (x + 1)*y
        \\left[ x \\right]^2  => x^2
        \\{ x + 1 \\}  => x + 1
        \\left\\{ x \\right\\}  => x
        \\bigl( x \\bigr)  => x
        \\Big[ x \\Big]  => x
        \\left\\lbrack x \\right\\rbrack  => x
        # absolute values
        |x|  => abs(x)
        \\lvert x - 1 \\rvert  => abs(x - 1)
        \\left| x \\right|  => abs(x)
        \\vert x \\vert  => abs(x)
        |a| |b|  => abs(a)*abs(b)
        |x|^2  => abs(x)^2
        # roots
        \\sqrt{x}  => sqrt(x)
        \\sqrt[2]{x}  => sqrt(x)
        \\sqrt[3]{x + 1}  => (x + 1)^(1/3)
        \\sqrt[n]{x}  => x^(1/n)
        # functions: commands, with or without brackets, powers, bases
        \\exp(x)  => exp(x)
        \\exp x  => exp(x)
        \\ln x + 1  => ln(x) + 1
        \\ln(x)  => ln(x)
        \\log x  => ln(x)
        \\log_{2} x  => ln(x)/ln(2)
        \\sin 2x  => sin(2*x)
        \\sin x \\cos x  => sin(x)*cos(x)
        \\sin(x) y  => sin(x)*y
        \\sin x^2  => sin(x^2)
        \\sin(x)^2  => sin(x)^2
        \\sin[x]  => sin(x)
        \\sin{x}  => sin(x)
        \\cos(x) + \\tan(x) + \\sec(x) + \\csc(x) + \\cot(x)  => cos(x) + tan(x) + sec(x) + csc(x) + cot(x)
        \\arcsin(x) + \\arccos(x) + \\arctan(x)  => asin(x) + acos(x) + atan(x)
        \\sinh(x) + \\cosh(x) + \\tanh(x)  => sinh(x) + cosh(x) + tanh(x)
        \\tanh^2(u)  => tanh(u)^2
        \\tanh^{2}\\left(u\\right)  => tanh(u)^2
        \\sin^{-1} x  => asin(x)
        \\max(a, b) - \\min(a, b)  => max(a, b) - min(a, b)
        \\ln |x|  => ln(abs(x))
        \\ln \\frac{a}{b}  => ln(a/b)
        \\log \\sigma(z)  => ln(sigmoid(z))
        \\sigma(x)  => sigmoid(x)
        2\\sigma(x)  => 2*sigmoid(x)
        \\sigma(z)(1 - \\sigma(z))  => sigmoid(z)*(1 - sigmoid(z))
        \\sigma\\left(x\\right)^{2}  => sigmoid(x)^2
        \\sigma^{2}(x)  => sigmoid(x)^2
        \\sigma  => sigma
        \\sigma^2 + 1  => sigma^2 + 1
        \\operatorname{LeakyReLU}(x)  => LeakyReLU(x)
        \\operatorname{LeakyReLU}(x, 0.1)  => LeakyReLU(x, 0.1)
        \\text{LeakyReLU}(x)  => LeakyReLU(x)
        \\mathrm{ReLU}(x)  => relu(x)
        \\operatorname{ReLU} x  => relu(x)
        \\operatorname{ReLU}^2(x)  => relu(x)^2
        \\operatorname{sign}(x)  => sign(x)
        \\operatorname{softplus}(x)  => softplus(x)
        \\operatorname{Leaky\\_ReLU}(x)  => LeakyReLU(x)
        # names: subscripts join the name as the LaTeX printer writes them
        W_1 x  => W1*x
        W_{1} x + b_{1}  => W1*x + b1
        W_{12}  => W12
        \\theta_0 + \\theta_{1} x  => theta0 + theta1*x
        w_{ij}  => w_ij
        h_{\\theta}  => h_theta
        x_{\\alpha_{1}}  => x_alpha1
        x_{\\text{max}}  => x_max
        \\theta  => theta
        \\alpha \\beta  => alpha*beta
        \\varepsilon + \\epsilon  => epsilon + epsilon
        \\varphi  => phi
        \\Delta x  => Delta*x
        θ x  => theta*x
        \\mathrm{loss}  => loss
        \\mathrm{lr} x  => lr*x
        \\mathrm{loss}_{1}  => loss1
        \\mathbf{x}  => x
        \\boldsymbol{\\theta}  => theta
        \\hat{y} - y  => yhat - y
        \\bar{x}  => xbar
        # spacing and layout are ignored
        a \\, b \\; c \\! d \\quad e \\qquad f  => a*b*c*d*e*f
        x \\ y  => x*y
        x ~ y  => x*y
        \\displaystyle x  => x
        x % a comment\\n + 1  => x + 1
        x_{\\text{in}}  => x_in
        """)
    void sameTreeAsPlain(String latex, String plainText) {
        assertEquals(plain(plainText), tex(latex.replace("\\n", "\n")), latex);
    }

    @Test
    void fractionWithNumeratorOneIsTheReciprocal() {
        // as the LaTeX printer writes y^-1; any other numerator is a product with the reciprocal
        assertEquals(pow(var("y"), -1), tex("\\frac{1}{y}"));
        assertEquals(pow(var("x"), -2), tex("\\frac{1}{x^2}"));
        assertEquals(pow(add(num(1), call("exp", neg(var("a")))), -1), tex("\\frac{1}{1+e^{-a}}"));
        assertEquals(mul(num(1), pow(var("y"), -1)), tex("1 \\cdot \\frac{1}{y}"));
        assertEquals(mul(num(2), pow(var("y"), -1)), tex("\\frac{2}{y}"));
        assertEquals(mul(var("x"), pow(var("y"), -1), pow(var("z"), -1)), tex("\\frac{x}{y} \\cdot \\frac{1}{z}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = true, textBlock = """
        \\frac{\\partial}{\\partial a} e^{-a}  => diff(exp(-a), a)
        \\frac{d}{dx} x^2  => diff(x^2, x)
        \\frac{\\mathrm{d}}{\\mathrm{d}x} x^2  => diff(x^2, x)
        \\frac{\\partial E}{\\partial a}  => diff(E, a)
        \\frac{\\partial (x y)}{\\partial y}  => diff(x*y, y)
        \\frac{dE}{dx}  => diff(E, x)
        \\frac{d y}{d x}  => diff(y, x)
        \\frac{\\mathrm{d} y}{\\mathrm{d} x}  => diff(y, x)
        \\frac{|a|}{\\partial a}  => diff(abs(a), a)
        \\frac{x^2 + 1}{\\partial x}  => diff(x^2 + 1, x)
        \\frac{\\partial \\sigma(a)}{\\partial a}  => diff(sigmoid(a), a)
        \\frac{\\partial}{\\partial W_1} W_1 x  => diff(W1*x, W1)
        \\frac{\\partial}{\\partial \\theta_{0}} \\theta_{0}^{2}  => diff(theta0^2, theta0)
        \\frac{\\partial}{\\partial w_{ij}} w_{ij}  => diff(w_ij, w_ij)
        \\frac{\\partial}{\\partial \\mathrm{lr}} \\mathrm{lr}  => diff(lr, lr)
        \\frac{d^2}{dx^2} x^3  => diff(x^3, x, 2)
        \\frac{\\partial^2 f}{\\partial x^2}  => diff(f, x, 2)
        \\frac{\\partial^2 f}{\\partial x \\partial y}  => diff(diff(f, y), x)
        \\frac{\\partial}{\\partial x}\\frac{\\partial}{\\partial y} x y  => diff(diff(x*y, y), x)
        \\frac\\partial{\\partial x} x  => diff(x, x)
        \\frac{d}{dx}[a x^3 + b x^2 + c x + d]  => diff(a*x^3 + b*x^2 + c*x + d, x)
        \\frac{a}{d x}  => a/(d*x)
        \\frac{2 d}{d x}  => 2*d/(d*x)
        \\frac{1}{d}  => d^-1
        """)
    void derivativeNotations(String latex, String plainText) {
        assertEquals(plain(plainText), tex(latex), latex);
    }

    @Test
    void derivativeOperatorTakesTheRestOfItsTerm() {
        Expr ea = call("exp", neg(var("a")));
        assertEquals(add(new Diff(num(1), "a"), new Diff(ea, "a")),
            tex("\\frac{\\partial}{\\partial a} 1 + \\frac{\\partial}{\\partial a} e^{-a}"));
        assertEquals(mul(num(2), new Diff(mul(pow(var("x"), 2), var("y")), "x")), tex("2 \\frac{d}{dx} x^2 y"));
        assertEquals(mul(num(3), new Diff(mul(var("x"), var("y")), "x")), tex("3 \\cdot \\frac{d}{dx} x \\cdot y"));
        // brackets extend it over a sum
        assertEquals(new Diff(add(pow(var("x"), 2), num(1)), "x"), tex("\\frac{d}{dx}\\left[x^2 + 1\\right]"));
        assertEquals(add(new Diff(pow(var("x"), 2), "x"), num(1)), tex("\\frac{d}{dx} x^2 + 1"));
        // a derivative in brackets ends with them
        assertEquals(mul(new Diff(var("x"), "x"), var("y")), tex("\\left(\\frac{\\partial}{\\partial x} x\\right) \\cdot y"));
        assertEquals(neg(new Diff(var("x"), "x")), tex("-\\frac{d}{dx} x"));
        assertEquals(mul(neg(pow(add(num(1), ea), -2)), new Diff(add(num(1), ea), "a")),
            tex("-\\left(1+e^{-a}\\right)^{-2} \\cdot \\frac{\\partial}{\\partial a}\\left(1+e^{-a}\\right)"));
    }

    @Test
    void casesArePiecewise() {
        assertEquals(plain("if(x > 0, x, 0.01*x)"),
            tex("\\begin{cases} x & \\text{if } x > 0 \\\\ 0.01x & \\text{otherwise} \\end{cases}"));
        assertEquals(plain("if(x > 0, 1, 0)"), tex("\\begin{cases} 1 & \\quad \\text{if } x > 0 \\\\ 0 & \\quad \\text{otherwise} \\end{cases}"));
        assertEquals(plain("if(x >= 0, x, -x)"), tex("\\begin{cases} x, & x \\geq 0 \\\\ -x, & x < 0 \\end{cases}"));
        assertEquals(plain("if(x <= -1, -1, x < 1, x, 1)"),
            tex("\\begin{dcases} -1 & \\text{for } x \\le -1 \\\\ x & \\text{if } x < 1 \\\\ 1 & \\text{else} \\end{dcases}"));
        assertEquals(plain("if(-y > 0, 1, 0)"), tex("\\begin{cases} 1 & \\text{if } -y > 0 \\\\ 0 & \\text{otherwise} \\\\ \\end{cases}"));
        assertEquals(plain("2*if(x > 0, 1, 0)"), tex("2 \\left(\\begin{cases} 1 & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}\\right)"));
    }

    @Test
    void definitionsComeBeforeTheExpression() {
        Parsed p = LatexParsing.program("u := 1 + e^{-a} \\\\ u^{2}");
        Program prog = p.program();
        assertEquals(List.of(new Definition.Intermediate("u", plain("1 + exp(-a)"))), prog.definitions().all());
        assertEquals(pow(var("u"), 2), prog.body());
        assertEquals(plain("(1 + exp(-a))^2"), tex("u := 1 + e^{-a} \\\\ u^{2}"));
        assertEquals(plain("(2*x)^2"), tex("\\text{let } u = 2x; \\; u^2"));
        assertEquals(plain("(2*x)^2"), tex("u \\coloneqq 2x \\\\ u^2"));
        assertEquals(plain("3^2 + 1"), tex("f(x) := x^2 + 1 \\\\ f(3)"));
        assertEquals(plain("2*x + 1"), tex("\\operatorname{Linear}(W, b, x) := W x + b \\\\ \\operatorname{Linear}(2, 1, x)"));
        assertEquals(plain("2*x + 1"), tex("\\text{Linear}(W, b, x) := W x + b \\\\ \\text{Linear}(2, 1, x)"));
        assertEquals(plain("sigmoid(2*z)"), tex("z_{1} := 2z \\\\ \\sigma(z_1)"));
        assertEquals(Map.of("u", new Position(1, 1), "a", new Position(1, 14)), Map.copyOf(p.namePositions()));
    }

    @Test
    void casesValuesAgreeWithTheirMeaning() {
        Expr leaky = tex("\\begin{cases} x & \\text{if } x > 0 \\\\ 0.01x & \\text{otherwise} \\end{cases}");
        assertEquals(2.0, LatexNumeric.value(leaky, Map.of("x", 2.0)), 1e-12);
        assertEquals(-0.02, LatexNumeric.value(leaky, Map.of("x", -2.0)), 1e-12);
    }

    @Test
    void derivativesEvaluateToTheirValues() {
        Map<String, Double> at = Map.of("a", 0.3, "x", 1.7);
        double s = 1 / (1 + Math.exp(-0.3));
        assertEquals(s * (1 - s), LatexNumeric.value(tex("\\frac{\\partial}{\\partial a}\\frac{1}{1+e^{-a}}"), at), 1e-12);
        assertEquals(1.0, LatexNumeric.value(tex("\\frac{|a|}{\\partial a}"), at), 1e-12);
        assertEquals(6 * 1.7, LatexNumeric.value(tex("\\frac{d^2}{dx^2} x^3"), at), 1e-9);
    }

    @Test
    void stepsAreLayoutInExpressionInput() {
        // & is alignment; \begin{aligned} around one expression is layout too
        assertEquals(plain("x + 1"), tex("& x + 1"));
        assertEquals(plain("x + 1"), tex("\\begin{aligned} x + 1 \\end{aligned}"));
        assertEquals(plain("x + 1"), tex("x + 1 \\text{, where } ."));
    }

    @Test
    void diffNodesRecordTheirVariable() {
        Expr d = tex("\\frac{\\partial}{\\partial W_{2}} \\tanh(W_{2} h)");
        Diff diff = assertInstanceOf(Diff.class, d);
        assertEquals("W2", diff.var());
        assertTrue(diff.body() instanceof Call c && c.fn().equals("tanh"));
    }
}
