package deriv.cli;

import deriv.diff.Derivation;
import deriv.latex.DerivationLatex;
import deriv.parse.DerivException;
import deriv.render.PageSize;
import deriv.render.Renderer;
import deriv.render.Sheet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Rendering options shared by the commands ({@code @Mixin RenderOptions render;}): {@code --png},
 * {@code --svg}, {@code --pdf} files, {@code --scale}, {@code --page}. A command calls
 * {@link #render(Derivation, boolean)} (or the list form) and the files asked for are written.
 */
public final class RenderOptions {
    @Option(names = "--png", paramLabel = "FILE", description = "write the result as a PNG image")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE", description = "write the result as an SVG image (glyphs as paths)")
    Path svg;

    @Option(names = "--pdf", paramLabel = "FILE", description = "write the result as a PDF (pages as needed)")
    Path pdf;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "2",
        description = "PNG pixels (SVG units) per point: 2 is 144 dpi (default ${DEFAULT-VALUE})")
    float scale = 2;

    @Option(names = "--page", paramLabel = "SIZE", defaultValue = "a4", description = "PDF page: a4 or letter (default ${DEFAULT-VALUE})")
    String page = "a4";

    /** Whether any output file was asked for. */
    public boolean any() { return png != null || svg != null || pdf != null; }

    /** The settings these options give (checked). */
    public Renderer.Settings settings() {
        if (!(scale > 0 && scale <= 20)) throw DerivException.general("--scale must be a number above 0 and at most 20, not " + scale);
        PageSize size = switch (page == null ? "a4" : page.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "a4" -> PageSize.A4;
            case "letter" -> PageSize.LETTER;
            default -> throw DerivException.general("--page must be a4 or letter, not '" + page + "'");
        };
        return new Renderer.Settings(12, scale, size);
    }

    /** Renders one derivation (every step, or the problem and its result) to the files asked for. */
    public void render(Derivation d, boolean steps) { render(List.of(d), steps); }

    /** Renders derivations, one block each (a gradient), to the files asked for. */
    public void render(List<Derivation> ds, boolean steps) {
        if (!any()) return;
        Renderer.Settings s = settings();
        DerivationLatex.Options o = new DerivationLatex.Options(steps, s.pageWidthEm(), true);
        List<List<DerivationLatex.Line>> blocks = new ArrayList<>();
        for (Derivation d : ds) blocks.add(DerivationLatex.lines(d, o));
        write(new Sheet(DerivationLatex.title(ds), blocks), DerivationLatex.plainTitle(ds));
    }

    /** Renders a sheet to the files asked for; {@code documentTitle} names the PDF in its properties. */
    public void write(Sheet sheet, String documentTitle) {
        if (!any()) return;
        Renderer.Settings s = settings();
        try {
            if (png != null) save(png, Renderer.png(sheet, s));
            if (svg != null) save(svg, Renderer.svg(sheet, s).getBytes(StandardCharsets.UTF_8));
            if (pdf != null) save(pdf, Renderer.pdf(sheet, s, documentTitle));
        } catch (IllegalArgumentException e) {
            throw DerivException.general("cannot render: " + e.getMessage());
        }
    }

    static void save(Path file, byte[] bytes) {
        try {
            if (Files.isDirectory(file)) throw DerivException.general("cannot write " + file + ": it is a directory");
            Files.write(file, bytes);
        } catch (NoSuchFileException e) {
            throw DerivException.general("cannot write " + file + ": no such directory");
        } catch (AccessDeniedException e) {
            throw DerivException.general("cannot write " + file + ": permission denied");
        } catch (IOException | SecurityException e) {
            throw DerivException.general("cannot write " + file + ": " + e.getMessage());
        }
    }
}
