package deriv.web;

import deriv.diff.Derivation;
import deriv.diff.Step;
import deriv.expr.Expr;
import deriv.latex.DerivationLatex;
import deriv.latex.LatexPrinter;
import deriv.latex.LatexWidth;
import deriv.render.PageSize;
import deriv.render.Renderer;
import deriv.render.Sheet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The web face's access to LaTeX printing and rendering, in one place: the endpoints ask for LaTeX
 * and pictures here and do not care which printer or renderer made them.
 */
final class Maths {
    private Maths() {}

    /** Pictures shown in the page: a 15 pt formula font at one SVG unit (CSS pixel) per point. */
    private static final Renderer.Settings SCREEN = new Renderer.Settings(15, 1f, PageSize.A4);

    /** LaTeX of an expression. */
    static String latex(Expr e) { return LatexPrinter.print(e); }

    /** LaTeX of one step, {@code before = after}, for rendering on its own. */
    static String latex(Step s) { return latex(s.before()) + " = " + latex(s.after()); }

    /** SVG of a formula for the page, or null when it cannot be typeset (the page then shows text). */
    static String svg(String tex) { return svg(Sheet.of(tex)); }

    /** Wider than this (in ems), a step's {@code before = after} is set on two lines, {@code = after} under {@code before}. */
    private static final double ONE_LINE_EM = 34;

    /** SVG of a step for the page, or null when it cannot be typeset. */
    static String svg(Step s) {
        String before = latex(s.before()), after = latex(s.after());
        if (LatexWidth.em(before) + LatexWidth.em(after) <= ONE_LINE_EM) return svg(before + " = " + after);
        return svg(new Sheet(null, List.of(List.of(new DerivationLatex.Line("", before),
            new DerivationLatex.Line("", "\\quad = " + after)))));
    }

    private static String svg(Sheet sheet) {
        try {
            return Renderer.svg(sheet, SCREEN);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The sheet of one formula. */
    static Sheet sheet(String tex) { return Sheet.of(tex); }

    /** The sheet of derivations, one block each (a gradient has several), every step or problem and result. */
    static Sheet sheet(List<Derivation> ds, boolean steps, Renderer.Settings s) {
        DerivationLatex.Options o = new DerivationLatex.Options(steps, s.pageWidthEm(), true);
        List<List<DerivationLatex.Line>> blocks = new ArrayList<>();
        for (Derivation d : ds) blocks.add(DerivationLatex.lines(d, o));
        return new Sheet(DerivationLatex.title(ds), blocks);
    }

    static String plainTitle(List<Derivation> ds) { return DerivationLatex.plainTitle(ds); }

    /** Settings of a download: the renderer's 12 pt font, {@code scale} pixels per point, A4 or letter. */
    static Renderer.Settings settings(double scale, String page) {
        return new Renderer.Settings(12, (float) scale, page.equals("letter") ? PageSize.LETTER : PageSize.A4);
    }

    /** SVG text, PNG or PDF bytes of a sheet; a sheet that cannot be drawn is a 422. */
    static byte[] render(Sheet sheet, String format, Renderer.Settings s, String title) {
        try {
            return switch (format) {
                case "svg" -> Renderer.svg(sheet, s).getBytes(StandardCharsets.UTF_8);
                case "png" -> Renderer.png(sheet, s);
                case "pdf" -> Renderer.pdf(sheet, s, title);
                default -> throw new ApiException(400, "\"format\" must be svg, png or pdf", 0, 0, "format", null);
            };
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "cannot render: " + e.getMessage());
        }
    }
}
