package deriv.verify;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * False verdicts on a bounded seeded sample (the full measurement is {@link FalseVerdicts#main}):
 * no correct derivative judged wrong, no perturbed one judged right.
 */
class FalseVerdictTest {
    @Test void noFalseVerdictsOnASeededSample() {
        FalseVerdicts.Figures f = FalseVerdicts.measure(80, 4242L);
        assertEquals(0, f.wrong(), () -> f + "\n" + String.join("\n", f.examples()));
        assertEquals(0, f.conflicts(), "the two differentiators agree");
        assertTrue(f.perturbed() > 60, () -> "most perturbations score: " + f);
        assertTrue(f.undecided() <= 2, () -> f.toString());
    }
}
