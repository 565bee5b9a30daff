package deriv.codegen;

import java.util.Locale;

/** The languages source code is emitted in. */
public enum Language {
    JAVA, PYTHON, C;

    /** {@code java}, {@code python}, {@code c} (any case); null when unknown. */
    public static Language parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "java" -> JAVA;
            case "python", "py", "numpy" -> PYTHON;
            case "c" -> C;
            default -> null;
        };
    }

    public String fileExtension() {
        return switch (this) { case JAVA -> ".java"; case PYTHON -> ".py"; case C -> ".c"; };
    }
}
