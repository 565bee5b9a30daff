package deriv.parse;

import static deriv.expr.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.eval.Evaluator;
import deriv.expr.Definition;
import deriv.expr.Expr;
import deriv.expr.Exprs;
import deriv.expr.Program;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain language: what each form parses to. Error messages are tested in deriv.cli.ErrorMessagesTest. */
class ParsingTest {
    private static final Expr X = var("x"), Y = var("y"), Z = var("z");

    private static Expr p(String text) { return Parsing.expr(text); }

    private static double v(String text, Object... at) {
        Map<String, Double> m = new java.util.HashMap<>();
        for (int i = 0; i < at.length; i += 2) m.put((String) at[i], ((Number) at[i + 1]).doubleValue());
        Parsed parsed = Parsing.program(text);
        return Evaluator.eval(parsed.program().body(), parsed.program().definitions(), m);
    }

    // ------------------------------------------------------------------ precedence and associativity

    @Test
    void powerBindsTighterThanUnaryMinus() {
        assertEquals(-4.0, v("-2^2"));
        assertEquals(num(-1), p("-1"));
        assertEquals(neg(pow(num(2), num(2))), p("-2^2"));
        assertEquals(4.0, v("(-2)^2"));
    }

    @Test
    void powerIsRightAssociative() {
        assertEquals(512.0, v("2^3^2"));
        assertEquals(pow(X, pow(Y, Z)), p("x^y^z"));
        assertEquals(64.0, v("(2^3)^2"));
    }

    @Test
    void signedExponentsAndOperands() {
        assertEquals(pow(num(2), neg(X)), p("2^-x"));
        assertEquals(0.25, v("2^-x", "x", 2));
        assertEquals(mul(X, num(-1)), p("x * -1"));
        assertEquals(-3.0, v("x * -1", "x", 3));
        assertEquals(pow(X, neg(pow(Y, num(2)))), p("x^-y^2"));
        // the exponent's sign ends at '*': 2^-x*y is (2^-x)*y
        assertEquals(mul(pow(num(2), neg(X)), Y), p("2^-x*y"));
        assertEquals(X, p("--x"));
        assertEquals(X, p("+x"));
        assertEquals(add(X, neg(neg(Y))), p("x - -y"));
        assertEquals(5.0, v("x - -y", "x", 2, "y", 3));
    }

    @Test
    void subtractionAndDivisionAreLeftAssociative() {
        assertEquals(-4.0, v("a-b-c", "a", 1, "b", 2, "c", 3));
        assertEquals(add(var("a"), neg(var("b")), neg(var("c"))), p("a-b-c"));
        assertEquals(2.0, v("a/b/c", "a", 12, "b", 3, "c", 2));
        assertEquals(mul(var("a"), pow(var("b"), -1), pow(var("c"), -1)), p("a/b/c"));
        assertEquals(num(1), p("6/2/3"));
        assertEquals(6.0, v("a - b + c", "a", 5, "b", 2, "c", 3));
        assertEquals(7.0, v("1 + 2*3"));
        assertEquals(9.0, v("(1 + 2)*3"));
        assertEquals(18.0, v("2*3^2"));
    }

    @Test
    void sumsAndProductsAreFlat() {
        assertEquals(add(X, Y, Z), p("x + (y + z)"));
        assertEquals(add(X, Y, Z), p("(x + y) + z"));
        assertEquals(mul(X, Y, Z), p("x*(y*z)"));
    }

    @Test
    void unicodeOperators() {
        assertEquals(p("x - y"), p("x \u2212 y"));
        assertEquals(p("x*y"), p("x \u00B7 y"));
        assertEquals(p("x*y"), p("x \u00D7 y"));
        assertEquals(p("if(x <= 0, 1, 2)"), p("if(x \u2264 0, 1, 2)"));
        assertEquals(p("if(x >= 0, 1, 2)"), p("if(x \u2265 0, 1, 2)"));
    }

    // ------------------------------------------------------------------ implicit multiplication

    @Test
    void aNumberMultipliesWhatFollows() {
        assertEquals(mul(num(2), X), p("2x"));
        assertEquals(mul(num(3), add(X, num(1))), p("3(x+1)"));
        assertEquals(mul(num(2), call("sin", X)), p("2 sin(x)"));
        assertEquals(mul(num(2), pow(X, num(2))), p("2x^2"));
        assertEquals(8.0, v("2x^2", "x", 2));
        assertEquals(18.0, v("3x^2 + 2(x+1)", "x", 2));
        assertEquals(mul(num(2), Const.PI), p("2pi"));
        assertEquals(mul(num(1, 2), X), p("0.5x"));
        assertEquals(mul(num(1, 1000), X), p("1e-3x"));
        assertEquals(mul(num(2), Const.E), p("2e"));
    }

    @Test
    void aNameFollowedByDigitsIsOneName() {
        assertEquals(var("W1x"), p("W1x"));
        assertEquals(var("x2"), p("x2"));
        assertThrows(DerivException.class, () -> p("x y"));
        assertThrows(DerivException.class, () -> p("(x)(y)"));
        assertThrows(DerivException.class, () -> p("x 2"));
    }

