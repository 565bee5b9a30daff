package deriv.verify;

import static org.junit.jupiter.api.Assertions.*;

import deriv.parse.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Real derivations, written out in full as a student would, checked line by line; then the same
 * derivations with one planted mistake of each kind. A planted mistake is carried through the
 * lines after it (as in a real derivation that goes on from a wrong line), so exactly one step is
 * wrong; a "slip" variant changes one line only, so two steps are wrong and the slip is named.
 */
class ChainDerivationsTest {

    // ------------------------------------------------------------------------------- derivations

    static final List<String> SIGMOID = List.of(
        "diff(1/(1+e^-a), a)",
        "diff((1+e^-a)^-1, a)",
        "-1*(1+e^-a)^-2 * diff(1+e^-a, a)",
        "-(1+e^-a)^-2 * (diff(1, a) + diff(e^-a, a))",
        "-(1+e^-a)^-2 * (0 + e^-a * diff(-a, a))",
        "-(1+e^-a)^-2 * e^-a * (-1)",
        "e^-a / (1+e^-a)^2",
        "1/(1+e^-a) * e^-a/(1+e^-a)",
        "1/(1+e^-a) * (1 + e^-a - 1)/(1+e^-a)",
        "1/(1+e^-a) * ((1+e^-a)/(1+e^-a) - 1/(1+e^-a))",
        "1/(1+e^-a) * (1 - 1/(1+e^-a))",
        "σ(a) * (1 - σ(a))");

    static final List<String> TANH = List.of(
        "diff((e^a - e^-a)/(e^a + e^-a), a)",
        "(diff(e^a - e^-a, a)*(e^a + e^-a) - (e^a - e^-a)*diff(e^a + e^-a, a)) / (e^a + e^-a)^2",
        "((e^a + e^-a)*(e^a + e^-a) - (e^a - e^-a)*(e^a - e^-a)) / (e^a + e^-a)^2",
        "((e^a + e^-a)^2 - (e^a - e^-a)^2) / (e^a + e^-a)^2",
        "(e^a + e^-a)^2/(e^a + e^-a)^2 - (e^a - e^-a)^2/(e^a + e^-a)^2",
        "1 - ((e^a - e^-a)/(e^a + e^-a))^2",
        "1 - tanh(a)^2");

    static final List<String> MAE = List.of(
        "diff(abs(y - w*x), w)",
        "diff(sqrt((y - w*x)^2), w)",
        "1/(2*sqrt((y - w*x)^2)) * diff((y - w*x)^2, w)",
        "1/(2*sqrt((y - w*x)^2)) * 2*(y - w*x) * diff(y - w*x, w)",
        "1/(2*sqrt((y - w*x)^2)) * 2*(y - w*x) * (-x)",
        "(y - w*x)/sqrt((y - w*x)^2) * (-x)",
        "(y - w*x)/abs(y - w*x) * (-x)",
        "-x*sign(y - w*x)");

    static final List<String> NET_DEFS = List.of("m := W1*x + b1", "h := tanh(m)", "k := W2*h + b2");
    static final List<String> BACKPROP = List.of(
        "diff(LeakyReLU(k), W1)",
        "diff(LeakyReLU(k), k) * diff(k, W1)",
        "diff(LeakyReLU(k), k) * W2 * diff(h, W1)",
        "diff(LeakyReLU(k), k) * W2 * (1 - h^2) * diff(m, W1)",
        "diff(LeakyReLU(k), k) * W2 * (1 - h^2) * x",
        "if(k > 0, 1, 0.01) * W2 * (1 - tanh(m)^2) * x",
        "if(W2*tanh(W1*x + b1) + b2 > 0, 1, 0.01) * W2 * (1 - tanh(W1*x + b1)^2) * x");

