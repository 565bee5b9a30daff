package deriv.expr;

import java.util.LinkedHashMap;
import java.util.Map;

/** Greek letters: Unicode characters and their spelled names ({@code θ} is {@code theta}). */
public final class Greek {
    private Greek() {}

    private static final String[][] LETTERS = {
        {"α", "alpha"}, {"β", "beta"}, {"γ", "gamma"}, {"δ", "delta"}, {"ε", "epsilon"}, {"ζ", "zeta"},
        {"η", "eta"}, {"θ", "theta"}, {"ι", "iota"}, {"κ", "kappa"}, {"λ", "lambda"}, {"μ", "mu"},
        {"ν", "nu"}, {"ξ", "xi"}, {"π", "pi"}, {"ρ", "rho"}, {"σ", "sigma"}, {"ς", "sigma"}, {"τ", "tau"},
        {"υ", "upsilon"}, {"φ", "phi"}, {"ϕ", "phi"}, {"χ", "chi"}, {"ψ", "psi"}, {"ω", "omega"},
        {"Γ", "Gamma"}, {"Δ", "Delta"}, {"Θ", "Theta"}, {"Λ", "Lambda"}, {"Ξ", "Xi"}, {"Π", "Pi"},
        {"Σ", "Sigma"}, {"Υ", "Upsilon"}, {"Φ", "Phi"}, {"Ψ", "Psi"}, {"Ω", "Omega"},
    };

    /** Spelled name to Unicode letter, for every name LaTeX has a command for. */
    public static final Map<String, String> BY_NAME = new LinkedHashMap<>();
    private static final Map<Character, String> BY_CHAR = new LinkedHashMap<>();
    static {
        for (String[] l : LETTERS) {
            BY_NAME.putIfAbsent(l[1], l[0]);
            BY_CHAR.put(l[0].charAt(0), l[1]);
        }
    }

    /** Replaces each Unicode Greek letter in an identifier by its spelled name. */
    public static String spell(String identifier) {
        StringBuilder sb = null;
        for (int i = 0; i < identifier.length(); i++) {
            String name = BY_CHAR.get(identifier.charAt(i));
            if (name != null && sb == null) sb = new StringBuilder(identifier.substring(0, i));
            if (sb != null) {
                if (name != null) sb.append(name); else sb.append(identifier.charAt(i));
            }
        }
        return sb == null ? identifier : sb.toString();
    }

    public static boolean isName(String s) { return BY_NAME.containsKey(s); }
}
