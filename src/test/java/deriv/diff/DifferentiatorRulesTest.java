package deriv.diff;

import static org.junit.jupiter.api.Assertions.*;

import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule on its own: the rule named by the top step and the raw (unsimplified) derivative,
 * printed exactly. Every case is also checked against central differences.
 */
class DifferentiatorRulesTest {

    /** The top step of d/d{@code var} of a program (definitions allowed, lines separated by ';'). */
    static Step top(String program, String var) {
        Parsed p = Parsing.program(program.replace(";", "\n"));
        return new Differentiator(p.program().definitions()).differentiate(p.program().body(), var);
    }

    static String raw(String program, String var) {
        return Printer.print(top(program, var).after());
    }

    static void numeric(String program, String var) {
        Parsed p = Parsing.program(program.replace(";", "\n"));
        Expr d = top(program, var).after();
        Numeric.assertDerivative(p.program().body(), d, p.program().definitions(), var, program.hashCode(), 12);
    }

    @ParameterizedTest(name = "d/d{1} {0} = {3} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
        7                         | x  | ConstantRule          | 0
        pi*e                      | x  | ConstantRule          | 0
        y                         | x  | VariableRule          | 0
        x                         | x  | VariableRule          | 1
        x + y + x^2               | x  | SumRule               | 1 + 2*x
        x - y - 3*x               | x  | DifferenceRule        | -2
        x - 3                     | x  | DifferenceRule        | 1
        1/(1 + exp(-x))           | x  | ChainRule             | (1 + exp(-x))^-2*exp(-x)
        x^3 - 4*x                 | x  | DifferenceRule        | 3*x^2 - 4
        5*x                       | x  | ConstantMultipleRule  | 5
        -x                        | x  | ConstantMultipleRule  | -1
        3*x*y                     | x  | ConstantMultipleRule  | 3*y
        x*y*z*w                   | z  | ConstantMultipleRule  | x*y*w
        x/2 + y/4                 | x  | SumRule               | 1/2
        x^5                       | x  | PowerRule             | 5*x^4
        x^(-2)                    | x  | PowerRule             | -2/x^3
        x^(1/2)                   | x  | PowerRule             | 1/2/x^(1/2)
        x^n                       | x  | PowerRule             | n*x^(n - 1)
        x*sin(x)*exp(x)           | x  | ProductRule           | sin(x)*exp(x) + x*cos(x)*exp(x) + x*sin(x)*exp(x)
        sin(x)/x                  | x  | QuotientRule          | (cos(x)*x - sin(x))/x^2
        (x+1)/(x-1)               | x  | QuotientRule          | (x - 1 - (x + 1))/(x - 1)^2
        1/x                       | x  | PowerRule             | -x^-2
        x*y/z                     | z  | ConstantMultipleRule  | -x*y/z^2
        sin(3*x)                  | x  | ChainRule             | 3*cos(3*x)
        cos(x^2)                  | x  | ChainRule             | -2*sin(x^2)*x
        e^x                       | x  | ExponentialRule       | exp(x)
        exp(2*x)                  | x  | ChainRule             | 2*exp(2*x)
        2^x                       | x  | ExponentialRule       | 2^x*ln(2)
        5^(x^2)                   | x  | ChainRule             | 2*5^(x^2)*ln(5)*x
        ln(x)                     | x  | LogarithmRule         | x^-1
        ln(x^2+1)                 | x  | ChainRule             | 2/(x^2 + 1)*x
        x^x                       | x  | GeneralPowerRule      | x^x*(ln(x) + x/x)
        x^sin(x)                  | x  | GeneralPowerRule      | x^sin(x)*(cos(x)*ln(x) + sin(x)/x)
        (1+x)^(2*x)               | x  | GeneralPowerRule      | (1 + x)^(2*x)*(2*ln(1 + x) + 2*x/(1 + x))
        abs(x)                    | x  | AbsRule               | sign(x)
        abs(2*x-1)                | x  | ChainRule             | 2*sign(2*x - 1)
        sign(x)                   | x  | SignRule              | 0
        sign(x^2-1)               | x  | ChainRule             | 0
        sigmoid(x)                | x  | SigmoidRule           | sigmoid(x)*(1 - sigmoid(x))
        sigmoid(w*x+b)            | w  | ChainRule             | sigmoid(w*x + b)*(1 - sigmoid(w*x + b))*x
        softplus(x)               | x  | SoftplusRule          | sigmoid(x)
        softplus(x^2)             | x  | ChainRule             | 2*sigmoid(x^2)*x
        relu(x)                   | x  | ReluRule              | if(x > 0, 1, 0)
        relu(3*x-1)               | x  | ChainRule             | 3*if(3*x - 1 > 0, 1, 0)
        LeakyReLU(x)              | x  | LeakyReluRule         | if(x > 0, 1, 1/100)
        LeakyReLU(x, 0.2)         | x  | LeakyReluRule         | if(x > 0, 1, 1/5)
        LeakyReLU(x, a)           | a  | LeakyReluRule         | if(x > 0, 0, x)
        LeakyReLU(1-x)            | x  | ChainRule             | -if(1 - x > 0, 1, 1/100)
        min(x, y)                 | x  | MinRule               | if(x < y, 1, x > y, 0, 1/2)
        max(x, y)                 | y  | MaxRule               | if(y > x, 1, y < x, 0, 1/2)
        max(x^2, y)               | x  | ChainRule             | 2*if(x^2 > y, 1, x^2 < y, 0, 1/2)*x
        min(x, x^2)               | x  | MultivariableChainRule | if(x < x^2, 1, x > x^2, 0, 1/2) + 2*if(x^2 < x, 1, x^2 > x, 0, 1/2)*x
        if(x > 0, x^2, x < -1, 3*x, 0) | x | PiecewiseRule     | if(x > 0, 2*x, x < -1, 3, 0)
        if(y > 0, x, 2*x)         | x  | PiecewiseRule         | if(y > 0, 1, 2)
        sin(x)                    | x  | SinRule               | cos(x)
        cos(x)                    | x  | CosRule               | -sin(x)
        tan(x)                    | x  | TanRule               | sec(x)^2
        sec(x)                    | x  | SecRule               | sec(x)*tan(x)
        csc(x)                    | x  | CscRule               | -csc(x)*cot(x)
        cot(x)                    | x  | CotRule               | -csc(x)^2
        asin(x)                   | x  | ArcsinRule            | (1 - x^2)^(-1/2)
        acos(x)                   | x  | ArccosRule            | -(1 - x^2)^(-1/2)
        atan(x)                   | x  | ArctanRule            | (1 + x^2)^-1
        sinh(x)                   | x  | SinhRule              | cosh(x)
        cosh(x)                   | x  | CoshRule              | sinh(x)
        tanh(x)                   | x  | TanhRule              | 1 - tanh(x)^2
        exp(x)                    | x  | ExponentialRule       | exp(x)
        sqrt(x)                   | x  | SqrtRule              | 1/(2*sqrt(x))
        tan(2*x)                  | x  | ChainRule             | 2*sec(2*x)^2
        asin(2*x)                 | x  | ChainRule             | 2/(1 - (2*x)^2)^(1/2)
        acos(x^2)                 | x  | ChainRule             | -2/(1 - (x^2)^2)^(1/2)*x
        csc(2*x)                  | x  | ChainRule             | -2*csc(2*x)*cot(2*x)
        cot(x/2)                  | x  | ChainRule             | -csc(x/2)^2/2
        sinh(2*x)                 | x  | ChainRule             | 2*cosh(2*x)
        cosh(x^2)                 | x  | ChainRule             | 2*sinh(x^2)*x
        tanh(x)^2                 | x  | ChainRule             | 2*tanh(x)*(1 - tanh(x)^2)
        Linear(W, b, x) := W*x + b; Linear(W1, b1, x) | W1 | ExpandDefinition | x
        m := W1*x + b1; m         | b1 | IntermediateVariable  | 1
        m := W1*x + b1; m^2       | b1 | ChainRule             | 2*m
        """)
    void rule(String program, String var, String rule, String expected) {
        Step s = top(program, var);
        assertEquals(rule, s.rule(), "rule of d/d" + var + " " + program);
        // exactly this tree (compared as trees, so that the printer's spacing and parentheses may change)
        assertEquals(Parsing.expr(expected), s.after(), "d/d" + var + " " + program + " = " + Printer.print(s.after()));
        // the raw form parses back to the same tree
        assertEquals(s.after(), Parsing.expr(Printer.print(s.after())));
        numeric(program, var);
    }

    @Test
    void productRuleOfThreeFactorsHasOneTermPerFactor() {
        Step s = top("x*sin(x)*exp(x)", "x");
        assertEquals("ProductRule", s.rule());
        assertEquals(List.of("VariableRule", "SinRule", "ExponentialRule"), s.substeps().stream().map(Step::rule).toList());
        assertEquals(List.of("diff(x, x)", "diff(sin(x), x)", "diff(exp(x), x)"),
            s.substeps().stream().map(t -> Printer.print(t.before())).toList());
    }

    @Test
    void quotientRuleNamesNumeratorAndDenominator() {
        Step s = top("sin(x)/(1 + x^2)", "x");
        assertEquals("QuotientRule", s.rule());
        assertEquals("u = sin(x), v = 1 + x^2", s.note());
        Numeric.assertExpr("diff(sin(x), x)", s.substeps().get(0).before());
        Numeric.assertExpr("diff(1 + x^2, x)", s.substeps().get(1).before());
        Numeric.assertExpr("(cos(x)*(1 + x^2) - 2*sin(x)*x)/(1 + x^2)^2", s.after());
    }

    @Test
    void chainRuleIntroducesTheInnerExpressionByName() {
        Step s = top("tanh(W1*x + b1)", "W1");
        assertEquals("ChainRule", s.rule());
        assertNotNull(s.let());
        assertEquals("u", s.let().name());
        Numeric.assertExpr("W1*x + b1", s.let().value());
        Step outer = s.substeps().get(0), inner = s.substeps().get(1);
        assertEquals("TanhRule", outer.rule());
        Numeric.assertExpr("diff(tanh(u), u)", outer.before());
        Numeric.assertExpr("1 - tanh(u)^2", outer.after());
        Numeric.assertExpr("diff(W1*x + b1, W1)", inner.before());
        Numeric.assertExpr("x", inner.after());
        Numeric.assertExpr("(1 - tanh(W1*x + b1)^2)*x", s.after());
    }

    @Test
    void nestedChainsTakeFreshNamesAvoidingTheExpressionsOwn() {
        // u and v are variables of the expression, so the names introduced must differ from them
        Step s = top("sin(cos(u*x + v))", "x");
        assertEquals("ChainRule", s.rule());
        String first = s.let().name();
        Step innerChain = s.substeps().get(1);
        assertEquals("ChainRule", innerChain.rule());
        String second = innerChain.let().name();
        assertNotEquals(first, second);
        for (String n : List.of(first, second)) {
            assertFalse(n.equals("u") || n.equals("v") || n.equals("x"), n);
        }
        Numeric.assertExpr("-cos(cos(u*x + v))*sin(u*x + v)*u", s.after());
    }

    @Test
    void exponentialRuleForBaseAndForE() {
        Step a = top("3^(2*x)", "x");
        assertEquals("ChainRule", a.rule());
        assertEquals("ExponentialRule", a.substeps().getFirst().rule());
        Numeric.assertExpr("diff(3^u, u)", a.substeps().getFirst().before());
        Numeric.assertExpr("3^u*ln(3)", a.substeps().getFirst().after());
        Step e = top("e^(2*x)", "x");
        assertEquals("ExponentialRule", e.substeps().getFirst().rule());
        Numeric.assertExpr("exp(u)", e.substeps().getFirst().after());
        // e as an explicit power base (not via the parser's exp): e^u ln e = e^u
        Step p = new Differentiator().differentiate(Expr.pow(Expr.Const.E, Expr.var("x")), "x");
        assertEquals("ExponentialRule", p.rule());
        Numeric.assertExpr("(e)^x", p.after());
    }

    @Test
    void generalPowerRuleRecordsBothInnerDerivatives() {
        Step s = top("x^sin(x)", "x");
        assertEquals("GeneralPowerRule", s.rule());
        assertEquals(2, s.substeps().size());
        assertTrue(s.note().contains("logarithmic differentiation"), s.note());
    }

    @Test
    void userFunctionIsExpandedWithAStepThatSaysSo() {
        Step s = top("Linear(W, b, x) := W*x + b; Linear(W1, b1, x)", "W1");
        assertEquals("ExpandDefinition", s.rule());
        assertEquals("Linear(W, b, x) := W*x + b", s.note());
        assertEquals("diff(Linear(W1, b1, x), W1)", Printer.print(s.before()));
        Numeric.assertExpr("diff(W1*x + b1, W1)", s.substeps().getFirst().before());
        // inside a chain: the outer derivative keeps the call, the inner one expands it
        Step c = top("Linear(W, b, x) := W*x + b; sigmoid(Linear(W1, b1, x))", "b1");
        assertEquals("ChainRule", c.rule());
        assertEquals("ExpandDefinition", c.substeps().get(1).rule());
        assertEquals("sigmoid(Linear(W1, b1, x))*(1 - sigmoid(Linear(W1, b1, x)))", Printer.print(c.after()));
        numeric("Linear(W, b, x) := W*x + b; sigmoid(Linear(W1, b1, x))", "b1");
    }

    @Test
    void userFunctionWithParameterNamesThatClashWithArguments() {
        // simultaneous substitution: F(x, y) := x - 2*y called as F(y, x)
        String p = "F(x, y) := x - 2*y; F(y, x)^2";
        assertEquals("2*F(y, x)", raw(p, "y"));
        numeric(p, "y");
        numeric(p, "x");
    }

    @Test
    void intermediateVariableStepShowsTheDefinition() {
        Step s = top("m := W1*x + b1; m", "W1");
        assertEquals("IntermediateVariable", s.rule());
        assertEquals("m := W1*x + b1", s.note());
        Numeric.assertExpr("x", s.after());
        // through an intermediate the chain rule needs no new name: the intermediate is one
        Step c = top("m := W1*x + b1; tanh(m)", "W1");
        assertEquals("ChainRule", c.rule());
        assertNull(c.let());
        Numeric.assertExpr("diff(tanh(m), m)", c.substeps().get(0).before());
        Numeric.assertExpr("diff(m, W1)", c.substeps().get(1).before());
        Numeric.assertExpr("(1 - tanh(m)^2)*x", c.after());
    }

    @Test
    void derivativeOfAnUnrelatedVariableIsZeroByTheConstantRule() {
        Step s = top("sin(y)*exp(z)", "x");
        assertEquals("ConstantRule", s.rule());
        Numeric.assertExpr("0", s.after());
        assertTrue(s.substeps().isEmpty());
    }

    @Test
    void higherDerivativeNodesAreWorkedOutInnermostFirst() {
        Step s = top("diff(x^3, x)", "x");
        assertEquals("HigherDerivative", s.rule());
        Numeric.assertExpr("6*x", s.after());
        Step mixed = top("diff(x^2*y, x)", "y");
        Numeric.assertExpr("2*x", mixed.after());
        Step inside = top("sin(diff(x^3, x))", "x");
        Numeric.assertExpr("6*cos(3*x^2)*x", inside.after());
        assertFalse(Differentiator.containsDiff(inside.after()));
    }

    @Test
    void everyRuleNameReadsAsWords() {
        assertEquals("chain rule", Rules.describe("ChainRule"));
        assertEquals("leaky relu rule", Rules.describe("LeakyReluRule"));
        assertEquals("expand definition", Rules.describe("ExpandDefinition"));
    }
}
