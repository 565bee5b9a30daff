package deriv.simplify;

import static deriv.expr.Expr.*;
import static deriv.simplify.Rule.*;

import deriv.diff.Step;
import deriv.expr.Expr;
import deriv.expr.Expr.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixpoint driver. One sweep applies one rule at every node, bottom-up (children first), and
 * is recorded as one step: the rule's name, the whole expression before and after, and as
 * sub-steps each node the rule rewrote (that node before and after). Rounds of sweeps over the
 * local rules run until a round changes nothing (record equality), then the reshaping rules
 * ({@link Factoring}) get one sweep each; when one of them changes something, the local rules
 * run again. A budget on rewrites, rounds and size, and a check for a repeated expression, make
 * every run end.
 */
final class Engine {

    /** The local rules, in the order of each round. */
    static final List<Rule> LOCAL = List.of(
        new Rule("OrderFactors", true, MUL, Arithmetic::orderFactors),
        new Rule("OrderTerms", true, ADD, Arithmetic::orderTerms),
        new Rule("ConstantFolding", true, ADD | MUL | POW | CALL, Arithmetic::constantFolding),
        new Rule("AdditiveIdentity", true, ADD, Arithmetic::additiveIdentity),
        new Rule("MultiplicativeIdentity", true, MUL, Arithmetic::multiplicativeIdentity),
        new Rule("ZeroProduct", true, MUL, Arithmetic::zeroProduct),
        new Rule("PowerIdentity", true, POW, Arithmetic::powerIdentity),
        new Rule("ExpNotation", true, POW, Functions::expNotation),
        new Rule("ExpOfLog", true, CALL, Functions::expOfLog),
        new Rule("LogOfExp", true, CALL, Functions::logOfExp),
        new Rule("SquareOfSqrt", true, POW, Functions::squareOfSqrt),
        new Rule("SqrtOfSquare", true, CALL | POW, Functions::sqrtOfSquare),
        new Rule("AbsIdentity", true, CALL | POW | MUL, Functions::absIdentity),
        new Rule("PowerOfPower", true, POW, Arithmetic::powerOfPower),
        new Rule("PowerOfProduct", true, POW, Arithmetic::powerOfProduct),
        new Rule("DistributeConstant", true, ADD | MUL, Arithmetic::distributeConstant),
        new Rule("NegationNormalisation", true, POW | MUL | CALL, Arithmetic::negationNormalisation),
        new Rule("CancelCommonFactor", true, MUL, Arithmetic::cancelCommonFactor),
        new Rule("CombinePowers", true, MUL, Arithmetic::combinePowers),
        new Rule("CollectLikeTerms", true, ADD, Arithmetic::collectLikeTerms),
        new Rule("PythagoreanIdentity", true, ADD, Functions::pythagoreanIdentity),
        new Rule("DoubleAngle", true, ADD, Functions::doubleAngle),
        new Rule("AngleAddition", true, ADD, Functions::angleAddition),
        new Rule("SigmoidIdentity", true, POW | MUL | ADD, Functions::sigmoidIdentity),
        new Rule("TanhIdentity", true, POW | ADD, Functions::tanhIdentity),
        new Rule("PiecewiseCollapse", true, PIECEWISE, Piecewises::collapse),
        new Rule("IsolateVariable", true, PIECEWISE, Piecewises::isolateVariable));

    /** The reshaping rules, tried when the local rules are done; each keeps its result only when shorter. */
    static final List<Rule> RESHAPING = List.of(
        new Rule("FactorCommon", false, ADD, Factoring::factorCommon),
        new Rule("ExpandAndCollect", false, ADD, Factoring::expandAndCollect),
        new Rule("CombineFractions", false, ADD | MUL, Factoring::combineFractions));

    /** State shared by a run and the trial runs inside it. */
    private static final class Shared {
        final Simplifier.Budget budget;
        long rewrites;
        boolean exhausted;
        // (rule, node) pairs where a reshaping rule was tried and did not help, by identity (hashing big trees is slow)
        final java.util.Map<String, Set<Expr>> rejected = new java.util.HashMap<>();
        // nodes that went through a whole round of the local rules unchanged: no local rule applies anywhere inside
        final Set<Expr> stable = Engine.identitySet();
        // the same for each reshaping rule, at each trial depth: nodes where the rule was tried and did nothing
        final java.util.Map<String, Set<Expr>> reshapeStable = new java.util.HashMap<>();
        Shared(Simplifier.Budget budget) { this.budget = budget; }
    }

    private final Order order;
    private final Shared shared;
    private final int depth;
    private final List<Step> steps = new ArrayList<>();
    // when each node of the tree first appeared, counted in local sweeps completed; a node that has
    // been in the tree through a sweep of every local rule is stable (see isStable)
    private final java.util.Map<Expr, Integer> birth = new java.util.IdentityHashMap<>();
    private int sweeps;
    private List<Step> pending;

