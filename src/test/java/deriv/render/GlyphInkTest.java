package deriv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Fn;
import deriv.expr.Greek;
import deriv.expr.RandomExprs;
import deriv.latex.DerivationLatex;
import deriv.latex.DerivationLatex.Line;
import deriv.latex.LatexPrinter;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * Every symbol the printers can emit leaves ink. JDK 25 draws JLaTeXMath's glyphs at U+00AD
 * ({@code \Omega}, {@code \otimes}) as nothing unless {@link GlyphFixGraphics} steps in.
 */
class GlyphInkTest {

    /** A formula showing each command the printers write; spacing commands show nothing. */
    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();
    private static final List<String> NO_INK = List.of("\\quad", "\\qquad", "\\ ", "\\\\", "\\end");
    static {
        SAMPLES.put("\\frac", "\\frac{1}{2}");
        SAMPLES.put("\\sqrt", "\\sqrt{x}");
        SAMPLES.put("\\left", "\\left(\\frac{a}{b}\\right) \\left| \\frac{a}{b} \\right|");
        SAMPLES.put("\\right", "\\left(\\frac{a}{b}\\right)");
        SAMPLES.put("\\begin", "\\begin{cases} 1 & \\quad \\text{if } x > 0 \\\\ 0 & \\quad \\text{otherwise} \\end{cases}");
        SAMPLES.put("\\text", "\\text{chain rule}");
        SAMPLES.put("\\mathrm", "\\mathrm{loss}");
        SAMPLES.put("\\operatorname", "\\operatorname{LeakyReLU}");
        SAMPLES.put("\\textcolor", "\\textcolor{gray}{\\text{chain rule}}");
        SAMPLES.put("\\cdot", "\\cdot");
        SAMPLES.put("\\leq", "\\leq");
        SAMPLES.put("\\geq", "\\geq");
        SAMPLES.put("\\partial", "\\partial");
        SAMPLES.put("\\exp", "\\exp");
        for (String c : List.of("_", "{", "}", "%", "#", "$", "&")) SAMPLES.put("\\" + c, "\\text{\\" + c + "}");
        SAMPLES.put("\\^", "\\text{\\^{}}");
        SAMPLES.put("\\~", "\\text{\\~{}}");
        SAMPLES.put("\\@", "\\text{\\@}");
        SAMPLES.put("\\backslash", "\\text{\\backslash}");
    }

    private static int inkOf(String latex) {
        return Samples.ink(Renderer.image(Sheet.of(latex), Renderer.Settings.DEFAULT.withScale(3)));
    }

    /** What the printers write for a large corpus: every Greek name, every built-in, random expressions and derivations. */
    private static List<String> corpus() {
        List<String> out = new ArrayList<>();
        for (String g : Greek.BY_NAME.keySet()) out.add(LatexPrinter.name(g + "_1"));
        for (Fn f : Fn.TABLE) {
            List<Expr> args = Collections.nCopies(f.minArgs(), Expr.var("x"));
            out.add(LatexPrinter.print(new Expr.Call(f.name(), args)));
            out.add(LatexPrinter.print(Expr.pow(new Expr.Call(f.name(), args), 2)));
        }
        RandomExprs gen = new RandomExprs(99L);
        for (int i = 0; i < 300; i++) out.add(LatexPrinter.print(gen.next(4)));
        RandomExprs plain = new RandomExprs(98L, false);
        for (int i = 0; i < 40; i++) {
            Derivation d = Differentiator.derive(Expr.mul(Expr.var("x"), plain.next(3)), List.of("x"), Definitions.EMPTY);
            for (Line l : DerivationLatex.lines(d, DerivationLatex.Options.allSteps().withGrayNotes(true))) out.add(l.latex());
            out.add(DerivationLatex.title(List.of(d)));
        }
        StringBuilder ascii = new StringBuilder();
        for (char c = 33; c < 127; c++) ascii.append(c);
        out.add(DerivationLatex.lines(new Derivation(Expr.var("x"), List.of(new deriv.diff.Step("R", Expr.var("x"), Expr.var("y"),
            List.of(), null, ascii.toString()))), DerivationLatex.Options.allSteps()).getFirst().right());
        return out;
    }

    private static final Pattern COMMAND = Pattern.compile("\\\\([a-zA-Z]+|.)");

