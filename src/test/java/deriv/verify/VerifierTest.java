package deriv.verify;

import static org.junit.jupiter.api.Assertions.*;

import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Single claims: verdicts, the means that decided them, counterexamples and hints. */
class VerifierTest {

    static Verdict claim(String f, String claimed, String var) {
        Parsed p = Parsing.program(f);
        return Verifier.claim(p.program().body(), Parsing.program(claimed).program().body(), var, p.program().definitions());
    }

    static void assertValid(String f, String claimed, String var) {
        Verdict v = claim(f, claimed, var);
        assertTrue(v.valid(), () -> "d/d" + var + " " + f + " = " + claimed + ": " + Reports.claimText(v, f, null));
        assertNull(v.counterexample());
    }

    static Verdict assertInvalid(String f, String claimed, String var, String hintWord) {
        Verdict v = claim(f, claimed, var);
        assertFalse(v.valid(), () -> "d/d" + var + " " + f + " = " + claimed + " should be wrong");
        assertNotEquals(Verdict.Method.UNDECIDED, v.method());
        Counterexample c = v.counterexample();
        assertNotNull(c);
        // the counterexample really is one: the correct derivative and the claim differ there
        Expr correct = Verifier.correct(Parsing.expr(f), var, Definitions.EMPTY);
        assertEquals(c.expected(), deriv.eval.Evaluator.eval(correct, c.point()), 1e-9 * Math.max(1, Math.abs(c.expected())));
        assertEquals(c.claimed(), deriv.eval.Evaluator.eval(Parsing.expr(claimed), c.point()), 1e-9 * Math.max(1, Math.abs(c.claimed())));
        assertFalse(Tolerance.close(c.expected(), c.claimed(), Tolerance.RELATIVE));
        assertNotNull(v.difference());
        if (hintWord != null) {
            assertNotNull(v.hint(), () -> "a hint for " + claimed);
            assertTrue(v.hint().toLowerCase(Locale.ROOT).contains(hintWord), () -> v.hint() + " should mention " + hintWord);
        }
        return v;
    }

    // the acceptance check's claims
    @Test void productRuleClaimHolds() { assertValid("x^2*sin(x)", "2*x*sin(x) + x^2*cos(x)", "x"); }

    @Test void productOfDerivativesIsWrong() { assertInvalid("x^2*sin(x)", "2*x*cos(x)", "x", "product rule"); }

    @Test void softplusDerivativeIsSigmoid() { assertValid("ln(1+exp(z))", "sigmoid(z)", "z"); }

    @Test void doubleAngleForm() { assertValid("cos(x)^2", "-sin(2*x)", "x"); }

    @Test void reciprocalSign() { assertInvalid("1/(1+x)", "1/(1+x)^2", "x", "sign"); }

    @Test void tanhDerivative() { assertValid("tanh(u)", "1 - tanh(u)^2", "u"); }

    @Test void classicWrongSigmoidBackward() {
        Verdict v = assertInvalid("sigmoid(x)", "-1/(1+e^-x)^2", "x", "chain");
        assertTrue(v.hint().contains("-exp(-x)"), v.hint());
    }

    @Test void sigmoidInExponentialForm() { assertValid("1/(1+e^-x)", "e^-x/(1+e^-x)^2", "x"); }

    @Test void symbolicVerdictSaysSo() {
        Verdict v = claim("x^3", "3*x^2", "x");
        assertTrue(v.valid());
        assertEquals(Verdict.Method.SYMBOLIC, v.method());
    }

    @Test void identityBeyondTheSimplifierIsDecidedNumerically() {
        // sin^2 of a sum against a product form: equal, and not the same tree after simplification
        Verdict v = claim("sin(x)^2", "2*sin(x)*cos(x)", "x");
        assertTrue(v.valid());
        Verdict w = claim("ln(1+exp(z))", "1/(1+exp(-z))", "z");
        assertTrue(w.valid());
        assertEquals(Verdict.Method.NUMERIC, w.method());
    }

