package deriv.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Embeds JLaTeXMath's fonts in a PDF as they are first used (subsets, so a page carries only the
 * glyphs it shows): text stays text, vector and compact, instead of one path per glyph. Any other
 * font, or one that fails to load, is drawn as shapes by PdfBoxGraphics2D as usual. One per document.
 */
final class PdfFonts extends PdfBoxGraphics2DFontTextDrawer {
    private final Map<String, PDFont> loaded = new HashMap<>();

    @Override protected boolean hasDynamicFontMapping() { return true; }

    @Override protected PDFont mapFont(Font font, IFontTextDrawerEnv env) {
        String name = font.getFontName();
        if (loaded.containsKey(name)) return loaded.get(name);
        PDFont pdf = null;
        try (InputStream in = FontGlyphs.open(name)) {
            if (in != null) pdf = PDType0Font.load(env.getDocument(), in, true);
        } catch (IOException e) {
            pdf = null;
        }
        loaded.put(name, pdf);
        return pdf;
    }
}
