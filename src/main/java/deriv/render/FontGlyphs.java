package deriv.render;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Glyph ids read from the cmaps of JLaTeXMath's own TrueType fonts. JDK 25 maps default-ignorable
 * characters (U+00AD, the soft hyphen, above all) to an invisible glyph whatever the font holds,
 * and JLaTeXMath's fonts put symbols there ({@code \Omega}, {@code \otimes}, a large
 * {@code \langle}); the font's own cmap still names the real glyph.
 */
final class FontGlyphs {
    private FontGlyphs() {}

    /** Where JLaTeXMath keeps its fonts, relative to its package. */
    private static final String[] FOLDERS = {
        "fonts/base/", "fonts/latin/", "fonts/latin/optional/", "fonts/maths/", "fonts/maths/optional/",
        "fonts/euler/", "greek/fonts/", "cyrillic/fonts/",
    };

    private static final Map<String, Map<Character, Integer>> BY_FONT = new ConcurrentHashMap<>();

    /** Characters that JDK 25's text layout draws as nothing (the ones a one-byte font can hold, and a few more). */
    static boolean invisibleToJdk(char c) {
        return c == '\u00AD' || c == '\u034F' || c == '\u061C' || c >= '\u200B' && c <= '\u200F'
            || c >= '\u202A' && c <= '\u202E' || c >= '\u2060' && c <= '\u206F' || c == '\uFEFF';
    }

    /** The glyph id of {@code c} in {@code font}'s own cmap, or -1 when the font is not JLaTeXMath's or lacks it. */
    static int glyphId(Font font, char c) {
        Map<Character, Integer> ids = BY_FONT.computeIfAbsent(font.getFontName(), FontGlyphs::load);
        return ids.getOrDefault(c, -1);
    }

    /** The TrueType file of one of JLaTeXMath's fonts by its name ({@code jlm_cmr10}), or null. */
    static InputStream open(String fontName) {
        if (!fontName.startsWith("jlm_") || !fontName.matches("[a-z0-9_]+")) return null;
        for (String folder : FOLDERS) {
            InputStream in = org.scilab.forge.jlatexmath.TeXFormula.class.getResourceAsStream(folder + fontName + ".ttf");
            if (in != null) return in;
        }
        return null;
    }

    private static Map<Character, Integer> load(String fontName) {
        Map<Character, Integer> ids = new ConcurrentHashMap<>();
        try (InputStream in = open(fontName)) {
            if (in == null) return ids;
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
                if (cmap == null) return ids;
                for (char c = 0; c < 0x2070; c++) {
                    if (!invisibleToJdk(c)) continue;
                    int gid = cmap.getGlyphId(c);
                    if (gid > 0) ids.put(c, gid);
                }
                int bom = cmap.getGlyphId(0xFEFF);
                if (bom > 0) ids.put('\uFEFF', bom);
            }
        } catch (IOException e) {
            // not a font we can read: the JDK's own drawing stands
        }
        return ids;
    }
}
