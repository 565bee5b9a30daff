package deriv.verify;

import deriv.parse.DerivException;
import deriv.parse.LatexDocument;
import deriv.parse.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a derivation written in LaTeX ({@link LatexDocument}: display blocks, {@code =} between
 * steps, a block starting with {@code =} continuing the previous chain) as chain entries, each
 * quoting its LaTeX source.
 */
public final class LatexChain {
    private LatexChain() {}

    public static List<ChainEntry> read(Source source) {
        LatexDocument doc = LatexDocument.read(source);
        List<ChainEntry> out = new ArrayList<>();
        for (LatexDocument.LatexStep s : doc.steps()) {
            out.add(new ChainEntry(s.position().line(), s.latex(), s.expr(), doc.definitions(), s.continuesChain()));
        }
        long steps = out.stream().skip(1).filter(ChainEntry::continues).count();
        if (steps == 0) {
            throw DerivException.general(source.name() + ": no step to check: a derivation needs two expressions joined by '='"
                + " (found " + out.size() + " expression" + (out.size() == 1 ? "" : "s") + ")");
        }
        return out;
    }
}
