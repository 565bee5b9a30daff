package deriv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output of a command, held back until the command ends (or flushes) so that output past
 * the limit is refused whole: the reader gets one clear message instead of a cut-off result.
 */
final class OutputLimit extends Writer {
    /** Most characters a command may print. */
    static final long MAX_CHARS = 10_000_000;

    private final PrintWriter target;
    private final long max;
    private final StringBuilder held = new StringBuilder();
    private long total;

    OutputLimit(PrintWriter target, long max) {
        this.target = target;
        this.max = max;
    }

    @Override public void write(char[] c, int off, int len) {
        total += len;
        if (over()) held.setLength(0);  // keep counting, so the message can say how much, but hold nothing
        else held.append(c, off, len);
    }

    boolean over() { return total > max; }

    String message() {
        return "output too large: " + total + " characters (the limit is " + String.format("%,d", max)
            + "); write to a file with --out or --png, or differentiate fewer times";
    }

    @Override public void flush() {
        if (over() || held.isEmpty()) return;
        target.write(held.toString());
        held.setLength(0);
        target.flush();
    }

    @Override public void close() throws IOException { flush(); }
}
