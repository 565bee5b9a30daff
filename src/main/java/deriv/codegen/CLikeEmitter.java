package deriv.codegen;

import deriv.expr.Expr.Num;
import java.util.Set;

/** What C and Java write alike: the ternary select and powers through a {@code pow} function. */
abstract class CLikeEmitter extends Emitter {
    CLikeEmitter(GradProgram p, Options opts, Language lang, Set<String> reserved) { super(p, opts, lang, reserved); }

    /** The power function: {@code pow} or {@code Math.pow}. */
    protected abstract String powName();

    @Override protected Code select(Code c, Code a, Code b) {
        return new Code(c.at(CMP) + " ? " + a.at(TERNARY + 1) + " : " + b.at(TERNARY + 1), TERNARY);
    }

    @Override protected Code powc(Code base, Num k) {
        String e = Double.toString(k.toDouble());
        String pow = powName();
        if (!oddRoot(k)) return new Code(pow + "(" + base.text() + ", " + e + ")", ATOM);
        // odd roots of negatives are real, as the interpreter has them
        String b = base.at(ATOM);
        String neg = k.num().testBit(0) ? "-" : "";
        return new Code("(" + b + " < 0 ? " + neg + pow + "(-" + b + ", " + e + ") : " + pow + "(" + b + ", " + e + "))", ATOM);
    }

    @Override protected Code pow(Code base, Code exp) {
        return new Code(powName() + "(" + base.text() + ", " + exp.text() + ")", ATOM);
    }
}
