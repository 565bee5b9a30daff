package deriv.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every bad LaTeX input gets one exact message with a caret under the spot. */
class LatexErrorTest {

    private static void assertError(String latex, String rendered) {
        DerivException e = assertThrows(DerivException.class, () -> LatexParsing.expr(latex), latex);
        assertEquals(rendered, e.diagnostic().render(), latex);
    }

    @Test
    void unsupportedCommand() {
        assertError("\\frac{1}{x} + \\foo", """
            error: unsupported LaTeX command \\foo at line 1, column 15
              \\frac{1}{x} + \\foo
                            ^""");
        assertError("\\sum x", """
            error: unsupported LaTeX command \\sum at line 1, column 1
              \\sum x
              ^""");
        assertError("x \\% y", """
            error: unsupported LaTeX command \\% at line 1, column 3
              x \\% y
                ^""");
        assertError("\\begin{pmatrix} a \\end{pmatrix}", """
            error: unsupported LaTeX environment {pmatrix} at line 1, column 1
              \\begin{pmatrix} a \\end{pmatrix}
              ^""");
        assertError("\\text x", """
            error: \\text needs its argument in braces, as in \\text{...} (nested braces are not supported there) at line 1, column 1
              \\text x
              ^""");
        assertError("f'(x)", """
            error: primes are not supported: write the derivative as \\frac{d}{dx} f at line 1, column 2
              f'(x)
               ^""");
        assertError("x @ y", """
            error: unexpected character '@' at line 1, column 3
              x @ y
                ^""");
    }

    @Test
    void unbalancedBraces() {
        assertError("x + \\frac{a}{b", """
            error: unbalanced braces: '{' is never closed at line 1, column 13
              x + \\frac{a}{b
                          ^""");
        assertError("x^{2}}", """
            error: unbalanced braces: '}' has no matching '{' at line 1, column 6
              x^{2}}
                   ^""");
        assertError("\\left( x", """
            error: unbalanced brackets: '(' is never closed at line 1, column 6
              \\left( x
                   ^""");
        assertError("(x]", """
            error: unbalanced brackets: ']' cannot close '(' (opened at line 1, column 1) at line 1, column 3
              (x]
                ^""");
        assertError("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise}", """
            error: unbalanced environment: '\\begin{cases}' is never closed at line 1, column 1
              \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise}
              ^""");
    }

    @Test
    void missingArguments() {
        assertError("\\frac{a}", """
            error: \\frac needs two arguments, as in \\frac{a}{b} at line 1, column 1
              \\frac{a}
              ^""");
        assertError("2 + \\dfrac{a} - 1", """
            error: \\dfrac needs two arguments, as in \\dfrac{a}{b} at line 1, column 5
              2 + \\dfrac{a} - 1
                  ^""");
        assertError("\\sqrt", """
            error: \\sqrt needs an argument, as in \\sqrt{x} at line 1, column 1
              \\sqrt
              ^""");
        assertError("x + \\sin", """
            error: \\sin needs an argument, as in \\sin(x) at line 1, column 5
              x + \\sin
                  ^""");
        assertError("\\operatorname{ReLU}", """
            error: \\operatorname{ReLU} needs an argument, as in \\operatorname{ReLU}(x) at line 1, column 1
              \\operatorname{ReLU}
              ^""");
        assertError("x^", """
            error: '^' needs an exponent, as in x^{2} at line 1, column 2
              x^
               ^""");
        assertError("W_ + 1", """
            error: '_' needs a subscript, as in x_{1} at line 1, column 2
              W_ + 1
               ^""");
        assertError("{}", """
            error: empty braces '{}' at line 1, column 2
              {}
               ^""");
    }