    @Test
    void everyCommandAndCharacterThePrintersEmitLeavesInk() {
        TreeSet<String> commands = new TreeSet<>(), chars = new TreeSet<>(), textChars = new TreeSet<>();
        Pattern text = Pattern.compile("\\\\text\\{((?:\\\\.|[^\\\\}])*)}");
        for (String corpus : corpus()) {
            String latex = corpus.replace("\\^{}", "\\^").replace("\\~{}", "\\~");
            Matcher m = COMMAND.matcher(latex);
            while (m.find()) commands.add(m.group());
            // the text of \text{...} is set in the roman font, the rest in the maths fonts
            Matcher t = text.matcher(latex);
            while (t.find()) {
                for (char c : t.group(1).replaceAll("\\\\([a-zA-Z]+ ?|.)", "").toCharArray()) if (c != ' ') textChars.add(String.valueOf(c));
            }
            String rest = COMMAND.matcher(text.matcher(latex).replaceAll(" ")).replaceAll(" ");
            for (char c : rest.toCharArray()) if ("{}^_& ".indexOf(c) < 0) chars.add(String.valueOf(c));
        }
        List<String> blank = new ArrayList<>();
        for (String c : commands) {
            if (NO_INK.contains(c)) continue;
            String sample = SAMPLES.getOrDefault(c, c);
            if (inkOf(sample) < 4) blank.add(c + " (as " + sample + ")");
        }
        for (String c : chars) if (inkOf(c) < 4) blank.add("'" + c + "'");
        for (String c : textChars) if (inkOf("\\text{" + c + "}") < 4) blank.add("text '" + c + "'");
        assertEquals(List.of(), blank, "symbols drawn blank");
        // the corpus is what it should be: Greek capitals, the functions, the notes
        assertTrue(commands.containsAll(List.of("\\Omega", "\\Gamma", "\\omega", "\\tanh", "\\sigma", "\\frac", "\\begin")), commands.toString());
        assertTrue(chars.containsAll(List.of("+", "-", "=", ">", "0", "9", "x", "W")), chars.toString());
        assertTrue(textChars.size() > 60, textChars.toString());
    }

    @Test
    void theGlyphsAtTheSoftHyphenAreDrawnInPngSvgAndPdf() throws Exception {
        for (String s : List.of("\\Omega", "\\otimes", "\\mathbf{\\Omega}")) {
            // compared with a glyph of like size that JDK 25 always drew
            int ink = inkOf(s), reference = inkOf("\\Gamma");
            assertTrue(ink > reference / 3, s + ": " + ink + " dark pixels, \\Gamma has " + reference);
        }
        Sheet omega = Sheet.of("\\Omega");
        String svg = Renderer.svg(omega, Renderer.Settings.DEFAULT);
        assertTrue(svg.contains("<path"), svg);
        try (PDDocument doc = Loader.loadPDF(Renderer.pdf(omega, Renderer.Settings.DEFAULT, null))) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 144);
            assertTrue(Samples.ink(page) > 40, "Omega in the PDF");
        }
    }

    @Test
    void theFixIsWhatMakesTheDifference() {
        Renderer.Box omega = Renderer.Box.of("\\Omega \\otimes", 40);
        int plain = inkOn(omega, false), fixed = inkOn(omega, true);
        // on JDK 25.0.3 the plain Graphics2D draws nothing here; where the JDK draws them, the fix changes nothing
        assertTrue(fixed > 200, "fixed " + fixed);
        assertTrue(plain == 0 || Math.abs(plain - fixed) <= fixed / 10, "plain " + plain + ", fixed " + fixed);
        // other glyphs are drawn exactly as the JDK draws them
        Renderer.Box other = Renderer.Box.of("\\frac{\\partial}{\\partial W_{1}} \\tanh(u) \\Gamma", 40);
        assertEquals(inkOn(other, false), inkOn(other, true));
    }

    private static int inkOn(Renderer.Box box, boolean fix) {
        BufferedImage img = new BufferedImage((int) box.width() + 10, (int) (box.ascent() + box.descent()) + 10, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        box.paint(fix ? new GlyphFixGraphics(g) : g, 5, 5 + box.ascent());
        g.dispose();
        return Samples.ink(img);
    }
}
