package deriv.parse;

/** Bad input: carries the one diagnostic the user sees. Every face maps it to exit code 2. */
public class DerivException extends RuntimeException {
    private final Diagnostic diagnostic;

    public DerivException(Diagnostic diagnostic) {
        super(diagnostic.message());
        this.diagnostic = diagnostic;
    }

    public static DerivException general(String message) { return new DerivException(Diagnostic.general(message)); }

    public Diagnostic diagnostic() { return diagnostic; }
}