    // ------------------------------------------------------------------ numbers

    @Test
    void numbersAreExactRationals() {
        assertEquals(num(42), p("42"));
        assertEquals(num(1, 10), p("0.1"));
        assertEquals(num(1, 3), p("1/3"));
        assertEquals(num(1, 1000), p("1e-3"));
        assertEquals(num(1, 1000), p("1E-3"));
        assertEquals(num(1500), p("1.5e3"));
        assertEquals(num(1500), p("1.5e+3"));
        assertEquals(num(1, 2), p(".5"));
        assertEquals(num(-5, 2), p("-2.5"));
        assertEquals(num(7, 3), p("7/3"));
        assertEquals(new Num(BigInteger.TEN.pow(100), BigInteger.ONE), p("1e100"));
        assertEquals(new Num(BigInteger.ONE, BigInteger.TEN.pow(30)), p("0.000000000000000000000000000001"));
        assertEquals(add(num(1, 10), num(1, 5)), p("0.1 + 0.2"));
    }

    // ------------------------------------------------------------------ names

    @Test
    void greekLettersAreSpelledOut() {
        assertEquals(var("theta"), p("θ"));
        assertEquals(var("theta_0"), p("θ_0"));
        assertEquals(var("theta_0"), p("theta_0"));
        assertEquals(var("alpha"), p("α"));
        assertEquals(var("b_1"), p("b_1"));
        assertEquals(add(var("alpha"), var("beta")), p("α + β"));
        assertEquals(var("Delta"), p("Δ"));
        assertEquals(var("_h"), p("_h"));
    }

    @Test
    void constantsAndTheirShadowing() {
        assertEquals(Const.E, p("e"));
        assertEquals(Const.PI, p("pi"));
        assertEquals(Const.PI, p("π"));
        assertEquals(call("exp", X), p("e^x"));
        assertEquals(pow(Const.E, X), p("(e)^x"));
        assertEquals(2.0, v("e := 2; e"));
        assertEquals(8.0, v("e := 2; e^3"));
        assertEquals(3.0, v("pi := 3; pi"));
        assertEquals(9.0, v("f(e) := e^2; f(3)"));
        assertEquals(Math.exp(1) + Math.PI, v("e + pi"));
    }

    // ------------------------------------------------------------------ built-ins

    @Test
    void builtinNamesMatchIgnoringCaseAndUnderscores() {
        Expr leaky = call("LeakyReLU", X);
        assertEquals(leaky, p("leaky_relu(x)"));
        assertEquals(leaky, p("leakyrelu(x)"));
        assertEquals(leaky, p("LEAKY_RELU(x)"));
        assertEquals(leaky, p("LeakyReLU(x)"));
        assertEquals(call("relu", X), p("ReLU(x)"));
        assertEquals(call("relu", X), p("RELU(x)"));
        assertEquals(call("sin", X), p("Sin(x)"));
    }

    @Test
    void aliases() {
        assertEquals(call("sigmoid", X), p("σ(x)"));
        assertEquals(call("sigmoid", X), p("sigma(x)"));
        assertEquals(call("sigmoid", X), p("logistic(x)"));
        assertEquals(call("asin", X), p("arcsin(x)"));
        assertEquals(call("acos", X), p("arccos(x)"));
        assertEquals(call("atan", X), p("arctan(x)"));
        assertEquals(call("ln", X), p("log(x)"));
        assertEquals(call("sign", X), p("sgn(x)"));
    }

    @Test
    void leakyReluSlope() {
        assertEquals(-0.03, v("LeakyReLU(-3)"), 1e-15);
        assertEquals(-0.3, v("LeakyReLU(-3, 0.1)"), 1e-15);
        assertEquals(-0.6, v("LeakyReLU(x, alpha)", "x", -3, "alpha", 0.2), 1e-15);
        assertEquals(2.0, v("LeakyReLU(x, alpha)", "x", 2, "alpha", 0.2));
        assertEquals(call("LeakyReLU", X, var("alpha")), p("LeakyReLU(x, alpha)"));
    }

    @Test
    void everyRequiredBuiltinParses() {
        for (String f : List.of("sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "sinh", "cosh", "tanh",
                                "exp", "ln", "log", "sqrt", "abs", "sign", "sigmoid", "relu", "LeakyReLU", "softplus")) {
            assertInstanceOf(Call.class, p(f + "(x)"), f);
        }
        assertEquals(call("min", X, Y), p("min(x, y)"));
        assertEquals(call("max", X, Y), p("max(x, y)"));
    }

    @Test
    void aBareBuiltinNameIsAVariable() {
        // sigma is a common name for a standard deviation
        assertEquals(mul(X, pow(var("sigma"), -1)), p("x/sigma"));
    }

    // ------------------------------------------------------------------ definitions and programs

