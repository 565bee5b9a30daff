package deriv.cli;

import deriv.parse.DerivException;
import deriv.parse.Diagnostic;
import deriv.parse.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the input text of a command: an argument, {@code -} for standard input, or a file. */
public final class Input {
    private Input() {}

    public static final int MAX_BYTES = 4_000_000;

    /** The source named by an EXPR argument or a {@code -f FILE} option; exactly one must be given. */
    public static Source read(String expr, Path file) {
        if (expr != null && file != null) throw DerivException.general("give either an expression or -f FILE, not both");
        if (file != null) return file(file);
        if (expr == null) throw DerivException.general("an expression is required (or -f FILE, or - for standard input)");
        if (expr.equals("-")) return new Source("<stdin>", decode(readAll(System.in), "standard input"));
        return new Source("<argument>", expr);
    }

    public static Source file(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw DerivException.general("cannot read " + file + ": it is a directory");
            if (Files.size(file) > MAX_BYTES) throw DerivException.general("cannot read " + file + ": larger than " + MAX_BYTES + " bytes");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw DerivException.general("cannot read " + file + ": no such file");
        } catch (IOException | SecurityException e) {
            throw DerivException.general("cannot read " + file + ": " + e.getMessage());
        }
        return new Source(file.toString(), decode(bytes, file.toString()));
    }

    static byte[] readAll(InputStream in) {
        try {
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) throw DerivException.general("standard input is larger than " + MAX_BYTES + " bytes");
            return b;
        } catch (IOException e) {
            throw DerivException.general("cannot read standard input: " + e.getMessage());
        }
    }

    static String decode(byte[] bytes, String what) {
        for (byte b : bytes) {
            if (b == 0) throw DerivException.general("cannot read " + what + ": it looks like a binary file (it contains NUL bytes)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);  // UTF-8 never gives more chars than bytes
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) throw notUtf8(bytes, in.position(), out.flip().toString(), what);
        String s = out.flip().toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Points at the first byte that is not UTF-8, on its line (decoded leniently for display). */
    private static DerivException notUtf8(byte[] bytes, int offset, String before, String what) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n')) { line++; lineStart = i + 1; }
        }
        int column = before.length() - lineStart + 1;
        String message = "cannot read " + what + ": it is not valid UTF-8 text (byte 0x"
            + String.format("%02X", bytes[offset] & 0xFF) + ")";
        Source lenient = new Source(what, new String(bytes, StandardCharsets.UTF_8));
        return new DerivException(Diagnostic.at(lenient, line, column, message));
    }
}