    Engine(Order order, Simplifier.Budget budget) {
        this(order, new Shared(budget), 0);
    }

    private Engine(Order order, Shared shared, int depth) {
        this.order = order;
        this.shared = shared;
        this.depth = depth;
    }

    Order order() { return order; }

    List<Step> steps() { return steps; }

    boolean exhausted() { return shared.exhausted; }

    /** Simplifies {@code e} to a fixpoint (or until the budget is spent), recording the steps. */
    Expr run(Expr e) {
        Set<Expr> seen = new HashSet<>();
        int rounds = 0;
        while (!shared.exhausted) {
            register(e);
            while (!shared.exhausted) {
                boolean changed = false;
                for (Rule r : LOCAL) {
                    Expr next = sweep(e, r);
                    sweeps++;
                    if (next != e) register(next);
                    changed |= next != e;
                    e = next;
                }
                if (++rounds > shared.budget.maxRounds()) shared.exhausted = true;
                checkSize(e);
                if (!changed) break;
                if (!seen.add(e)) return e;   // a cycle: stop where we are
            }
            boolean reshaped = false;
            for (Rule r : RESHAPING) {
                if (shared.exhausted) break;
                Expr next = sweep(e, r);
                if (next != e) {
                    register(next);
                    e = next;
                    reshaped = true;
                    break;
                }
            }
            if (!reshaped) break;
        }
        return e;
    }

    /** The rule named {@code name}, local or reshaping. */
    static Rule rule(String name) {
        for (Rule r : LOCAL) if (r.name().equals(name)) return r;
        for (Rule r : RESHAPING) if (r.name().equals(name)) return r;
        throw new IllegalArgumentException("no rule " + name);
    }

    /** {@code e} after sweeps of one rule alone until it changes nothing (at most 20): how a rule is tested on its own. */
    static Expr only(String name, Expr e, Order order) {
        Engine en = new Engine(order, new Simplifier.Budget(10_000, 20, 100_000, 2));
        Rule r = rule(name);
        for (int i = 0; i < 20; i++) {
            Expr next = en.sweep(e, r);
            if (next == e) break;
            e = next;
        }
        return e;
    }

    /** One sweep of {@code rule} over the whole expression, recorded as one step when it changed anything. */
    private Expr sweep(Expr e, Rule rule) {
        if (shared.exhausted) return e;
        Sweep sw = new Sweep(rule);
        Expr next = sw.apply(e);
        if (sw.local.isEmpty()) return e;
        // a rewrite of the whole expression is the step itself: no sub-step repeats it
        List<Step> subs = sw.local.size() == 1 && sw.local.getFirst().before() == e ? sw.local.getFirst().substeps() : sw.local;
        steps.add(new Step(rule.name(), e, next, subs));
        if (!rule.local()) checkSize(next);
        return next;
    }

    /** Ends the run when the expression has grown past the budget (checked once a round: it is a walk of the tree). */
    private void checkSize(Expr e) {
        if (Terms.size(e, shared.budget.maxNodes()) > shared.budget.maxNodes()) shared.exhausted = true;
    }

    /** One rule applied bottom-up at every node (children first), skipping subtrees known to be stable. */
    private final class Sweep implements java.util.function.UnaryOperator<Expr> {
        final Rule rule;
        final List<Step> local = new ArrayList<>();
        final boolean skipStable;

        final Set<Expr> stable;

        Sweep(Rule rule) {
            this.rule = rule;
            this.stable = rule.local() ? null : reshapeStable(rule);
            this.skipStable = rule.local() ? sweeps >= LOCAL.size() || !shared.stable.isEmpty() : !stable.isEmpty();
        }

        @Override public Expr apply(Expr e) {
            int kind = kindOf(e);
            if (kind == 0 || shared.exhausted) return e;
            if (skipStable && (stable == null ? isStable(e) : stable.contains(e))) return e;
            Expr node = mapChildren(e, this);
            if ((rule.kinds() & kindOf(node)) == 0) {
                markReshapeStable(node, e);
                return node;
            }
            pending = null;
            Expr out = rule.apply(node, Engine.this);
            if (out == null || out.equals(node)) {
                markReshapeStable(node, e);
                return node;
            }
            if (++shared.rewrites > shared.budget.maxRewrites()) shared.exhausted = true;
            // a caller that gave up (a --timeout, a web request) interrupts the thread: stop the work
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("interrupted");
            local.add(new Step(rule.name(), node, out, pending == null ? List.of() : pending));
            pending = null;
            return out;
        }

        // a reshaping rule that did nothing here, nor anywhere below, will do nothing here again (at this depth)
        private void markReshapeStable(Expr node, Expr e) {
            if (stable == null || node != e) return;
            for (Expr c : deriv.expr.Exprs.children(node)) if (kindOf(c) != 0 && !stable.contains(c)) return;
            stable.add(node);
        }
    }