    static final List<String> LOSS_DEFS = List.of("m := W1*x + b1", "h := tanh(m)", "k := W2*h + b2", "o := LeakyReLU(k)");
    static final List<String> BACKPROP_MSE = List.of(
        "diff((o - y)^2, b2)",
        "2*(o - y)*diff(o, b2)",
        "2*(o - y)*diff(LeakyReLU(k), k)*diff(k, b2)",
        "2*(o - y)*if(k > 0, 1, 0.01)");
    static final List<String> BACKPROP_MAE = List.of(
        "diff(abs(o - y), b2)",
        "diff(sqrt((o - y)^2), b2)",
        "(o - y)/sqrt((o - y)^2) * diff(o, b2)",
        "sign(o - y) * if(k > 0, 1, 0.01)");

    static final List<String> LOGISTIC_DEFS = List.of("z := w*x + b", "a := sigmoid(z)");
    static final List<String> LOGISTIC = List.of(
        "diff(-(y*ln(a) + (1 - y)*ln(1 - a)), w)",
        "-(y/a - (1 - y)/(1 - a)) * diff(a, w)",
        "-(y/a - (1 - y)/(1 - a)) * a*(1 - a) * diff(z, w)",
        "-(y*(1 - a) - (1 - y)*a) * x",
        "(a - y)*x");

    static final List<String> MSE = List.of(
        "diff((y - (m*x + c))^2, m)",
        "2*(y - (m*x + c)) * diff(y - (m*x + c), m)",
        "2*(y - (m*x + c)) * (-x)",
        "-2*x*(y - m*x - c)");

    // ------------------------------------------------------------------------------- helpers

    static ChainReport check(List<String> defs, List<String> lines) {
        List<String> all = new ArrayList<>(defs);
        all.addAll(lines);
        return ChainChecker.check(PlainChain.read(new Source("test", String.join("\n", all) + "\n")));
    }

    static List<Integer> wrong(ChainReport r) {
        return r.steps().stream().filter(s -> !s.valid()).map(ChainReport.StepResult::from).toList();
    }

    /** The derivation with lines from {@code at} (1-based) on replaced by {@code replacement}. */
    static List<String> from(List<String> base, int at, String... replacement) {
        List<String> out = new ArrayList<>(base.subList(0, at - 1));
        out.addAll(List.of(replacement));
        return out;
    }

    static List<String> slip(List<String> base, int at, String line) {
        List<String> out = new ArrayList<>(base);
        out.set(at - 1, line);
        return out;
    }

    /** Exactly step {@code step} -> step+1 is wrong, and its hint mentions {@code hintWord}. */
    static void assertMistake(List<String> defs, List<String> lines, int step, String hintWord) {
        ChainReport r = check(defs, lines);
        assertEquals(List.of(step), wrong(r), () -> "wrong steps of " + lines + "\n" + Reports.chainText(r, "test"));
        ChainReport.StepResult s = r.steps().get(step - 1);
        assertNotNull(s.verdict().counterexample(), "a counterexample");
        Counterexample c = s.verdict().counterexample();
        assertFalse(Tolerance.close(c.expected(), c.claimed(), Tolerance.RELATIVE), "the counterexample's values differ");
        if (hintWord != null) {
            assertNotNull(s.verdict().hint(), () -> "a hint for step " + step + "\n" + Reports.chainText(r, "test"));
            assertTrue(s.verdict().hint().toLowerCase(Locale.ROOT).contains(hintWord),
                () -> "hint '" + s.verdict().hint() + "' should mention '" + hintWord + "'");
        }
        assertFalse(r.valid());
        assertEquals(step - 1, r.firstWrong().orElseThrow());
    }

    static void assertSound(List<String> defs, List<String> lines) {
        ChainReport r = check(defs, lines);
        assertEquals(List.of(), wrong(r), () -> Reports.chainText(r, "test"));
        assertTrue(r.valid());
        assertEquals(lines.size() - 1, r.steps().size());
    }

    static void assertSlip(List<String> defs, List<String> lines, int line) {
        ChainReport r = check(defs, lines);
        assertEquals(List.of(line - 1, line), wrong(r), () -> Reports.chainText(r, "test"));
        for (int s : List.of(line - 1, line)) {
            ChainReport.StepResult st = r.steps().get(s - 1);
            assertTrue(st.slip());
            assertTrue(st.note().contains("looks like a slip"), st.note());
        }
    }

