package deriv.render;

import deriv.diff.Derivation;
import deriv.diff.Differentiator;
import deriv.latex.DerivationLatex;
import deriv.parse.Parsed;
import deriv.parse.Parsing;
import java.awt.image.BufferedImage;
import java.util.List;

/** Derivations and pixel counts shared by the rendering tests. */
final class Samples {
    private Samples() {}

    static Derivation derive(String program, String... wrt) {
        Parsed p = Parsing.program(program);
        return Differentiator.derive(p.program().body(), List.of(wrt), p.program().definitions());
    }

    static Derivation leakyRelu() { return derive("LeakyReLU(W2*tanh(W1*x + b1) + b2)", "W1"); }

    static Sheet sheet(Derivation d, boolean steps) {
        DerivationLatex.Options o = new DerivationLatex.Options(steps, Renderer.Settings.DEFAULT.pageWidthEm(), true);
        return new Sheet(DerivationLatex.title(List.of(d)), List.of(DerivationLatex.lines(d, o)));
    }

    /** Pixels visibly darker than the white page (grey notes count). */
    static int ink(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int lum = (((p >> 16) & 255) * 30 + ((p >> 8) & 255) * 59 + (p & 255) * 11) / 100;
                if (lum < 200) n++;
            }
        }
        return n;
    }
}
