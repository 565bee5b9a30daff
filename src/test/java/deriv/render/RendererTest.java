package deriv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.diff.Derivation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class RendererTest {

    @Test
    void pngOfTheLeakyReluDerivationIsAPageOfInk() throws Exception {
        byte[] png = Renderer.png(Samples.sheet(Samples.leakyRelu(), true), Renderer.Settings.DEFAULT);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        // a dozen lines of 12 pt type at 144 dpi
        assertTrue(img.getWidth() > 600 && img.getWidth() < 2000, "width " + img.getWidth());
        assertTrue(img.getHeight() > 400 && img.getHeight() < 3000, "height " + img.getHeight());
        double inkShare = Samples.ink(img) / (double) (img.getWidth() * img.getHeight());
        assertTrue(inkShare > 0.01 && inkShare < 0.25, "ink share " + inkShare);
        // the margins are blank
        assertEquals(0, Samples.ink(img.getSubimage(0, 0, img.getWidth(), 10)));
    }

    @Test
    void scaleSetsThePixelsPerPoint() {
        Sheet s = Sheet.of("\\frac{\\partial}{\\partial x} x^{2} = 2 x");
        BufferedImage one = Renderer.image(s, Renderer.Settings.DEFAULT.withScale(1));
        BufferedImage three = Renderer.image(s, Renderer.Settings.DEFAULT.withScale(3));
        assertEquals(3.0, three.getWidth() / (double) one.getWidth(), 0.1);
        assertEquals(3.0, three.getHeight() / (double) one.getHeight(), 0.1);
    }

    @Test
    void pdfHasTheTitleAndRastersToInkOnAnA4OrLetterPage() throws Exception {
        Sheet sheet = Samples.sheet(Samples.leakyRelu(), true);
        for (PageSize size : PageSize.values()) {
            byte[] pdf = Renderer.pdf(sheet, Renderer.Settings.DEFAULT.withPage(size), "Derivative of LeakyReLU");
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertEquals(1, doc.getNumberOfPages());
                PDRectangle box = doc.getPage(0).getMediaBox();
                assertEquals(size.width, box.getWidth(), 0.01);
                assertEquals(size.height, box.getHeight(), 0.01);
                assertEquals("Derivative of LeakyReLU", doc.getDocumentInformation().getTitle());
                // JLaTeXMath's fonts are embedded: the words are text, not paths
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertTrue(text.contains("Derivative of") && text.contains("LeakyReLU") && text.contains("chain rule"), text);
                if (size != PageSize.A4) continue;
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
                int ink = Samples.ink(page);
                assertTrue(ink > 2000, "ink " + ink);
                // the top margin is blank and the title sits just below it
                assertEquals(0, Samples.ink(page.getSubimage(0, 0, page.getWidth(), 40)));
                assertTrue(Samples.ink(page.getSubimage(0, 50, page.getWidth(), 30)) > 50);
            }
        }
    }

    @Test
    void aLongDerivationRunsOverSeveralPagesEachWithInk() throws Exception {
        Derivation d = Samples.derive("(w3*sigmoid(w2*sigmoid(w1*x + b1) + b2) + b3 - y)^2 + ln(1 + exp(w1*x)) * tanh(b1*w2)", "w1");
        byte[] pdf = Renderer.pdf(Samples.sheet(d, true), Renderer.Settings.DEFAULT, "MLP");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "pages " + doc.getNumberOfPages());
            PDFRenderer r = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage page = r.renderImageWithDPI(p, 72);
                assertTrue(Samples.ink(page) > 300, "page " + (p + 1));
            }
        }
    }

    @Test
    void svgIsXmlWithPathsAndNoTextElements() throws Exception {
        String svg = Renderer.svg(Samples.sheet(Samples.leakyRelu(), false), Renderer.Settings.DEFAULT);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 30);
        assertEquals(0, doc.getElementsByTagNameNS("*", "text").getLength());
        assertTrue(svg.contains("<path"));
    }

    @Test
    void leftPartsEndAtOneColumn() {
        // "x = 1" and "longer = 2": the '=' signs line up
        Sheet s = new Sheet(null, List.of(List.of(new deriv.latex.DerivationLatex.Line("x", "= 1"),
                                                  new deriv.latex.DerivationLatex.Line("\\mathrm{longer}", "= 2"))));
        BufferedImage img = Renderer.image(s, Renderer.Settings.DEFAULT.withScale(3));
        int[] first = inkColumns(img, 0, img.getHeight() / 2), second = inkColumns(img, img.getHeight() / 2, img.getHeight());
        // the right ends of both lines (the digits) start at the same x, give or take a pixel
        assertTrue(Math.abs(first[1] - second[1]) <= 8, first[1] + " vs " + second[1]);
        assertTrue(first[0] > second[0] + 30, "x stands right of 'longer'");
    }

    private static int[] inkColumns(BufferedImage img, int y0, int y1) {
        int left = -1, right = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            boolean any = false;
            for (int y = y0; y < y1 && !any; y++) any = (img.getRGB(x, y) & 0xff) < 128;
            if (any) { if (left < 0) left = x; right = x; }
        }
        return new int[] {left, right};
    }

    @Test
    void tooLargeAnImageIsRefusedAndBadLatexIsABug() {
        List<deriv.latex.DerivationLatex.Line> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) lines.add(new deriv.latex.DerivationLatex.Line("", "\\text{" + "a line of words ".repeat(4) + i + "}"));
        Sheet huge = new Sheet(null, List.of(lines));
        var e = assertThrows(IllegalArgumentException.class, () -> Renderer.image(huge, Renderer.Settings.DEFAULT.withScale(20)));
        assertTrue(e.getMessage().contains("pixels"), e.getMessage());
        assertThrows(Renderer.BadLatexException.class, () -> Renderer.png(Sheet.of("\\frac{a}{b} \\notacommand"), Renderer.Settings.DEFAULT));
        assertFalse(Renderer.svg(Sheet.of("x"), Renderer.Settings.DEFAULT).isEmpty());
    }
}