    /** The kind bit of a node for {@link Rule#kinds()}; 0 for leaves, which no rule rewrites. */
    private static int kindOf(Expr e) {
        return switch (e) {
            case Add a -> ADD;
            case Mul m -> MUL;
            case Pow p -> POW;
            case Call c -> CALL;
            case Piecewise p -> PIECEWISE;
            case Diff d -> DIFF;
            case Num n -> 0;
            case Var v -> 0;
            case Const c -> 0;
        };
    }

    static Set<Expr> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    private Set<Expr> reshapeStable(Rule r) {
        return shared.reshapeStable.computeIfAbsent(r.name() + "@" + depth, k -> identitySet());
    }

    /** Records the nodes of {@code e} not seen before as born now. */
    private void register(Expr e) {
        if (shared.stable.contains(e) || birth.putIfAbsent(e, sweeps) != null) return;
        for (Expr c : deriv.expr.Exprs.children(e)) register(c);
    }

    /**
     * Whether no local rule applies anywhere in {@code e}: it has been in the tree through a whole
     * cycle of local sweeps unchanged (a changed node gets a new identity, and a node once dropped
     * from the tree never comes back, as rules build only from the current tree). Known-stable
     * nodes are shared with trial runs: stability is a property of the node alone.
     */
    private boolean isStable(Expr e) {
        if (shared.stable.contains(e)) return true;
        Integer b = birth.get(e);
        if (b == null || sweeps - b < LOCAL.size()) return false;
        shared.stable.add(e);
        return true;
    }

    /** The node with each child replaced by {@code f(child)}; the same node (by reference) when none changed. */
    private static Expr mapChildren(Expr e, java.util.function.UnaryOperator<Expr> f) {
        return switch (e) {
            case Num n -> n;
            case Var v -> v;
            case Const c -> c;
            case Add a -> {
                List<Expr> ts = mapAll(a.terms(), f);
                yield ts == null ? a : add(ts);
            }
            case Mul m -> {
                List<Expr> fs = mapAll(m.factors(), f);
                yield fs == null ? m : mul(fs);
            }
            case Pow p -> {
                Expr b = f.apply(p.base()), x = f.apply(p.exp());
                yield b == p.base() && x == p.exp() ? p : new Pow(b, x);
            }
            case Call c -> {
                List<Expr> as = mapAll(c.args(), f);
                yield as == null ? c : new Call(c.fn(), as);
            }
            case Piecewise p -> {
                boolean changed = false;
                List<Branch> bs = new ArrayList<>(p.branches().size());
                for (Branch b : p.branches()) {
                    Cond c = b.cond();
                    Expr l = f.apply(c.left()), r = f.apply(c.right()), v = f.apply(b.value());
                    if (l != c.left() || r != c.right() || v != b.value()) {
                        changed = true;
                        bs.add(new Branch(new Cond(l, c.rel(), r), v));
                    } else {
                        bs.add(b);
                    }
                }
                Expr o = f.apply(p.otherwise());
                yield changed || o != p.otherwise() ? new Piecewise(bs, o) : p;
            }
            case Diff d -> {
                Expr b = f.apply(d.body());
                yield b == d.body() ? d : new Diff(b, d.var());
            }
        };
    }

    private static List<Expr> mapAll(List<Expr> xs, java.util.function.UnaryOperator<Expr> f) {
        List<Expr> out = null;
        for (int i = 0; i < xs.size(); i++) {
            Expr x = xs.get(i), y = f.apply(x);
            if (y != x && out == null) {
                out = new ArrayList<>(xs.size());
                out.addAll(xs.subList(0, i));
            }
            if (out != null) out.add(y);
        }
        return out;
    }

    // ------------------------------------------------------------------------------ trials

    /** Whether a reshaping rule may try {@code node}: within the trial depth, and not already rejected there. */
    boolean mayTry(String rule, Expr node) {
        return depth < shared.budget.maxTrialDepth() && !shared.exhausted && !rejected(rule).contains(node);
    }

    /** Remembers that {@code rule} does not help at {@code node}; returns null (no rewrite). */
    Expr reject(String rule, Expr node) {
        rejected(rule).add(node);
        return null;
    }

    private Set<Expr> rejected(String rule) {
        return shared.rejected.computeIfAbsent(rule, k -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /**
     * Simplifies {@code candidate} (a reshaped {@code node}) in a nested run and returns the result
     * when it is shorter than {@code node}, with {@code first} and the nested steps as the rewrite's
     * sub-steps; otherwise null.
     */
    Expr keepIfShorter(String rule, Expr node, Expr candidate, Step first) {
        Engine inner = new Engine(order, shared, depth + 1);
        Expr result = inner.run(candidate);
        if (Terms.size(result) >= Terms.size(node)) return reject(rule, node);
        List<Step> subs = new ArrayList<>();
        subs.add(first);
        subs.addAll(inner.steps);
        pending = subs;
        return result;
    }
}
