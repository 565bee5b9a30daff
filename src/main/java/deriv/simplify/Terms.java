package deriv.simplify;

import static deriv.expr.Expr.*;

import deriv.expr.Expr;
import deriv.expr.Expr.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Small algebra over terms and factors shared by the rules: a term is a numeric coefficient times
 * the other factors ("rest"); a factor is a base raised to an exponent (1 when it is not a power).
 */
final class Terms {
    private Terms() {}

    /** The terms of a sum, or the expression itself as one term. */
    static List<Expr> terms(Expr e) {
        return e instanceof Add a ? a.terms() : List.of(e);
    }

    /** The factors of a product, or the expression itself as one factor. */
    static List<Expr> factors(Expr e) {
        return e instanceof Mul m ? m.factors() : List.of(e);
    }

    /** The product of the numeric factors of a term (1 when there is none). */
    static Num coefficient(Expr t) {
        return switch (t) {
            case Num n -> n;
            case Mul m -> {
                Num c = Num.ONE;
                for (Expr f : m.factors()) if (f instanceof Num n) c = c.times(n);
                yield c;
            }
            default -> Num.ONE;
        };
    }

    /** The non-numeric factors of a term, in their order. */
    static List<Expr> rest(Expr t) {
        return switch (t) {
            case Num n -> List.of();
            case Mul m -> {
                List<Expr> out = new ArrayList<>(m.factors().size());
                for (Expr f : m.factors()) if (!(f instanceof Num)) out.add(f);
                yield out;
            }
            default -> List.of(t);
        };
    }

    /** {@code c * rest}, without a factor of one; zero when {@code c} is. */
    static Expr term(Num c, List<Expr> rest) {
        if (c.isZero()) return Num.ZERO;
        if (rest.isEmpty()) return c;
        if (c.isOne()) return mul(rest);
        List<Expr> fs = new ArrayList<>(rest.size() + 1);
        fs.add(c);
        fs.addAll(rest);
        return mul(fs);
    }

    static Expr base(Expr f) {
        return f instanceof Pow p ? p.base() : f;
    }

    static Expr exponent(Expr f) {
        return f instanceof Pow p ? p.exp() : Num.ONE;
    }

    /** {@code b^e}, with {@code b^1 = b} and {@code b^0 = 1}. */
    static Expr power(Expr b, Expr e) {
        if (e instanceof Num n) {
            if (n.isOne()) return b;
            if (n.isZero()) return Num.ONE;
        }
        return new Pow(b, e);
    }

    /** {@code a + b} for exponents: numbers fold. */
    static Expr plus(Expr a, Expr b) {
        if (a instanceof Num x && b instanceof Num y) return x.plus(y);
        if (a instanceof Num x && x.isZero()) return b;
        if (b instanceof Num y && y.isZero()) return a;
        return add(a, b);
    }

    /** {@code a * b} for exponents: numbers fold. */
    static Expr times(Expr a, Expr b) {
        if (a instanceof Num x && b instanceof Num y) return x.times(y);
        if (a instanceof Num x && x.isOne()) return b;
        if (b instanceof Num y && y.isOne()) return a;
        return mul(a, b);
    }

    /** Whether a term carries a minus sign: a negative number or a negative coefficient. */
    static boolean isNegative(Expr t) {
        return coefficient(t).isNegative();
    }

    /** A sum with more negative than positive terms, a negated term: what reads better negated. */
    static boolean looksNegative(Expr e) {
        if (e instanceof Add a) {
            int neg = 0;
            for (Expr t : a.terms()) if (isNegative(t)) neg++;
            return 2 * neg > a.terms().size();
        }
        return isNegative(e);
    }

    /** {@code -e}, pushed into sums and coefficients (a -1 coefficient disappears). */
    static Expr negate(Expr e) {
        return switch (e) {
            case Num n -> n.negate();
            case Add a -> {
                List<Expr> ts = new ArrayList<>(a.terms().size());
                for (Expr t : a.terms()) ts.add(negate(t));
                yield add(ts);
            }
            case Mul m -> term(coefficient(m).negate(), rest(m));
            default -> mul(Num.MINUS_ONE, e);
        };
    }

    static boolean isNum(Expr e, long v) {
        return e instanceof Num n && n.isInteger() && n.num().equals(BigInteger.valueOf(v));
    }

    /** A positive even integer. */
    static boolean isEvenInteger(Expr e) {
        return e instanceof Num n && n.isInteger() && !n.num().testBit(0);
    }

    static boolean isInteger(Expr e) {
        return e instanceof Num n && n.isInteger();
    }

    static boolean isCall(Expr e, String fn) {
        return e instanceof Call c && c.fn().equals(fn) && c.args().size() == 1;
    }

    static Expr arg(Expr call) {
        return ((Call) call).args().getFirst();
    }

    /** {@code fn(u)^k}: the argument u when {@code e} is that power of a one-argument call of {@code fn}, else null. */
    static Expr callPower(Expr e, String fn, long k) {
        if (k == 1) return isCall(e, fn) ? arg(e) : null;
        if (e instanceof Pow(Expr b, Num n) && isNum(n, k) && isCall(b, fn)) return arg(b);
        return null;
    }

    /** The largest k with num = r^k exactly, as r, when {@code k} is small and the number is exact; else null. */
    static BigInteger exactRoot(BigInteger n, int k) {
        if (n.signum() < 0) {
            if (k % 2 == 0) return null;
            BigInteger r = exactRoot(n.negate(), k);
            return r == null ? null : r.negate();
        }
        if (k == 2) {
            BigInteger r = n.sqrt();
            return r.multiply(r).equals(n) ? r : null;
        }
        if (n.bitLength() > 62) return null;
        long guess = Math.round(Math.pow(n.doubleValue(), 1.0 / k));
        for (long g = Math.max(0, guess - 1); g <= guess + 1; g++) {
            if (BigInteger.valueOf(g).pow(k).equals(n)) return BigInteger.valueOf(g);
        }
        return null;
    }

    /** The node count a reader sees, as {@link deriv.expr.Exprs#size}, but stopping once past {@code limit}. */
    static int size(Expr e, int limit) {
        int[] n = {0};
        count(e, n, limit);
        return n[0];
    }

    private static void count(Expr e, int[] n, int limit) {
        n[0]++;
        if (n[0] > limit) return;
        for (Expr c : deriv.expr.Exprs.children(e)) {
            count(c, n, limit);
            if (n[0] > limit) return;
        }
    }

    static int size(Expr e) {
        return size(e, Integer.MAX_VALUE);
    }
}
