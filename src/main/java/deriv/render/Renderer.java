package deriv.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import deriv.latex.DerivationLatex.Line;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets a {@link Sheet} with JLaTeXMath (headless, its own fonts) to PNG, SVG (JFreeSVG, glyphs
 * as paths) and PDF (PDFBox, vector, JLaTeXMath's fonts embedded as subsets, several pages when long). Every line is typeset on
 * its own and placed by this class: the left parts of a block's lines end at one column and the
 * right parts start there, so alignment holds across pages, and pages break between lines. A line
 * wider than the page is scaled down to fit. All drawing goes through {@link GlyphFixGraphics}, so
 * the symbols JDK 25 would leave blank are drawn.
 */
public final class Renderer {
    private Renderer() {}

    /**
     * @param fontSize size of the formula font in points
     * @param scale    pixels per point of PNG (and units per point of SVG): 2 is 144 dpi
     * @param page     paper of the PDF
     */
    public record Settings(float fontSize, float scale, PageSize page) {
        public Settings {
            if (!(fontSize > 0 && fontSize <= 200)) throw new IllegalArgumentException("font size must be in (0, 200]");
            if (!(scale > 0 && scale <= 20)) throw new IllegalArgumentException("scale must be in (0, 20]");
            if (page == null) throw new IllegalArgumentException("page size missing");
        }

        public static final Settings DEFAULT = new Settings(12, 2, PageSize.A4);

        public Settings withScale(float s) { return new Settings(fontSize, s, page); }
        public Settings withPage(PageSize p) { return new Settings(fontSize, scale, p); }

        /** Ems of the formula font that fit across the text area of the PDF page. */
        public double pageWidthEm() { return (page.width - 2 * PDF_MARGIN) / fontSize; }
    }

    /** LaTeX that JLaTeXMath does not accept: a bug of whatever wrote it (the printers emit only what it renders). */
    public static final class BadLatexException extends IllegalStateException {
        BadLatexException(String latex, Throwable cause) {
            super("JLaTeXMath cannot typeset " + excerpt(latex) + ": " + cause.getMessage(), cause);
        }

        private static String excerpt(String s) {
            String one = s.replaceAll("\\s+", " ");
            return one.length() <= 80 ? "'" + one + "'" : "'" + one.substring(0, 77) + "...'";
        }
    }

    /** Largest PNG accepted, in pixels (width times height). */
    public static final long MAX_PIXELS = 120_000_000L;

    static final float PDF_MARGIN = 54;
    private static final Color INK = Color.BLACK;

    // ---------------------------------------------------------------------------------- layout

    /** One typeset formula with its extent around the baseline, in points. */
    record Box(TeXIcon icon, float width, float ascent, float descent) {
        static Box of(String latex, float size) {
            TeXIcon icon;
            try {
                icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
            } catch (RuntimeException e) {
                throw new BadLatexException(latex, e);
            }
            icon.setInsets(new Insets(0, 0, 0, 0));
            icon.setForeground(INK);
            var b = icon.getBox();
            return new Box(icon, b.getWidth() * size, b.getHeight() * size, b.getDepth() * size);
        }

        /** Paints with the baseline's left end at (x, y). */
        void paint(Graphics2D g, float x, float y) {
            Graphics2D h = (Graphics2D) g.create();
            try {
                h.translate(x, y - ascent);
                icon.paintIcon(null, h, 0, 0);
            } finally {
                h.dispose();
            }
        }
    }

    /**
     * A line: its left part (may be null) ending {@code gap} before the block's column, its right
     * part starting at the column (the gap is the space TeX puts before the {@code =} that begins it).
     */
    record Row(Box left, Box right, float column, float gap) {
        float ascent() { return Math.max(left == null ? 0 : left.ascent, right == null ? 0 : right.ascent); }
        float descent() { return Math.max(left == null ? 0 : left.descent, right == null ? 0 : right.descent); }
        float height() { return ascent() + descent(); }
        float width() { return column + (right == null ? 0 : right.width); }

        void paint(Graphics2D g, float x, float baseline) {
            if (left != null) left.paint(g, x + column - gap - left.width, baseline);
            if (right != null) right.paint(g, x + column, baseline);
        }
    }

    private record Laid(List<List<Row>> blocks, float width, float size) {}

    // one column for the whole sheet, so that the '=' of every block (each partial of a gradient) lines up
    private static Laid layout(Sheet sheet, float size) {
        float thick = 0.2778f * size;
        List<List<Box[]>> typeset = new ArrayList<>();
        float column = 0;
        for (List<Line> lines : sheet.blocks()) {
            List<Box[]> block = new ArrayList<>();
            for (Line l : lines) {
                Box left = l.left().isBlank() ? null : Box.of(l.left(), size);
                Box right = l.right().isBlank() ? null : Box.of(l.right(), size);
                block.add(new Box[] {left, right});
                if (left != null) column = Math.max(column, left.width + thick);
            }
            typeset.add(block);
        }
        List<List<Row>> blocks = new ArrayList<>();
        float width = 0;
        for (List<Box[]> block : typeset) {
            boolean anyLeft = block.stream().anyMatch(b -> b[0] != null);
            List<Row> rows = new ArrayList<>();
            for (Box[] b : block) {
                Row r = new Row(b[0], b[1], anyLeft ? column : 0, thick);
                rows.add(r);
                width = Math.max(width, r.width());
            }
            blocks.add(rows);
        }
        return new Laid(blocks, width, size);
    }

    private static float rowGap(float size) { return 0.5f * size; }
    private static float blockGap(float size) { return 1.4f * size; }

    private static float height(Laid laid) {
        float h = 0;
        for (int b = 0; b < laid.blocks.size(); b++) {
            if (b > 0) h += blockGap(laid.size);
            List<Row> rows = laid.blocks.get(b);
            for (int i = 0; i < rows.size(); i++) h += rows.get(i).height() + (i > 0 ? rowGap(laid.size) : 0);
        }
        return h;
    }

    /** Draws every block one below the other from (x, y), the top. */
    private static void paintAll(Graphics2D g, Laid laid, float x, float y) {
        for (int b = 0; b < laid.blocks.size(); b++) {
            if (b > 0) y += blockGap(laid.size);
            List<Row> rows = laid.blocks.get(b);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (i > 0) y += rowGap(laid.size);
                r.paint(g, x, y + r.ascent());
                y += r.height();
            }
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    // ------------------------------------------------------------------------------------ PNG

    /** The sheet as an image, white background, {@code scale} pixels per point. */
    public static BufferedImage image(Sheet sheet, Settings s) {
        Laid laid = layout(sheet, s.fontSize);
        float margin = 0.8f * s.fontSize;
        long w = (long) Math.ceil((laid.width + 2 * margin) * s.scale);
        long h = (long) Math.ceil((height(laid) + 2 * margin) * s.scale);
        if (w * h > MAX_PIXELS || w > 30_000 || h > 30_000) {
            throw new IllegalArgumentException("the image would be " + w + " x " + h
                + " pixels, more than the limit; use a smaller --scale, or --pdf, which has pages");
        }
        // black and grey ink on white: one grey channel is all the picture needs, and a third of the bytes to encode
        BufferedImage img = new BufferedImage((int) Math.max(1, w), (int) Math.max(1, h), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = new GlyphFixGraphics(img.createGraphics());
        try {
            hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(s.scale, s.scale);
            paintAll(g, laid, margin, margin);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** PNG bytes of {@link #image}. */
    public static byte[] png(Sheet sheet, Settings s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(sheet, s), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------ SVG

    /** An SVG document, every glyph a path, {@code scale} units per point. */
    public static String svg(Sheet sheet, Settings s) {
        Laid laid = layout(sheet, s.fontSize);
        float margin = 0.8f * s.fontSize;
        double w = Math.ceil((laid.width + 2 * margin) * s.scale), h = Math.ceil((height(laid) + 2 * margin) * s.scale);
        SVGGraphics2D svg = new SVGGraphics2D(w, h);
        svg.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        Graphics2D g = new GlyphFixGraphics(svg);
        hints(g);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        g.scale(s.scale, s.scale);
        paintAll(g, laid, margin, margin);
        return svg.getSVGDocument();
    }

    // ------------------------------------------------------------------------------------ PDF

    /**
     * A PDF: the title (if any) on the first page above a rule, then the lines, page after page;
     * page numbers at the foot when there is more than one page.
     */
    public static byte[] pdf(Sheet sheet, Settings s, String documentTitle) {
        float size = s.fontSize;
        Laid laid = layout(sheet, size);
        float pageW = s.page.width, pageH = s.page.height;
        float textW = pageW - 2 * PDF_MARGIN, top = PDF_MARGIN, bottom = pageH - PDF_MARGIN;
        Box title = sheet.title() == null ? null : Box.of(sheet.title(), size * 1.2f);

        // place every row: page index, scale, baseline
        record Placed(Row row, int page, float scale, float baseline) {}
        List<Placed> placed = new ArrayList<>();
        int page = 0;
        float y = top;
        float ruleY = -1;
        if (title != null) {
            float ts = Math.min(1, textW / title.width);
            y += title.ascent * ts + title.descent * ts + 0.5f * size;
            ruleY = y;
            y += 1.1f * size;
        }
        for (int b = 0; b < laid.blocks.size(); b++) {
            if (b > 0) y += blockGap(size);
            List<Row> rows = laid.blocks.get(b);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                float sc = Math.min(1, textW / Math.max(1e-3f, r.width()));
                sc = Math.min(sc, (bottom - top) / Math.max(1e-3f, r.height()));
                float gap = i > 0 ? rowGap(size) * sc : 0;
                if (y + gap + r.height() * sc > bottom && y > top) {
                    page++;
                    y = top;
                    gap = 0;
                }
                y += gap;
                placed.add(new Placed(r, page, sc, y + r.ascent() * sc));
                y += r.height() * sc;
            }
        }
        int pages = page + 1;

        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            if (documentTitle != null) info.setTitle(documentTitle);
            info.setCreator("deriv");
            int next = 0;
            PdfFonts fonts = new PdfFonts();
            for (int p = 0; p < pages; p++) {
                PDPage pdPage = new PDPage(new PDRectangle(pageW, pageH));
                doc.addPage(pdPage);
                PdfBoxGraphics2D pdf = new PdfBoxGraphics2D(doc, pageW, pageH);
                pdf.setFontTextDrawer(fonts);
                Graphics2D g = new GlyphFixGraphics(pdf);
                hints(g);
                g.setColor(INK);
                if (p == 0 && title != null) {
                    float ts = Math.min(1, textW / title.width);
                    Graphics2D t = (Graphics2D) g.create();
                    t.translate(PDF_MARGIN, top + title.ascent * ts);
                    t.scale(ts, ts);
                    title.paint(t, 0, 0);
                    t.dispose();
                    g.setStroke(new BasicStroke(0.6f));
                    g.draw(new Line2D.Float(PDF_MARGIN, ruleY, pageW - PDF_MARGIN, ruleY));
                }
                while (next < placed.size() && placed.get(next).page == p) {
                    Placed pl = placed.get(next++);
                    Graphics2D t = (Graphics2D) g.create();
                    t.translate(PDF_MARGIN, pl.baseline);
                    t.scale(pl.scale, pl.scale);
                    pl.row.paint(t, 0, 0);
                    t.dispose();
                }
                if (pages > 1) {
                    Box number = Box.of("\\text{" + (p + 1) + " / " + pages + "}", size * 0.8f);
                    number.paint(g, (pageW - number.width) / 2, pageH - PDF_MARGIN / 2);
                }
                g.dispose();
                try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
                    cs.drawForm(pdf.getXFormObject());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
