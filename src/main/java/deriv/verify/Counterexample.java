package deriv.verify;

import java.util.Map;

/**
 * A point where two sides that should be equal are not, with both values (worked out with 60
 * digits, so the difference is not rounding).
 *
 * @param point    the variables' values
 * @param expected the value of the reference side (the correct derivative, the previous line)
 * @param claimed  the value of the side under test
 */
public record Counterexample(Map<String, Double> point, double expected, double claimed) {
    public Counterexample { point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point)); }
}