    @Test
    void intermediatesStayAsVariables() {
        Program prog = Parsing.program("m := W1*x + b1\ntanh(m)").program();
        assertEquals(call("tanh", var("m")), prog.body());
        assertEquals(List.of(new Definition.Intermediate("m", add(mul(var("W1"), X), var("b1")))), prog.definitions().all());
        assertEquals(call("tanh", add(mul(var("W1"), X), var("b1"))), p("m := W1*x + b1\ntanh(m)"));
    }

    @Test
    void functionsAreCallsExpandedOnDemand() {
        Program prog = Parsing.program("Linear(W, b, x) := W*x + b; Linear(2, 1, z)").program();
        assertEquals(new Call("Linear", List.of(num(2), num(1), Z)), prog.body());
        assertEquals(new Definition.Function("Linear", List.of("W", "b", "x"), add(mul(var("W"), X), var("b"))),
                     prog.definitions().all().getFirst());
        assertEquals(add(mul(num(2), Z), num(1)), p("Linear(W, b, x) := W*x + b; Linear(2, 1, z)"));
        assertEquals(7.0, v("Linear(W, b, x) := W*x + b; Linear(2, 1, z)", "z", 3));
    }

    @Test
    void programsUseNewlinesSemicolonsAndComments() {
        String program = """
            # a two-layer model
            h := tanh(W1*x + b1)   # hidden
            ; ; 
            y_hat := W2*h + b2
            (y_hat - y)^2
            """;
        assertEquals(Math.pow(2 * Math.tanh(0.5 * 1 + 0) + 0.5 - 1, 2),
                     v(program, "W1", 0.5, "x", 1, "b1", 0, "W2", 2, "b2", 0.5, "y", 1), 1e-15);
        assertEquals(3.0, v("1; 2; 3"));  // the value is the last expression
        assertEquals(2.0, v("a := 1; b := a + 1; b"));
        assertEquals(2.0, v("\r\n a := 1\r\n a + 1\r\n"));
    }

    @Test
    void newlinesInsideParenthesesContinueTheExpression() {
        assertEquals(6.0, v("(1 +\n 2 +\n 3)"));
        assertEquals(call("max", X, Y), p("max(x,\n    y)"));
    }

    @Test
    void greekIntermediateMayShadowABuiltinAlias() {
        assertEquals(6.0, v("sigma := 2; 3*sigma"));
    }

    // ------------------------------------------------------------------ if and diff

    @Test
    void piecewise() {
        Expr e = p("if(x > 0, 1, alpha)");
        assertEquals(new Piecewise(List.of(new Branch(new Cond(X, Rel.GT, num(0)), num(1))), var("alpha")), e);
        assertEquals(1.0, v("if(x > 0, 1, alpha)", "x", 2, "alpha", 0.1));
        assertEquals(0.1, v("if(x > 0, 1, alpha)", "x", -2, "alpha", 0.1));
        assertEquals(-1.0, v("if(x < 0, -1, x > 0, 1, 0)", "x", -5));
        assertEquals(0.0, v("if(x < 0, -1, x > 0, 1, 0)", "x", 0));
        assertEquals(1.0, v("if(x <= 0, 1, 2)", "x", 0));
        assertEquals(2.0, v("if(x >= 1, 1, 2)", "x", 0));
        assertEquals(new Cond(add(X, num(1)), Rel.LE, mul(num(2), Y)),
                     ((Piecewise) p("if(x + 1 <= 2y, 1, 0)")).branches().getFirst().cond());
    }

    @Test
    void diffParsesToDiff() {
        assertEquals(new Diff(pow(X, num(2)), "x"), p("diff(x^2, x)"));
        assertEquals(new Diff(new Diff(pow(X, num(3)), "x"), "x"), p("diff(x^3, x, 2)"));
        assertEquals(new Diff(call("tanh", var("m")), "m"), Parsing.program("m := w*x; diff(tanh(m), m)").program().body());
        assertEquals(new Diff(var("theta"), "theta"), p("diff(θ, θ)"));
    }

    // ------------------------------------------------------------------ size

    @Test
    void aLongSumIsFlat() {
        StringBuilder sb = new StringBuilder("x");
        for (int i = 1; i < 20_000; i++) sb.append("+x");
        Expr e = p(sb.toString());
        assertEquals(20_000, ((Add) e).terms().size());
        assertEquals(2, Exprs.depth(e));
        StringBuilder prod = new StringBuilder("x");
        for (int i = 1; i < 10_000; i++) prod.append(i % 2 == 0 ? "*x" : "/y");
        assertEquals(10_000, ((Mul) p(prod.toString())).factors().size());
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int n = Parsing.MAX_DEPTH;
        assertEquals(X, p("(".repeat(n) + "x" + ")".repeat(n)));
        assertEquals(n, Exprs.depth(p("sin(".repeat(n - 1) + "x" + ")".repeat(n - 1))));
        assertEquals(X, p("-".repeat(n) + "x"));
        assertTrue(Exprs.depth(p("x^".repeat(n) + "x")) > n);
    }

    @Test
    void inputUpToTheSizeLimitIsAccepted() {
        String text = "x" + " ".repeat(Parsing.MAX_INPUT - 1);
        assertEquals(X, p(text));
        assertThrows(DerivException.class, () -> p(text + " "));
    }
}