    // ------------------------------------------------------------------------------- sound

    @Test void sigmoidDerivationHolds() { assertSound(List.of(), SIGMOID); }

    @Test void tanhDerivationHolds() { assertSound(List.of(), TANH); }

    @Test void maeDerivationHolds() { assertSound(List.of(), MAE); }

    @Test void backpropDerivationHolds() { assertSound(NET_DEFS, BACKPROP); }

    @Test void backpropLossDerivationsHold() {
        assertSound(LOSS_DEFS, BACKPROP_MSE);
        assertSound(LOSS_DEFS, BACKPROP_MAE);
    }

    @Test void logisticDerivationHolds() { assertSound(LOGISTIC_DEFS, LOGISTIC); }

    @Test void mseDerivationHolds() { assertSound(List.of(), MSE); }

    // ------------------------------------------------------------------------------- sigmoid

    @Test void sigmoidSign() {
        assertMistake(List.of(), from(SIGMOID, 6,
            "-(1+e^-a)^-2 * e^-a",
            "-e^-a / (1+e^-a)^2",
            "-1/(1+e^-a) * e^-a/(1+e^-a)",
            "-1/(1+e^-a) * (1 + e^-a - 1)/(1+e^-a)",
            "-1/(1+e^-a) * ((1+e^-a)/(1+e^-a) - 1/(1+e^-a))",
            "-1/(1+e^-a) * (1 - 1/(1+e^-a))",
            "-σ(a) * (1 - σ(a))"), 5, "sign");
    }

    @Test void sigmoidMissingChainFactor() {
        // the classic wrong sigmoid backward: -1/(1+e^-a)^2
        assertMistake(List.of(), from(SIGMOID, 3, "-1*(1+e^-a)^-2", "-1/(1+e^-a)^2"), 2, "chain");
    }

    @Test void sigmoidConstantFactor() {
        assertMistake(List.of(), from(SIGMOID, 3,
            "-2*(1+e^-a)^-2 * diff(1+e^-a, a)",
            "-2*(1+e^-a)^-2 * (diff(1, a) + diff(e^-a, a))",
            "-2*(1+e^-a)^-2 * (0 + e^-a * diff(-a, a))",
            "-2*(1+e^-a)^-2 * e^-a * (-1)",
            "2*e^-a / (1+e^-a)^2",
            "2/(1+e^-a) * (1 - 1/(1+e^-a))",
            "2*σ(a) * (1 - σ(a))"), 2, "constant factor: the claim is 2 times");
    }

    @Test void sigmoidPowerNotLowered() {
        assertMistake(List.of(), from(SIGMOID, 3,
            "-1*(1+e^-a)^-1 * diff(1+e^-a, a)",
            "-(1+e^-a)^-1 * (diff(1, a) + diff(e^-a, a))",
            "-(1+e^-a)^-1 * e^-a * (-1)",
            "e^-a/(1+e^-a)"), 2, "factor (1 + exp(-a))");
    }

    @Test void sigmoidActivationConfusedWithInput() {
        assertMistake(List.of(), from(SIGMOID, 12, "a*(1 - a)"), 11, "activation");
    }

    @Test void sigmoidSlip() {
        assertSlip(List.of(), slip(SIGMOID, 7, "e^-a / (1+e^-a)"), 7);
    }

    // ------------------------------------------------------------------------------- tanh

    @Test void tanhQuotientRuleSign() {
        assertMistake(List.of(), from(TANH, 2,
            "(diff(e^a - e^-a, a)*(e^a + e^-a) + (e^a - e^-a)*diff(e^a + e^-a, a)) / (e^a + e^-a)^2",
            "((e^a + e^-a)^2 + (e^a - e^-a)^2) / (e^a + e^-a)^2",
            "1 + ((e^a - e^-a)/(e^a + e^-a))^2",
            "1 + tanh(a)^2"), 1, "sign");
    }

