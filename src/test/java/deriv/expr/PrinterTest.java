package deriv.expr;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deriv.parse.Parsing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain printer: minimal parentheses, and text that parses back to the same tree. */
class PrinterTest {
    private static final Expr X = var("x"), Y = var("y"), Z = var("z");

    private static void prints(String expected, Expr e) {
        assertEquals(expected, Printer.print(e));
        assertEquals(e, Parsing.expr(expected), "re-parse of " + expected);
    }

    /** Text that prints back unchanged (the parse result is what is printed). */
    private static void canonical(String text) {
        assertEquals(text, Printer.print(Parsing.expr(text)));
    }

    @Test
    void sumsAndDifferences() {
        prints("x + y - z", add(X, Y, neg(Z)));
        prints("x - 3", add(X, num(-3)));
        prints("x - 2*y", add(X, mul(num(-2), Y)));
        prints("x - (y + z)", sub(X, add(Y, Z)));
        prints("-x + y", add(neg(X), Y));
        prints("x - 1/3", add(X, num(-1, 3)));
        prints("x + 1/3", add(X, num(1, 3)));
    }

    @Test
    void productsAndQuotients() {
        prints("2*x", mul(num(2), X));
        prints("x*y*z", mul(X, Y, Z));
        prints("x/y", div(X, Y));
        prints("x/(y*z)", div(div(X, Y), Z));
        prints("x*(y*z)^-1", mul(X, pow(mul(Y, Z), -1)));
        prints("1/(y*z)", div(num(1), mul(Y, Z)));
        prints("x/(y*(z + 1)^2)", div(X, mul(Y, pow(add(Z, num(1)), 2))));
        prints("x/y/z*y", mul(X, pow(Y, -1), pow(Z, -1), Y));
        prints("x/(y*z)", div(X, mul(Y, Z)));
        prints("x/(y + z)", div(X, add(Y, Z)));
        prints("x/y^2", div(X, pow(Y, 2)));
        prints("x/3", div(X, num(3)));
        prints("2*3^-1", mul(num(2), pow(num(3), -1)));
        prints("2/3", div(num(2), num(3)));
        prints("x*(1/2)", mul(X, num(1, 2)));
        prints("x/2", mul(num(1, 2), X));
        prints("3*x/2", mul(num(3, 2), X));
        prints("1/(2*x)", mul(num(1, 2), pow(X, -1)));
        prints("x/(2*y^2)", mul(num(1, 2), X, pow(Y, -2)));
        prints("-x/(2*(y + 1))", mul(num(-1, 2), X, pow(add(Y, num(1)), -1)));
        prints("x/(2*y*z)", mul(num(1, 2), X, pow(Y, -1), pow(Z, -1)));
        prints("x*(2*y)^-1", mul(X, pow(mul(num(2), Y), -1)));
        prints("x*-1", mul(X, num(-1)));
        prints("x*(y + 1)", mul(X, add(Y, num(1))));
        prints("(x + 1)*(y - 1)", mul(add(X, num(1)), sub(Y, num(1))));
        prints("x*(y^2)^-1", mul(X, pow(pow(Y, 2), -1)));
    }

    @Test
    void negations() {
        prints("-x", neg(X));
        prints("-2*x", neg(mul(num(2), X)));
        prints("-x*y", neg(mul(X, Y)));
        prints("-(x + y)", neg(add(X, Y)));
        prints("-x^2", neg(pow(X, 2)));
        prints("-3", num(-3));
        prints("-1/3", num(-1, 3));
        prints("-1*2", mul(num(-1), num(2)));
        prints("x", neg(neg(X)));
    }

    @Test
    void powers() {
        prints("x^2", pow(X, 2));
        prints("1/x", pow(X, -1));
        prints("x^(1/2)", pow(X, num(1, 2)));
        prints("1/x^(1/2)", pow(X, num(-1, 2)));
        prints("1*x^-1", mul(num(1), pow(X, -1)));
        prints("1*x^-1/y", mul(num(1), pow(X, -1), pow(Y, -1)));
        prints("(x^2)^-1", pow(pow(X, 2), -1));
        prints("x^y^z", pow(X, pow(Y, Z)));
        prints("(x^y)^z", pow(pow(X, Y), Z));
        prints("x^-y", pow(X, neg(Y)));
        prints("x^-y^2", pow(X, neg(pow(Y, 2))));
        prints("x^(-2*y)", pow(X, mul(num(-2), Y)));
        prints("x^(y + 1)", pow(X, add(Y, num(1))));
        prints("x^(2*y)", pow(X, mul(num(2), Y)));
        prints("(-2)^x", pow(num(-2), X));
        prints("(1/2)^x", pow(num(1, 2), X));
        prints("(x + 1)^2", pow(add(X, num(1)), 2));
        prints("(2*x)^2", pow(mul(num(2), X), 2));
        prints("(-x)^2", pow(neg(X), 2));
        prints("sin(x)^2", pow(call("sin", X), 2));
        prints("(e)^x", pow(Const.E, X));
        prints("exp(x)", call("exp", X));
        prints("pi^2", pow(Const.PI, 2));
    }

    @Test
    void callsPiecewiseAndDiff() {
        prints("LeakyReLU(W2*tanh(W1*x + b1) + b2)",
               call("LeakyReLU", add(mul(var("W2"), call("tanh", add(mul(var("W1"), X), var("b1")))), var("b2"))));
        prints("LeakyReLU(x, -1/2)", call("LeakyReLU", X, num(-1, 2)));
        prints("max(x - 1, -y)", call("max", sub(X, num(1)), neg(Y)));
        prints("if(x > 0, 1, alpha)", new Piecewise(List.of(new Branch(new Cond(X, Rel.GT, num(0)), num(1))), var("alpha")));
        prints("if(x - 1 <= 2*y, x, x >= 3, -1, 0)", new Piecewise(List.of(
            new Branch(new Cond(sub(X, num(1)), Rel.LE, mul(num(2), Y)), X),
            new Branch(new Cond(X, Rel.GE, num(3)), num(-1))), num(0)));
        prints("2*if(x < 0, -x, x)", mul(num(2), new Piecewise(List.of(new Branch(new Cond(X, Rel.LT, num(0)), neg(X))), X)));
        prints("diff(x^2, x)", new Diff(pow(X, 2), "x"));
        prints("diff(diff(x^3, x), x)^2", pow(new Diff(new Diff(pow(X, 3), "x"), "x"), 2));
    }

    @Test
    void typicalInputPrintsAsWritten() {
        canonical("3*x^2 + 2*(x + 1)");
        canonical("(y - (m*x + c))^2");
        canonical("1/(1 + exp(-x))");
        canonical("-2^2");
        canonical("x^2*exp(y)");
        canonical("theta_0 + theta_1*x");
        canonical("sigmoid(a)*(1 - sigmoid(a))");
    }

    @Test
    void conditionsPrintAlone() {
        assertEquals("x + 1 >= y", Printer.print(new Cond(add(X, num(1)), Rel.GE, Y)));
    }
}
