package deriv.render;

import deriv.latex.DerivationLatex.Line;
import java.util.List;
import java.util.Objects;

/**
 * What to render: a title (LaTeX, shown on PDF pages only; may be null) and blocks of aligned
 * lines, for instance one block per derivation. Lines of a block share their alignment column.
 */
public record Sheet(String title, List<List<Line>> blocks) {
    public Sheet {
        blocks = blocks.stream().map(List::copyOf).toList();
        if (blocks.isEmpty() || blocks.stream().anyMatch(List::isEmpty)) throw new IllegalArgumentException("nothing to render");
        for (List<Line> b : blocks) b.forEach(Objects::requireNonNull);
    }

    /** One formula, no title. */
    public static Sheet of(String latex) { return new Sheet(null, List.of(List.of(new Line("", latex)))); }
}