    @Test void tanhMissingChainFactorOfExpMinusA() {
        // d/da e^-a taken as e^-a: the numerator cancels to 0
        assertMistake(List.of(), from(TANH, 3,
            "((e^a - e^-a)*(e^a + e^-a) - (e^a - e^-a)*(e^a + e^-a)) / (e^a + e^-a)^2",
            "0"), 2, "chain");
    }

    @Test void tanhConstantFactor() {
        assertMistake(List.of(), from(TANH, 4,
            "2*((e^a + e^-a)^2 - (e^a - e^-a)^2) / (e^a + e^-a)^2",
            "2 - 2*((e^a - e^-a)/(e^a + e^-a))^2",
            "2 - 2*tanh(a)^2"), 3, "constant factor");
    }

    @Test void tanhActivationConfusedWithInput() {
        assertMistake(List.of(), from(TANH, 7, "1 - a^2"), 6, "activation");
    }

    @Test void tanhSlip() {
        assertSlip(List.of(), slip(TANH, 4, "((e^a + e^-a)^2 - (e^a - e^-a)^2) / (e^a + e^-a)"), 4);
    }

    // ------------------------------------------------------------------------------- MAE

    @Test void maeAbsAsSqrt() {
        assertMistake(List.of(), from(MAE, 2,
            "diff(sqrt(y - w*x), w)",
            "1/(2*sqrt(y - w*x)) * diff(y - w*x, w)",
            "-x/(2*sqrt(y - w*x))"), 1, "sqrt(y - w*x)");
    }

    @Test void maeSquaredTermLeftIn() {
        assertMistake(List.of(), from(MAE, 4,
            "1/(2*sqrt((y - w*x)^2)) * 2*(y - w*x)^2 * diff(y - w*x, w)",
            "1/(2*sqrt((y - w*x)^2)) * 2*(y - w*x)^2 * (-x)",
            "(y - w*x)^2/sqrt((y - w*x)^2) * (-x)",
            "-x*abs(y - w*x)"), 3, "squared term left in");
    }

    @Test void maeSign() {
        assertMistake(List.of(), from(MAE, 5,
            "1/(2*sqrt((y - w*x)^2)) * 2*(y - w*x) * x",
            "(y - w*x)/sqrt((y - w*x)^2) * x",
            "(y - w*x)/abs(y - w*x) * x",
            "x*sign(y - w*x)"), 4, "sign");
    }

    @Test void maeConstantFactor() {
        assertMistake(List.of(), from(MAE, 6,
            "2*(y - w*x)/sqrt((y - w*x)^2) * (-x)",
            "2*(y - w*x)/abs(y - w*x) * (-x)",
            "-2*x*sign(y - w*x)"), 5, "constant factor: the claim is 2 times");
    }

    @Test void maeMissingChainFactor() {
        assertMistake(List.of(), from(MAE, 3,
            "1/(2*sqrt((y - w*x)^2))",
            "1/(2*abs(y - w*x))"), 2, "chain");
    }

    @Test void maeDroppedWrittenFactor() {
        assertMistake(List.of(), from(MAE, 5,
            "1/(2*sqrt((y - w*x)^2)) * 2*(y - w*x)",
            "(y - w*x)/abs(y - w*x)",
            "sign(y - w*x)"), 4, "chain");
    }

    @Test void maeSlip() {
        assertSlip(List.of(), slip(MAE, 6, "(y - w*x)/sqrt(y - w*x) * (-x)"), 6);
    }

    // ------------------------------------------------------------------------------- backprop

    @Test void backpropActivationConfusedWithInput() {
        assertMistake(NET_DEFS, from(BACKPROP, 4,
            "diff(LeakyReLU(k), k) * W2 * (1 - m^2) * diff(m, W1)",
            "diff(LeakyReLU(k), k) * W2 * (1 - m^2) * x",
            "if(k > 0, 1, 0.01) * W2 * (1 - m^2) * x"), 3, "activation");
    }

