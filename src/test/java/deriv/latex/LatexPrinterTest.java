package deriv.latex;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deriv.expr.Expr;
import deriv.parse.Parsing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexPrinterTest {

    private static String latex(String plain) { return LatexPrinter.print(Parsing.expr(plain)); }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = true, textBlock = """
        # numbers: integers, power-of-ten decimals, other rationals as fractions
        42  => 42
        0.01  => 0.01
        2.5  => \\frac{5}{2}
        -3  => -3
        -0.5  => -\\frac{1}{2}
        # names: Greek letters, trailing digits and _x parts as subscripts, long names upright
        x  => x
        W1  => W_{1}
        theta_0  => \\theta_{0}
        b_1  => b_{1}
        alpha  => \\alpha
        Omega  => \\Omega
        x_ij  => x_{ij}
        x_alpha1  => x_{\\alpha_{1}}
        loss  => \\mathrm{loss}
        θ  => \\theta
        # constants
        pi  => \\pi
        e  => e
        (e)^x  => (e)^{x}
        # sums and differences
        x + y  => x + y
        x - y  => x - y
        -x + 2*y - 3*z  => -x + 2 y - 3 z
        a - (b + c)  => a - (b + c)
        # products: side by side for numbers and symbols, \\cdot elsewhere
        2*x  => 2 x
        W2*x  => W_{2} x
        2*3  => 2 \\cdot 3
        x*2  => x \\cdot 2
        2*(x + 1)  => 2 \\cdot (x + 1)
        x*(y + 1)  => x \\cdot (y + 1)
        2*sin(x)  => 2 \\sin(x)
        W2*tanh(u)  => W_{2} \\tanh(u)
        tanh(u)*x  => \\tanh(u) \\cdot x
        x*(-1)  => x \\cdot (-1)
        0.01*x  => 0.01 x
        3/2*x  => \\frac{3 x}{2}
        # quotients: the factors before a negative power make its numerator
        x/y  => \\frac{x}{y}
        2*x/y  => \\frac{2 x}{y}
        x/y^2  => \\frac{x}{y^{2}}
        x/y/z  => \\frac{x}{y z}
        x/y*z  => \\frac{x}{y} \\cdot z
        x/2  => \\frac{x}{2}
        (x + 1)/(x - 1)  => \\frac{x + 1}{x - 1}
        1/(1 + exp(-x))  => \\frac{1}{1 + e^{-x}}
        x^-1  => \\frac{1}{x}
        x^-2  => \\frac{1}{x^{2}}
        -x/y  => -\\frac{x}{y}
        2^-1  => 2^{-1}
        (x^2)^-1  => (x^{2})^{-1}
        # powers
        x^2  => x^{2}
        x^y^z  => x^{y^{z}}
        (x + 1)^2  => (x + 1)^{2}
        (2*x)^3  => (2 x)^{3}
        (-2)^x  => (-2)^{x}
        2^x  => 2^{x}
        x^(1/2)  => \\sqrt{x}
        x^(-1/2)  => \\frac{1}{\\sqrt{x}}
        (x/y)^2  => \\left(\\frac{x}{y}\\right)^{2}
        tanh(u)^2  => \\tanh^{2}(u)
        sigmoid(u)^3  => \\sigma^{3}(u)
        LeakyReLU(u)^2  => \\operatorname{LeakyReLU}^{2}(u)
        tanh(u)^-1  => \\frac{1}{\\tanh(u)}
        tanh(u)^0.5  => \\sqrt{\\tanh(u)}
        abs(u)^2  => \\left| u \\right|^{2}
        sqrt(u)^2  => \\left(\\sqrt{u}\\right)^{2}
        exp(u)^2  => (e^{u})^{2}
        # calls, with the Fn table's LaTeX
        sin(x)  => \\sin(x)
        asin(x)  => \\arcsin(x)
        tanh(W1*x + b1)  => \\tanh(W_{1} x + b_{1})
        sigmoid(z)  => \\sigma(z)
        relu(z)  => \\operatorname{ReLU}(z)
        LeakyReLU(z)  => \\operatorname{LeakyReLU}(z)
        LeakyReLU(z, 0.2)  => \\operatorname{LeakyReLU}(z, 0.2)
        softplus(z)  => \\operatorname{softplus}(z)
        sign(z)  => \\operatorname{sign}(z)
        ln(x)  => \\ln(x)
        max(a, b)  => \\max(a, b)
        abs(x - y)  => \\left| x - y \\right|
        sqrt(x^2 + y^2)  => \\sqrt{x^{2} + y^{2}}
        exp(x)  => e^{x}
        exp(-W*x - b)  => e^{-W x - b}
        exp(x/2)  => \\exp\\left(\\frac{x}{2}\\right)
        sin(x/2)  => \\sin\\left(\\frac{x}{2}\\right)
        # piecewise values
        if(x > 0, 1, 0.01)  => \\begin{cases} 1 & \\quad \\text{if } x > 0 \\\\ 0.01 & \\quad \\text{otherwise} \\end{cases}
        if(x <= 0, -x, x >= 1, 1, x)  => \\begin{cases} -x & \\quad \\text{if } x \\leq 0 \\\\ 1 & \\quad \\text{if } x \\geq 1 \\\\ x & \\quad \\text{otherwise} \\end{cases}
        if(x < 0, 0, 1)*y  => \\left(\\begin{cases} 0 & \\quad \\text{if } x < 0 \\\\ 1 & \\quad \\text{otherwise} \\end{cases}\\right) \\cdot y
        # unevaluated derivatives: the operator applies to the factor after it
        diff(x^2, x)  => \\frac{\\partial}{\\partial x} x^{2}
        diff(sin(W1*x), W1)  => \\frac{\\partial}{\\partial W_{1}} \\sin(W_{1} x)
        diff(x*y, x)  => \\frac{\\partial}{\\partial x} (x y)
        diff(x*y, x)*z  => \\left(\\frac{\\partial}{\\partial x} (x y)\\right) \\cdot z
        z*diff(x*y, x)  => z \\cdot \\frac{\\partial}{\\partial x} (x y)
        diff(diff(x*y, x), y)  => \\frac{\\partial}{\\partial y} \\frac{\\partial}{\\partial x} (x y)
        """)
    void nodeKinds(String plain, String expected) {
        assertEquals(expected, latex(plain));
    }

    @Test
    void userFunctionsAreUprightNamesAndOneLetterOnesItalic() {
        assertEquals("\\operatorname{Linear}(W, b, x)", LatexPrinter.print(call("Linear", var("W"), var("b"), var("x"))));
        assertEquals("f(x) + g_{1}(x)", LatexPrinter.print(add(call("f", var("x")), call("g1", var("x")))));
        assertEquals("(f(x))^{2}", LatexPrinter.print(pow(call("f", var("x")), 2)));
    }

    @Test
    void theExactFormKeepsHalfPowersAndTheParsersOneOverY() {
        // 1/y reads as y^-1 alone (plain and LaTeX alike); the tree 1 * y^-1 is kept apart in the exact form
        assertEquals(pow(var("y"), -1), Parsing.expr("1/y"));
        Expr oneOver = new Mul(List.of(num(1), pow(var("y"), -1)));
        assertEquals("\\frac{1}{y}", LatexPrinter.print(oneOver));
        assertEquals("1 \\cdot \\frac{1}{y}", LatexPrinter.exact(oneOver));
        assertEquals("\\frac{1}{y}", LatexPrinter.exact(pow(var("y"), -1)));
        assertEquals("x^{\\frac{1}{2}}", LatexPrinter.exact(pow(var("x"), Num.HALF)));
        assertEquals("\\frac{1}{x^{\\frac{1}{2}}}", LatexPrinter.exact(pow(var("x"), num(-1, 2))));
        assertEquals("\\sqrt{x}", LatexPrinter.exact(call("sqrt", var("x"))));
    }

    @Test
    void negativeFactorsInsideProductsGetParentheses() {
        assertEquals("x \\cdot \\left(-\\frac{1}{2}\\right)", LatexPrinter.print(new Mul(List.of(var("x"), num(-1, 2)))));
        assertEquals("x \\cdot (-y)", LatexPrinter.print(new Mul(List.of(var("x"), new Mul(List.of(num(-1), var("y")))))));
        assertEquals("x + (y + z)", LatexPrinter.print(new Add(List.of(var("x"), new Add(List.of(var("y"), var("z")))))));
    }

    @Test
    void conditionsAndNamesHaveTheirOwnEntryPoints() {
        assertEquals("W_{1} x \\geq 0", LatexPrinter.print(new Cond(mul(var("W1"), var("x")), Rel.GE, num(0))));
        assertEquals("W_{12}", LatexPrinter.name("W12"));
        assertEquals("\\mathrm{hidden}_{2}", LatexPrinter.name("hidden2"));
        assertEquals("\\mathrm{\\_h}", LatexPrinter.name("_h"));
        assertEquals("\\mathrm{w2x}", LatexPrinter.name("w2x"));
        assertEquals("\\Delta_{t}", LatexPrinter.name("Delta_t"));
    }

    @Test
    void termsAndFactorsSplitWhereALineMayBreak() {
        assertEquals(List.of("2 x", "- \\sin(y)", "+ \\frac{1}{z}"), LatexPrinter.terms(Parsing.expr("2x - sin(y) + 1/z")));
        assertEquals(List.of("-2 x \\tanh(u)", "\\cdot (1 + y)"), LatexPrinter.factors(Parsing.expr("-2*x*tanh(u)*(1+y)")));
        assertEquals(List.of("W_{2} x"), LatexPrinter.factors(Parsing.expr("W2*x")));
        assertEquals(List.of("x"), LatexPrinter.terms(var("x")));
    }
}