    @Test void constantFactorIsNamed() {
        Verdict v = assertInvalid("sin(3*x)", "cos(3*x)", "x", "chain");
        assertTrue(v.hint().contains("3"), v.hint());
        assertInvalid("x^4", "2*x^3", "x", "constant factor: the claim is 1/2 times");
    }

    @Test void squaredResidualLeftIn() {
        assertInvalid("(y - (m*x + c))^2", "-2*x*(y - (m*x + c))^2", "m", "squared term left in");
    }

    @Test void wrongVariable() {
        assertInvalid("w*x + b*x^2", "w + 2*b*x", "w", "wrong variable");
    }

    @Test void sigmaAndItsInputConfused() {
        assertInvalid("sigmoid(w*x + b)", "(w*x + b)*(1 - (w*x + b))*x", "w", "activation");
        assertInvalid("ln(sigmoid(z))", "1 - z", "z", "activation");
    }

    @Test void absAsSqrt() {
        assertInvalid("abs(y - w*x)", "-x/(2*sqrt(y - w*x))", "w", "sqrt");
    }

    @Test void quotientRuleSlips() {
        assertInvalid("sin(x)/x", "cos(x)", "x", "quotient rule");
        assertInvalid("sin(x)/x", "(cos(x)*x + sin(x))/x^2", "x", "quotient rule with the wrong sign");
    }

    @Test void notDifferentiated() {
        assertInvalid("x^2 + y", "x^2 + y", "x", "not differentiated");
    }

    @Test void constantOffset() {
        assertInvalid("x^2 + 5*x", "2*x + 5 + 1", "x", "constant term");
    }

    @Test void differenceIsSimplified() {
        Verdict v = assertInvalid("x^2 + 5*x", "2*x + 6", "x", null);
        assertEquals("1", deriv.expr.Printer.print(v.difference()));
        assertEquals(Verdict.Method.SYMBOLIC, v.method(), "a nonzero constant difference is a proof");
    }

    @Test void definitionsOfTheFunctionApplyToTheClaim() {
        Parsed p = Parsing.program("u := 3*x + 1; u^2");
        Verdict v = Verifier.claim(p.program().body(), Parsing.program("6*u").program().body(), "x", p.program().definitions());
        assertTrue(v.valid());
        Verdict w = Verifier.claim(p.program().body(), Parsing.program("2*u").program().body(), "x", p.program().definitions());
        assertFalse(w.valid());
        assertTrue(w.hint().contains("chain"), w.hint());
    }

    @Test void domainsAreRespected() {
        // ln(x^2) and 2 ln(x) have the same derivative 2/x where both are defined; sqrt(x)'s derivative is checked on x > 0 only
        assertValid("sqrt(x)", "1/(2*sqrt(x))", "x");
        assertValid("ln(x^2)", "2/x", "x");
        Verdict v = claim("ln(x)", "1/x", "x");
        assertTrue(v.valid());
        assertTrue(v.numeric().compared() > 10);
    }

    @Test void kinksAreAvoided() {
        // relu'(x) written as the step function: equal except at 0, which the sampler keeps away from
        assertValid("relu(x)", "if(x > 0, 1, 0)", "x");
        assertValid("abs(x - y)", "sign(x - y)", "x");
        assertValid("LeakyReLU(x - 1)", "if(x > 1, 1, 0.01)", "x");
    }

    @Test void nothingComparableIsUndecidedNotValid() {
        Verdict v = claim("sqrt(-x^2 - 1)", "x", "x");
        assertFalse(v.valid());
        assertEquals(Verdict.Method.UNDECIDED, v.method());
        assertNotNull(v.note());
    }

    @Test void verdictsAreDeterministic() {
        Verdict a = claim("x^2*sin(x)", "2*x*cos(x)", "x"), b = claim("x^2*sin(x)", "2*x*cos(x)", "x");
        assertEquals(a.counterexample(), b.counterexample());
        assertEquals(a.hint(), b.hint());
    }
}