    @Test void backpropIntermediateConfusedWithInput() {
        assertMistake(NET_DEFS, from(BACKPROP, 5,
            "diff(LeakyReLU(k), k) * W2 * (1 - m^2) * x",
            "if(k > 0, 1, 0.01) * W2 * (1 - m^2) * x"), 4, "activation");
    }

    @Test void backpropMissingChainFactor() {
        assertMistake(NET_DEFS, from(BACKPROP, 5,
            "diff(LeakyReLU(k), k) * W2 * (1 - h^2)",
            "if(k > 0, 1, 0.01) * W2 * (1 - tanh(m)^2)"), 4, "chain");
    }

    @Test void backpropMissingChainFactorThroughIntermediates() {
        assertMistake(NET_DEFS, from(BACKPROP, 2,
            "diff(LeakyReLU(k), k) * W2 * (1 - h^2)",
            "if(k > 0, 1, 0.01) * W2 * (1 - tanh(m)^2)"), 1, "chain");
    }

    @Test void backpropSign() {
        assertMistake(NET_DEFS, from(BACKPROP, 6,
            "if(k > 0, 1, 0.01) * W2 * (tanh(m)^2 - 1) * x",
            "if(W2*tanh(W1*x + b1) + b2 > 0, 1, 0.01) * W2 * (tanh(W1*x + b1)^2 - 1) * x"), 5, "sign");
    }

    @Test void backpropConstantFactor() {
        assertMistake(NET_DEFS, from(BACKPROP, 2,
            "2*diff(LeakyReLU(k), k) * diff(k, W1)",
            "2*diff(LeakyReLU(k), k) * W2 * diff(h, W1)",
            "2*if(k > 0, 1, 0.01) * W2 * (1 - tanh(m)^2) * x"), 1, "constant factor");
    }

    @Test void backpropWrongVariable() {
        assertMistake(NET_DEFS, from(BACKPROP, 2,
            "diff(LeakyReLU(k), k) * diff(k, W2)",
            "diff(LeakyReLU(k), k) * h"), 1, "wrong variable");
    }

    @Test void backpropSlip() {
        assertSlip(NET_DEFS, slip(BACKPROP, 6, "if(k > 0, 1, 0.01) * W2 * (1 - tanh(m))^2 * x"), 6);
    }

    @Test void backpropSquaredResidualLeftIn() {
        assertMistake(LOSS_DEFS, from(BACKPROP_MSE, 2,
            "2*(o - y)^2*diff(o, b2)",
            "2*(o - y)^2*diff(LeakyReLU(k), k)*diff(k, b2)",
            "2*(o - y)^2*if(k > 0, 1, 0.01)"), 1, "squared term left in");
    }

    @Test void backpropAbsAsSqrt() {
        assertMistake(LOSS_DEFS, from(BACKPROP_MAE, 2,
            "diff(sqrt(o - y), b2)",
            "1/(2*sqrt(o - y)) * diff(o, b2)"), 1, "sqrt(o - y)");
    }

    // ------------------------------------------------------------------------------- logistic, MSE

    @Test void logisticSigmaConfusedWithInput() {
        assertMistake(LOGISTIC_DEFS, from(LOGISTIC, 3,
            "-(y/a - (1 - y)/(1 - a)) * z*(1 - z) * diff(z, w)",
            "-(y/a - (1 - y)/(1 - a)) * z*(1 - z) * x"), 2, "activation");
    }

    @Test void mseSquaredResidualLeftIn() {
        assertMistake(List.of(), from(MSE, 2,
            "2*(y - (m*x + c))^2 * diff(y - (m*x + c), m)",
            "-2*x*(y - (m*x + c))^2"), 1, "squared term left in");
    }

    @Test void mseSign() {
        assertMistake(List.of(), from(MSE, 3, "2*(y - (m*x + c)) * x", "2*x*(y - m*x - c)"), 2, "sign");
    }
}
