package deriv.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The expression tree: immutable records with structural equality. Subtraction is a sum with a
 * negated term, division a product with a negative power, so every pass handles few node kinds.
 * Construct through the static factories ({@link #add}, {@link #mul}, {@link #div} ...): they
 * flatten nested sums and products the way the parser does, so printing and re-parsing gives
 * back an equal tree.
 */
public sealed interface Expr {

    /** An exact rational constant, always normalised (lowest terms, positive denominator). */
    record Num(BigInteger num, BigInteger den) implements Expr, Comparable<Num> {
        public Num {
            Objects.requireNonNull(num);
            Objects.requireNonNull(den);
            if (den.signum() == 0) throw new ArithmeticException("division by zero");
            if (den.signum() < 0) { num = num.negate(); den = den.negate(); }
            BigInteger g = num.gcd(den);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) { num = num.divide(g); den = den.divide(g); }
            if (num.signum() == 0) den = BigInteger.ONE;
        }
        public static final Num ZERO = of(0), ONE = of(1), MINUS_ONE = of(-1), TWO = of(2), HALF = of(1, 2);
        public static Num of(long n) { return new Num(BigInteger.valueOf(n), BigInteger.ONE); }
        public static Num of(long n, long d) { return new Num(BigInteger.valueOf(n), BigInteger.valueOf(d)); }
        public boolean isZero() { return num.signum() == 0; }
        public boolean isOne() { return num.equals(BigInteger.ONE) && den.equals(BigInteger.ONE); }
        public boolean isMinusOne() { return num.equals(BigInteger.ONE.negate()) && den.equals(BigInteger.ONE); }
        public boolean isInteger() { return den.equals(BigInteger.ONE); }
        public boolean isNegative() { return num.signum() < 0; }
        public int signum() { return num.signum(); }
        public Num negate() { return new Num(num.negate(), den); }
        public Num abs() { return new Num(num.abs(), den); }
        public Num plus(Num o) { return new Num(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)); }
        public Num minus(Num o) { return plus(o.negate()); }
        public Num times(Num o) { return new Num(num.multiply(o.num), den.multiply(o.den)); }
        public Num reciprocal() { return new Num(den, num); }
        public Num dividedBy(Num o) { return times(o.reciprocal()); }
        /** This number to an integer power. */
        public Num pow(int k) {
            if (k >= 0) return new Num(num.pow(k), den.pow(k));
            return new Num(den.pow(-k), num.pow(-k));
        }
        public double toDouble() {
            double n = num.doubleValue(), d = den.doubleValue();
            if (Double.isFinite(n) && Double.isFinite(d)) return n / d;
            return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
        }
        @Override public int compareTo(Num o) { return num.multiply(o.den).compareTo(o.num.multiply(den)); }
        @Override public String toString() { return isInteger() ? num.toString() : num + "/" + den; }
    }

    /** A variable (or an intermediate introduced by a definition). Shapes will attach here. */
    record Var(String name) implements Expr {
        public Var { Objects.requireNonNull(name); }
    }

    /** A named mathematical constant: {@code e} or {@code pi}. */
    record Const(String name) implements Expr {
        public static final Const E = new Const("e"), PI = new Const("pi");
        public Const {
            if (!name.equals("e") && !name.equals("pi")) throw new IllegalArgumentException("unknown constant " + name);
        }
        public double value() { return name.equals("e") ? Math.E : Math.PI; }
    }

    /** A sum of two or more terms. */
    record Add(List<Expr> terms) implements Expr {
        public Add {
            terms = List.copyOf(terms);
            if (terms.size() < 2) throw new IllegalArgumentException("a sum needs two or more terms");
        }
    }

    /** A product of two or more factors. */
    record Mul(List<Expr> factors) implements Expr {
        public Mul {
            factors = List.copyOf(factors);
            if (factors.size() < 2) throw new IllegalArgumentException("a product needs two or more factors");
        }
    }

    record Pow(Expr base, Expr exp) implements Expr {
        public Pow { Objects.requireNonNull(base); Objects.requireNonNull(exp); }
    }

    /** A call of a built-in ({@link Fn}, canonical name) or of a user function defined in the program. */
    record Call(String fn, List<Expr> args) implements Expr {
        public Call { Objects.requireNonNull(fn); args = List.copyOf(args); }
    }

    /** The first branch whose condition holds, else {@code otherwise}. */
    record Piecewise(List<Branch> branches, Expr otherwise) implements Expr {
        public Piecewise {
            branches = List.copyOf(branches);
            if (branches.isEmpty()) throw new IllegalArgumentException("a piecewise value needs a branch");
            Objects.requireNonNull(otherwise);
        }
    }

    record Branch(Cond cond, Expr value) {
        public Branch { Objects.requireNonNull(cond); Objects.requireNonNull(value); }
    }

    record Cond(Expr left, Rel rel, Expr right) {
        public Cond { Objects.requireNonNull(left); Objects.requireNonNull(rel); Objects.requireNonNull(right); }
        public boolean holds(double l, double r) {
            return switch (rel) { case LT -> l < r; case LE -> l <= r; case GT -> l > r; case GE -> l >= r; };
        }
    }

    enum Rel {
        LT("<"), LE("<="), GT(">"), GE(">=");
        public final String symbol;
        Rel(String symbol) { this.symbol = symbol; }
        public static Rel of(String s) {
            for (Rel r : values()) if (r.symbol.equals(s)) return r;
            throw new IllegalArgumentException(s);
        }
    }

    /** {@code diff(body, var)}: the derivative, unevaluated until a pass of the diff stage resolves it. */
    record Diff(Expr body, String var) implements Expr {
        public Diff { Objects.requireNonNull(body); Objects.requireNonNull(var); }
    }

    // ---------------------------------------------------------------- factories

    static Num num(long n) { return Num.of(n); }
    static Num num(long n, long d) { return Num.of(n, d); }
    static Var var(String name) { return new Var(name); }

    static Expr add(Expr... terms) { return add(List.of(terms)); }
    static Expr add(List<Expr> terms) {
        List<Expr> flat = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            if (t instanceof Add a) flat.addAll(a.terms()); else flat.add(t);
        }
        if (flat.isEmpty()) return Num.ZERO;
        return flat.size() == 1 ? flat.getFirst() : new Add(flat);
    }

    static Expr mul(Expr... factors) { return mul(List.of(factors)); }
    static Expr mul(List<Expr> factors) {
        List<Expr> flat = new ArrayList<>(factors.size());
        for (Expr f : factors) {
            if (f instanceof Mul m) flat.addAll(m.factors()); else flat.add(f);
        }
        if (flat.isEmpty()) return Num.ONE;
        return flat.size() == 1 ? flat.getFirst() : new Mul(flat);
    }

    /** {@code -e} as the parser builds it: a negated number, a negated leading coefficient, or {@code -1*e}. */
    static Expr neg(Expr e) {
        return switch (e) {
            case Num n -> n.negate();
            case Mul m when m.factors().getFirst() instanceof Num c -> {
                List<Expr> fs = new ArrayList<>(m.factors());
                // -(-1*x) is x, not 1*x
                if (c.isMinusOne()) { fs.removeFirst(); yield mul(fs); }
                fs.set(0, c.negate());
                yield new Mul(fs);
            }
            default -> mul(Num.MINUS_ONE, e);
        };
    }

    static Expr sub(Expr a, Expr b) { return add(a, neg(b)); }

    /** {@code a/b}, by the rule of {@link #divideInto}. */
    static Expr div(Expr a, Expr b) {
        if (a instanceof Num x && b instanceof Num y && !y.isZero()) return x.dividedBy(y);
        List<Expr> fs = new ArrayList<>(a instanceof Mul m ? m.factors() : List.of(a));
        divideInto(fs, b);
        return mul(fs);
    }

    /**
     * Divides the flat product {@code factors} by {@code r}, in place, as every reader takes
     * {@code a/b}: a number over a number is one rational; a number divided by, alone or leading a
     * product, goes into the coefficient ({@code x/2} is {@code 1/2*x}, {@code 1/(2*x)} is
     * {@code 1/2*x^-1}), so that the printers can write a coefficient as a teacher does; {@code 1/x}
     * is {@code x^-1}; a product divided by is one negative power per factor ({@code x/(y*z)} is
     * {@code x*y^-1*z^-1}, so that it prints back as written); anything else is multiplied by its
     * reciprocal.
     */
    static void divideInto(List<Expr> factors, Expr r) {
        if (factors.size() == 1 && factors.getFirst() instanceof Num x && r instanceof Num y && !y.isZero()) {
            factors.set(0, x.dividedBy(y));
            return;
        }
        Num q = leadingNumber(r);
        if (q == null || q.isZero()) {
            // 1/x is the reciprocal alone, x^-1, as the LaTeX reader takes \frac{1}{x}
            if (factors.size() == 1 && factors.getFirst() instanceof Num one && one.isOne()) factors.clear();
            if (r instanceof Mul m) for (Expr f : m.factors()) factors.add(reciprocal(f));
            else factors.add(reciprocal(r));
            return;
        }
        boolean had = !factors.isEmpty() && factors.getFirst() instanceof Num;
        Num c = had ? ((Num) factors.removeFirst()).dividedBy(q) : Num.ONE.dividedBy(q);
        if (!c.isOne() || factors.isEmpty() && !(r instanceof Mul)) factors.addFirst(c);
        if (r instanceof Mul m) for (Expr f : m.factors().subList(1, m.factors().size())) factors.add(reciprocal(f));
    }

    /** A number, or the number leading a product; otherwise null. */
    static Num leadingNumber(Expr e) {
        return switch (e) {
            case Num n -> n;
            case Mul m when m.factors().getFirst() instanceof Num n -> n;
            default -> null;
        };
    }

    static Expr reciprocal(Expr b) {
        return switch (b) {
            case Pow(Expr base, Num n) -> new Pow(base, n.negate());
            default -> new Pow(b, Num.MINUS_ONE);
        };
    }

    static Expr pow(Expr base, Expr exp) { return new Pow(base, exp); }
    static Expr pow(Expr base, long exp) { return new Pow(base, Num.of(exp)); }
    static Expr call(String fn, Expr... args) { return new Call(fn, List.of(args)); }
}
