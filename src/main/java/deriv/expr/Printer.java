package deriv.expr;

import static deriv.expr.Expr.*;

import java.util.List;
import java.util.StringJoiner;

/**
 * The plain printer: deriv's own syntax with as few parentheses as the grammar allows. For every
 * tree built by the factories of {@link Expr}, parsing the printed text gives back an equal tree.
 */
public final class Printer {
    private Printer() {}

    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        sum(e, sb);
        return sb.toString();
    }

    public static String print(Cond c) {
        StringBuilder sb = new StringBuilder();
        sum(c.left(), sb);
        sb.append(' ').append(c.rel().symbol).append(' ');
        sum(c.right(), sb);
        return sb.toString();
    }

    /** A term printed as the operand of a leading or binary minus, or null when it is not negative (LaTeX alike). */
    public static Expr positivePart(Expr e) {
        return switch (e) {
            case Num n when n.isNegative() -> n.negate();
            case Mul m when m.factors().getFirst() instanceof Num c && c.isNegative() -> {
                List<Expr> rest = m.factors().subList(1, m.factors().size());
                if (c.isMinusOne() && !(rest.getFirst() instanceof Num)) yield mul(rest);
                List<Expr> fs = new java.util.ArrayList<>(m.factors());
                fs.set(0, c.negate());
                yield new Mul(fs);
            }
            default -> null;
        };
    }

    // level: a sum, or anything below
    private static void sum(Expr e, StringBuilder sb) {
        if (!(e instanceof Add a)) { product(e, sb); return; }
        boolean first = true;
        for (Expr t : a.terms()) {
            if (first) {
                if (t instanceof Add) paren(t, sb); else product(t, sb);
                first = false;
                continue;
            }
            Expr pos = positivePart(t);
            if (pos != null) {
                sb.append(" - ");
                factorOrParen(pos, sb);
            } else {
                sb.append(" + ");
                if (t instanceof Add) paren(t, sb); else product(t, sb);
            }
        }
    }

    // the operand of a binary minus: a product or narrower; a sum goes in parentheses
    private static void factorOrParen(Expr e, StringBuilder sb) {
        if (e instanceof Add) paren(e, sb); else product(e, sb);
    }

    // level: a product (or a negation, which the parser reads as a product with -1)
    private static void product(Expr e, StringBuilder sb) {
        Expr pos = positivePart(e);
        if (pos != null) {
            sb.append('-');
            // "-" then something starting with "-" would read as a double negation: "--x" is fine to
            // parse, but positivePart never returns such a form except a leading number, so print as is
            if (pos instanceof Add) paren(pos, sb); else product(pos, sb);
            return;
        }
        if (isSlash(e)) {
            // a reciprocal alone reads 1/x, which the parser takes back as x^-1
            sb.append('1');
            slashOrTimes(e, sb);
            return;
        }
        if (!(e instanceof Mul m)) { unary(e, sb); return; }
        if (fraction(m, sb)) return;
        List<Expr> fs = m.factors();
        Expr f0 = fs.getFirst();
        if (f0 instanceof Num n && n.isOne() && isSlash(fs.get(1))) {
            // 1 * x^-1 as such: "1/x" would read as x^-1 alone
            sb.append("1*");
            power((Pow) fs.get(1), sb);
            for (int i = 2; i < fs.size(); i++) slashOrTimes(fs.get(i), sb);
            return;
        }
        int j = denominatorsFrom(fs);
        if (fs.size() - j >= 2 && !(f0 instanceof Num one && one.isOne())) {
            // several denominators after the numerator: x/(y*z), 1/(y*(z + 1)^2)
            if (j == 0) sb.append('1');
            else if (f0 instanceof Num n) sb.append(n);
            else factor(f0, sb);
            for (int i = 1; i < j; i++) slashOrTimes(fs.get(i), sb);
            sb.append('/');
            denominators(null, fs.subList(j, fs.size()), sb);
            return;
        }
        if (f0 instanceof Num n) sb.append(n); else factor(f0, sb);
        for (int i = 1; i < fs.size(); i++) slashOrTimes(fs.get(i), sb);
    }

    /** A negative power that prints as "/base^-k" and parses back to the same power. */
    private static boolean isSlash(Expr f) {
        return f instanceof Pow(Expr b, Num k) && k.isNegative() && slashable(b);
    }

    /** Where the trailing run of denominators starts, when no denominator comes before it (else the size). */
    private static int denominatorsFrom(List<Expr> fs) {
        int j = fs.size();
        while (j > 0 && isSlash(fs.get(j - 1))) j--;
        for (int i = 0; i < j; i++) if (fs.get(i) instanceof Pow(Expr b, Num k) && k.isNegative()) return fs.size();
        return j;
    }

    /**
     * The denominator after a '/': {@code (y*(z + 1)^2)} for y^-1, (z + 1)^-2, led by the number
     * {@code q} when given ({@code (2*y)}), or {@code q} alone when there are no powers.
     */
    private static void denominators(java.math.BigInteger q, List<Expr> dens, StringBuilder sb) {
        if (dens.isEmpty()) { sb.append(q); return; }
        sb.append('(');
        if (q != null) sb.append(q).append('*');
        for (int i = 0; i < dens.size(); i++) {
            if (i > 0) sb.append('*');
            Pow p = (Pow) dens.get(i);
            Num k = ((Num) p.exp()).negate();
            if (k.isOne()) factor(p.base(), sb); else power(new Pow(p.base(), k), sb);
        }
        sb.append(')');
    }

    // a factor after the first: "/b" for a negative power, else "*f"
    private static void slashOrTimes(Expr f, StringBuilder sb) {
        if (isSlash(f) && f instanceof Pow(Expr b, Num k)) {
            sb.append('/');
            if (k.isMinusOne()) base(b, sb); else power(new Pow(b, k.negate()), sb);
        } else if (f instanceof Num n) {
            sb.append('*');
            if (n.isInteger()) sb.append(n); else sb.append('(').append(n).append(')');
        } else {
            sb.append('*');
            factor(f, sb);
        }
    }

    /**
     * Whether {@code base^k} (k negative) prints as "/base^-k" and parses back to the same power.
     * Not for a number: the parser moves a number divided by into the coefficient ({@code x/3} is
     * {@code 1/3*x}), so {@code x * 3^-1} keeps its power.
     */
    private static boolean slashable(Expr base) {
        // a/b^2 is a * b^-2, not a * (b^2)^-1; a/(2*b) is 1/2*a*b^-1 and a/(b*c) is a*b^-1*c^-1,
        // not a * (b*c)^-1
        return !(base instanceof Pow) && !(base instanceof Num) && !(base instanceof Mul);
    }

    /**
     * A rational coefficient written as a fraction, as on paper: {@code x/2}, {@code 3*x/2},
     * {@code 1/(2*x)}, {@code x/(2*y^2)} (a minus is the caller's). The parser reads each back to
     * the same tree: dividing by a number, or by a number times one factor, moves the number into
     * the coefficient. Other shapes keep the general form ({@code 1/3*x/y/z}).
     */
    private static boolean fraction(Mul m, StringBuilder sb) {
        List<Expr> fs = m.factors();
        if (!(fs.getFirst() instanceof Num c) || c.isInteger() || c.isNegative()) return false;
        int j = denominatorsFrom(fs);
        if (j == 0) return false;
        List<Expr> top = fs.subList(1, j), bottom = fs.subList(j, fs.size());
        for (Expr f : top) {
            if (f instanceof Num || f instanceof Mul || f instanceof Pow(Expr b, Num k) && k.isNegative()) return false;
        }
        boolean any = false;
        if (!c.num().equals(java.math.BigInteger.ONE) || top.isEmpty()) { sb.append(c.num()); any = true; }
        for (Expr f : top) {
            if (any) sb.append('*');
            factor(f, sb);
            any = true;
        }
        sb.append('/');
        denominators(c.den(), bottom, sb);
        return true;
    }

    // a factor after '*': a sum or product in parentheses, negatives allowed (x * -y)
    private static void factor(Expr e, StringBuilder sb) {
        switch (e) {
            case Add a -> paren(a, sb);
            case Mul m -> {
                if (positivePart(m) != null) product(m, sb); else paren(m, sb);
            }
            case Num n when !n.isInteger() -> { sb.append('(').append(n).append(')'); }
            default -> unary(e, sb);
        }
    }

    // level: unary operand (power or atom); negative numbers print with their sign
    private static void unary(Expr e, StringBuilder sb) {
        switch (e) {
            case Pow p -> power(p, sb);
            case Num n when !n.isInteger() -> sb.append(n);
            default -> atom(e, sb);
        }
    }

    private static void power(Pow p, StringBuilder sb) {
        if (p.base() instanceof Const c && c.name().equals("e")) sb.append("(e)");
        else base(p.base(), sb);
        sb.append('^');
        switch (p.exp()) {
            case Num n when n.isInteger() -> sb.append(n);
            case Num n -> sb.append('(').append(n).append(')');
            // right-associative: x^y^z is x^(y^z)
            case Pow q -> power(q, sb);
            // a sign binds looser than '^': x^-y^2 is x^(-(y^2))
            case Mul m when m.factors().size() == 2 && m.factors().getFirst() instanceof Num c && c.isMinusOne()
                && (m.factors().get(1) instanceof Pow || isAtom(m.factors().get(1))) -> {
                sb.append('-');
                if (m.factors().get(1) instanceof Pow q) power(q, sb); else atom(m.factors().get(1), sb);
            }
            case Var v -> atom(v, sb);
            case Const c -> atom(c, sb);
            case Call c -> atom(c, sb);
            case Piecewise pw -> atom(pw, sb);
            case Diff d -> atom(d, sb);
            default -> paren(p.exp(), sb);
        }
    }

    // the base of a power: only atoms go bare
    private static void base(Expr e, StringBuilder sb) {
        switch (e) {
            case Num n when n.isInteger() && !n.isNegative() -> sb.append(n);
            case Num n -> sb.append('(').append(n).append(')');
            case Add a -> paren(a, sb);
            case Mul m -> paren(m, sb);
            case Pow p -> paren(p, sb);
            default -> atom(e, sb);
        }
    }

    private static boolean isAtom(Expr e) {
        return switch (e) {
            case Var v -> true;
            case Const c -> true;
            case Call c -> true;
            case Piecewise p -> true;
            case Diff d -> true;
            default -> false;
        };
    }

    private static void atom(Expr e, StringBuilder sb) {
        switch (e) {
            case Num n -> { if (n.isNegative() || !n.isInteger()) sb.append('(').append(n).append(')'); else sb.append(n); }
            case Var v -> sb.append(v.name());
            case Const c -> sb.append(c.name());
            case Call c -> {
                sb.append(c.fn()).append('(');
                StringJoiner j = new StringJoiner(", ");
                for (Expr a : c.args()) j.add(print(a));
                sb.append(j).append(')');
            }
            case Piecewise p -> {
                StringJoiner j = new StringJoiner(", ");
                for (Branch b : p.branches()) { j.add(print(b.cond())); j.add(print(b.value())); }
                j.add(print(p.otherwise()));
                sb.append("if(").append(j).append(')');
            }
            case Diff d -> sb.append("diff(").append(print(d.body())).append(", ").append(d.var()).append(')');
            case Add a -> paren(a, sb);
            case Mul m -> paren(m, sb);
            case Pow p -> paren(p, sb);
        }
    }

    private static void paren(Expr e, StringBuilder sb) {
        sb.append('(');
        sum(e, sb);
        sb.append(')');
    }
}