    @Test
    void unknownFunctions() {
        assertError("\\operatorname{foo}(x)", """
            error: unknown function 'foo' at line 1, column 1
              \\operatorname{foo}(x)
              ^""");
        assertError("1 + \\operatorname{sigmod}(x)", """
            error: unknown function 'sigmod'; did you mean 'sigmoid'? at line 1, column 5
              1 + \\operatorname{sigmod}(x)
                  ^""");
        assertError("\\text{LeakyReLU}(x, 1, 2)", """
            error: LeakyReLU takes 1 or 2 arguments, but 3 were given at line 1, column 1
              \\text{LeakyReLU}(x, 1, 2)
              ^""");
        assertError("\\text{ReLU} + 1", """
            error: 'ReLU' is a function: call it as \\text{ReLU}(...) at line 1, column 1
              \\text{ReLU} + 1
              ^""");
        assertError("\\tanh^{-1} x", """
            error: \\tanh^{-1} is ambiguous: write \\frac{1}{\\tanh x} for the reciprocal at line 1, column 6
              \\tanh^{-1} x
                   ^""");
    }

    @Test
    void emptyInput() {
        String caret = """
            error: empty input: expected an expression at line 1, column 1
              %s
              ^""";
        assertError("", caret.formatted(""));
        assertError("   ", caret.formatted("   "));
        assertError("% only a comment", caret.formatted("% only a comment"));
        assertError("\\quad \\,", caret.formatted("\\quad \\,"));
    }

    @Test
    void scriptsTakeOneDigitWithoutBraces() {
        assertError("x^23", """
            error: LaTeX reads ^23 as ^{2} followed by 3: write ^{23} at line 1, column 3
              x^23
                ^""");
        assertError("W_12 x", """
            error: LaTeX reads _12 as _{1} followed by 2: write _{12} at line 1, column 3
              W_12 x
                ^""");
        assertError("x_{i+1}", """
            error: a subscript must be letters and digits, as in x_{1} or w_{ij} at line 1, column 4
              x_{i+1}
                 ^""");
    }

    @Test
    void derivatives() {
        assertError("\\frac{\\partial}{\\partial a}", """
            error: the derivative operator \\frac{\\partial}{\\partial a} needs an expression after it at line 1, column 1
              \\frac{\\partial}{\\partial a}
              ^""");
        assertError("\\frac{\\partial^2 f}{\\partial x}", """
            error: the order of the numerator (2) does not match the denominator (1) at line 1, column 7
              \\frac{\\partial^2 f}{\\partial x}
                    ^""");
        assertError("\\frac{\\partial}{\\partial e} x", """
            error: cannot differentiate with respect to the constant e at line 1, column 26
              \\frac{\\partial}{\\partial e} x
                                       ^""");
        assertError("\\partial x", """
            error: \\partial belongs in a derivative such as \\frac{\\partial f}{\\partial x} at line 1, column 1
              \\partial x
              ^""");
    }

    @Test
    void structure() {
        assertError("x = y", """
            error: unexpected '=': one expression was expected (a derivation with '=' steps is read as a chain: check --chain) at line 1, column 3
              x = y
                ^""");
        assertError("(a, b)", """
            error: a list (a, b) is allowed only as the arguments of a function at line 1, column 3
              (a, b)
                ^""");
        assertError("a \\\\ b", """
            error: a second expression: only definitions (name := value) may come before the expression at line 1, column 6
              a \\\\ b
                   ^""");
        assertError("\\begin{cases} 1 & \\text{otherwise} \\\\ 2 & x > 0 \\end{cases}", """
            error: only the last row of cases may go without a condition at line 1, column 15
              \\begin{cases} 1 & \\text{otherwise} \\\\ 2 & x > 0 \\end{cases}
                            ^""");
        assertError("u := u + 1 \\\\ u", """
            error: the definition of 'u' refers to itself at line 1, column 6
              u := u + 1 \\\\ u
                   ^""");
    }

    @Test
    void errorsOnLaterLinesPointThere() {
        assertError("\\frac{1}{2}\n  + \\frac{x}{\\undefined}", """
            error: unsupported LaTeX command \\undefined at line 2, column 14
                + \\frac{x}{\\undefined}
                           ^""");
    }
}
