package deriv.codegen;

import deriv.codegen.Dag.Op;
import java.util.Arrays;

/**
 * How a part of the DAG becomes straight-line code: which nodes get a temporary (they are shared,
 * are outputs, must be atoms, or end a long chain) and which are written inline into their one
 * consumer. Shared by the bytecode compiler and the source emitters.
 */
final class Lowering {
    /** What a target needs. */
    record Target(boolean inputsInTemps, boolean rootsInTemps, int maxDepth, ArgRule atomArgs) {}

    /** True when argument {@code i} of node {@code id} must be an atom (a name or a literal). */
    @FunctionalInterface interface ArgRule { boolean atom(Dag dag, int id, int i); }

    final Dag dag;
    final int[] roots;
    /** Reachable nodes, ascending. */
    final int[] sched;
    /** Indexed by node id. */
    final int[] uses;
    final boolean[] temp;

    Lowering(Dag dag, int[] roots, Target target) {
        this.dag = dag;
        this.roots = roots.clone();
        this.sched = dag.schedule(roots);
        int n = dag.size();
        uses = new int[n];
        temp = new boolean[n];
        boolean[] isRoot = new boolean[n];
        for (int id : sched) for (int a : dag.node(id).args()) uses[a]++;
        for (int r : roots) { uses[r]++; isRoot[r] = true; }
        for (int id : sched) {
            Op op = dag.op(id);
            switch (op) {
                case CONST, CMP -> temp[id] = false;
                case INPUT -> temp[id] = target.inputsInTemps() && (uses[id] > 1 || isRoot[id] && target.rootsInTemps());
                default -> temp[id] = uses[id] > 1 || isRoot[id] && target.rootsInTemps();
            }
        }
        for (int id : sched) {
            int[] args = dag.node(id).args();
            // a comparison is written at each of its uses, so its operands must not be recomputed
            if (dag.op(id) == Op.CMP && uses[id] > 1) for (int a : args) force(a);
            for (int i = 0; i < args.length; i++) {
                if (target.atomArgs() != null && target.atomArgs().atom(dag, id, i)) force(args[i]);
            }
        }
        int[] depth = new int[n];
        for (int id : sched) {
            int d = 0;
            for (int a : dag.node(id).args()) if (!temp[a]) d = Math.max(d, depth[a]);
            d++;
            if (d > target.maxDepth()) {
                if (dag.op(id) == Op.CMP) {
                    for (int a : dag.node(id).args()) force(a);
                    d = 1;
                } else if (dag.op(id) != Op.CONST && dag.op(id) != Op.INPUT) {
                    temp[id] = true;
                }
            }
            depth[id] = temp[id] ? 0 : d;
        }
    }

    private void force(int id) {
        Op op = dag.op(id);
        if (op != Op.CONST && op != Op.INPUT && op != Op.CMP) temp[id] = true;
    }

    /** A literal, an input, or a node with a temporary. */
    boolean isAtom(int id) {
        Op op = dag.op(id);
        return op == Op.CONST || op == Op.INPUT || temp[id];
    }

    /** The nodes with temporaries, ascending (the order of the statements). */
    int[] temps() {
        return Arrays.stream(sched).filter(id -> temp[id]).toArray();
    }
}
