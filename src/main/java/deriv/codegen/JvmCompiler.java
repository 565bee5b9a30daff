package deriv.codegen;

import static java.lang.constant.ConstantDescs.*;

import deriv.codegen.Dag.Node;
import deriv.codegen.Dag.Op;
import deriv.expr.Expr.Num;
import deriv.expr.Expr.Rel;
import deriv.expr.Fn;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link GradProgram} to a hidden class implementing {@link CompiledFunction}
 * ({@code java.lang.classfile} plus {@code Lookup.defineHiddenClass}), so that calls are ordinary
 * interface calls the JIT inlines and compiles like hand-written code.
 *
 * <p>Straight-line code with shared values in locals and single-use values left on the operand
 * stack. HotSpot does not JIT-compile a method of more than 8,000 bytes of bytecode, and no method
 * may exceed 64 KB, so a large program is split into static methods that pass values through a
 * scratch array. Where no split works the result is the {@link DagInterpreter}, and the
 * {@link Compiled} result says so and why.
 */
public final class JvmCompiler {
    private JvmCompiler() {}

    /** The evaluator and how it was obtained. */
    public record Compiled(CompiledFunction function, GradProgram program, boolean interpreted, String reason, int methods) {}

    /** Bytecode size HotSpot still compiles (its HugeMethodLimit is 8,000). */
    static final int JIT_LIMIT = 7_999;
    private static final int MAX_DEPTH = 48;
    private static final int MIN_CHUNK = 16;

    private static final ClassDesc CD_FN = ClassDesc.of("deriv.codegen.CompiledFunction");
    private static final ClassDesc CD_BUILTINS = ClassDesc.of("deriv.codegen.Builtins");
    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final ClassDesc CD_SELF = ClassDesc.of("deriv.codegen.Generated");
    private static final ClassDesc CD_DARR = CD_double.arrayType();
    private static final MethodTypeDesc D_D = MethodTypeDesc.of(CD_double, CD_double);
    private static final MethodTypeDesc D_DD = MethodTypeDesc.of(CD_double, CD_double, CD_double);
    private static final MethodTypeDesc VALUE = MethodTypeDesc.of(CD_double, CD_DARR);
    private static final MethodTypeDesc VALUE_GRAD = MethodTypeDesc.of(CD_double, CD_DARR, CD_DARR);
    private static final MethodTypeDesc BATCH = MethodTypeDesc.of(CD_void, CD_DARR.arrayType(), CD_DARR, CD_DARR.arrayType());
    private static final MethodTypeDesc CHUNK = MethodTypeDesc.of(CD_void, CD_DARR, CD_DARR, CD_DARR);

    private static final Map<String, String> MATH = Map.ofEntries(
        Map.entry("sin", "sin"), Map.entry("cos", "cos"), Map.entry("tan", "tan"), Map.entry("asin", "asin"),
        Map.entry("acos", "acos"), Map.entry("atan", "atan"), Map.entry("sinh", "sinh"), Map.entry("cosh", "cosh"),
        Map.entry("tanh", "tanh"), Map.entry("exp", "exp"), Map.entry("sqrt", "sqrt"), Map.entry("ln", "log"),
        Map.entry("abs", "abs"), Map.entry("sign", "signum"));
    private static final Map<String, String> MATH2 = Map.of("min", "min", "max", "max");
    private static final Map<String, String> HELPERS = Map.of(
        "sigmoid", "sigmoid", "softplus", "softplus", "relu", "relu", "sec", "sec", "csc", "csc", "cot", "cot");
    private static final Map<String, String> HELPERS2 = Map.of("LeakyReLU", "leakyRelu");

    public static Compiled compile(GradProgram p) { return compile(p, Integer.MAX_VALUE); }

    /**
     * Compiles with at most {@code maxOps} operations per method at first (tests use a small value
     * to exercise splitting), halving it while a method is too large for the JIT; the interpreter
     * when no split can be built or loaded.
     */
    public static Compiled compile(GradProgram p, int maxOps) {
        // a class holds at most 65,535 constants, and each double literal takes two
        long literals = Arrays.stream(p.dag().schedule(p.roots())).filter(p.dag()::isConst)
            .mapToDouble(p.dag()::constValue).distinct().count();
        if (literals > 30_000) {
            return new Compiled(new DagInterpreter(p), p, true, "the program has " + literals
                + " distinct constants, more than one class file can hold; using the DAG interpreter", 0);
        }
        String problem = null;
        for (int limit = maxOps; ; limit = limit == Integer.MAX_VALUE ? 4_000 : Math.max(MIN_CHUNK, limit / 2)) {
            try {
                byte[] bytes = build(p, limit);
                int[] sizes = codeSizes(bytes);
                int largest = Arrays.stream(sizes).max().orElse(0);
                if (largest <= JIT_LIMIT || limit <= MIN_CHUNK) {
                    String note = largest <= JIT_LIMIT ? null : "a method has " + largest
                        + " bytes of bytecode, more than HotSpot JIT-compiles (8,000): it runs in the JVM's interpreter";
                    return new Compiled(define(bytes), p, false, note, sizes.length);
                }
            } catch (RuntimeException | LinkageError e) {
                problem = e.toString();
            }
            if (limit <= MIN_CHUNK) break;
        }
        return new Compiled(new DagInterpreter(p), p, true,
            "the bytecode compiler could not build this program (" + problem + "); using the DAG interpreter", 0);
    }

    private static int[] codeSizes(byte[] bytes) {
        ClassModel cm = ClassFile.of().parse(bytes);
        List<Integer> sizes = new ArrayList<>();
        for (MethodModel m : cm.methods()) {
            m.code().ifPresent(c -> sizes.add(((CodeAttribute) c).codeLength()));
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static CompiledFunction define(byte[] bytes) {
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (CompiledFunction) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    // ------------------------------------------------------------------ class layout

    private static byte[] build(GradProgram p, int maxOps) {
        Dag dag = p.dag();
        Lowering.Target target = new Lowering.Target(true, true, MAX_DEPTH, null);
        Lowering valueLow = new Lowering(dag, new int[] {p.value()}, target);
        Lowering fullLow = new Lowering(dag, p.roots(), target);
        int[] paramOf = new int[dag.size()];
        for (int id : fullLow.sched) if (dag.op(id) == Op.INPUT) paramOf[id] = p.paramIndex(id);
        Plan valuePlan = new Plan(p, valueLow, paramOf, false, maxOps, "v");
        Plan fullPlan = new Plan(p, fullLow, paramOf, true, maxOps, "g");
        return ClassFile.of().build(CD_SELF, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            cb.withInterfaceSymbols(CD_FN);
            cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
                cob -> cob.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_());
            cb.withMethodBody("value", VALUE, ClassFile.ACC_PUBLIC, cob -> valuePlan.emitEntry(cob));
            cb.withMethodBody("valueAndGradient", VALUE_GRAD, ClassFile.ACC_PUBLIC, cob -> fullPlan.emitEntry(cob));
            for (Plan plan : List.of(valuePlan, fullPlan)) {
                if (plan.chunks.size() == 1) continue;
                for (int c = 0; c < plan.chunks.size(); c++) {
                    int chunk = c;
                    cb.withMethodBody(plan.prefix + c, CHUNK, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC,
                        cob -> plan.emitChunk(cob, chunk, 0, 1, 2, 3));
                }
            }
            cb.withMethodBody("batch", BATCH, ClassFile.ACC_PUBLIC, JvmCompiler::emitBatch);
        });
    }

    // for each i: values[i] = grads == null ? value(points[i]) : valueAndGradient(points[i], grads[i])
    private static void emitBatch(CodeBuilder cob) {
        Label loop = cob.newLabel(), end = cob.newLabel(), noGrad = cob.newLabel(), next = cob.newLabel();
        cob.aload(1).arraylength().istore(5);
        cob.iconst_0().istore(4);
        cob.labelBinding(loop);
        cob.iload(4).iload(5).if_icmpge(end);
        cob.aload(3).ifnull(noGrad);
        cob.aload(2).iload(4).aload(0).aload(1).iload(4).aaload().aload(3).iload(4).aaload();
        cob.invokevirtual(CD_SELF, "valueAndGradient", VALUE_GRAD).dastore();
        cob.goto_(next);
        cob.labelBinding(noGrad);
        cob.aload(2).iload(4).aload(0).aload(1).iload(4).aaload();
        cob.invokevirtual(CD_SELF, "value", VALUE).dastore();
        cob.labelBinding(next);
        cob.iinc(4, 1).goto_(loop);
        cob.labelBinding(end);
        cob.return_();
    }

    // ------------------------------------------------------------------ one method's code

    /**
     * The code of {@code value} or {@code valueAndGradient}: the nodes with temporaries in order,
     * cut into chunks; values crossing chunks go through a scratch array.
     */
    private static final class Plan {
        final GradProgram p;
        final Dag dag;
        final Lowering low;
        final int[] paramOf;
        final boolean withGrad;
        final String prefix;
        final List<int[]> chunks = new ArrayList<>();
        final int[] chunkOf;
        final int[] crossIndex;
        int crossCount;
        // gradient outputs by node: written as soon as the node is computed
        final Map<Integer, List<Integer>> outputsOf = new java.util.HashMap<>();

        Plan(GradProgram p, Lowering low, int[] paramOf, boolean withGrad, int maxOps, String prefix) {
            this.p = p;
            this.dag = p.dag();
            this.low = low;
            this.paramOf = paramOf;
            this.withGrad = withGrad;
            this.prefix = prefix;
            int n = dag.size();
            chunkOf = new int[n];
            Arrays.fill(chunkOf, -1);
            crossIndex = new int[n];
            Arrays.fill(crossIndex, -1);
            if (withGrad) {
                for (int k = 0; k < p.wrt().size(); k++) outputsOf.computeIfAbsent(p.gradient(k), x -> new ArrayList<>()).add(k);
            }
            // cut the temporaries into chunks of at most maxOps inline operations
            List<Integer> current = new ArrayList<>();
            long ops = 0;
            for (int id : low.temps()) {
                int size = inlineSize(id);
                if (!current.isEmpty() && ops + size > maxOps) {
                    chunks.add(current.stream().mapToInt(Integer::intValue).toArray());
                    current = new ArrayList<>();
                    ops = 0;
                }
                current.add(id);
                ops += size;
            }
            chunks.add(current.stream().mapToInt(Integer::intValue).toArray());
            for (int c = 0; c < chunks.size(); c++) for (int id : chunks.get(c)) chunkOf[id] = c;
            if (chunks.size() > 1) {
                // a value read in a later chunk, or returned, goes through the scratch array
                for (int c = 0; c < chunks.size(); c++) {
                    for (int id : chunks.get(c)) markReads(id, c);
                }
                int v = p.value();
                if (low.temp[v] && crossIndex[v] < 0) crossIndex[v] = crossCount++;
            }
        }

        private int inlineSize(int id) {
            int s = 1;
            for (int a : dag.node(id).args()) if (!low.temp[a]) s += inlineSize(a);
            return s;
        }

        private void markReads(int id, int chunk) {
            for (int a : dag.node(id).args()) {
                if (low.temp[a]) {
                    if (chunkOf[a] != chunk && crossIndex[a] < 0) crossIndex[a] = crossCount++;
                } else {
                    markReads(a, chunk);
                }
            }
        }

        /** The interface method: one chunk inline, or a scratch array and calls of the chunk methods. */
        void emitEntry(CodeBuilder cob) {
            int gradSlot = withGrad ? 2 : -1;
            int first = withGrad ? 3 : 2;
            if (withGrad) writeConstantOutputs(cob, gradSlot);
            int v = p.value();
            if (chunks.size() == 1) {
                ChunkWriter w = new ChunkWriter(this, cob, 1, gradSlot, -1, first);
                w.emitChunk(0);
                if (low.temp[v]) cob.dload(w.slot[v]); else w.push(v);
                cob.dreturn();
                return;
            }
            int tSlot = first;
            cob.loadConstant(crossCount).newarray(TypeKind.DOUBLE).astore(tSlot);
            for (int c = 0; c < chunks.size(); c++) {
                cob.aload(1);
                if (withGrad) cob.aload(2); else cob.aconst_null();
                cob.aload(tSlot);
                cob.invokestatic(CD_SELF, prefix + c, CHUNK);
            }
            if (low.temp[v]) cob.aload(tSlot).loadConstant(crossIndex[v]).daload();
            else new ChunkWriter(this, cob, 1, -1, -1, first + 1).push(v);
            cob.dreturn();
        }

        void emitChunk(CodeBuilder cob, int chunk, int xSlot, int gradSlot, int tSlot, int first) {
            new ChunkWriter(this, cob, xSlot, withGrad ? gradSlot : -1, tSlot, first).emitChunk(chunk);
            cob.return_();
        }

        // gradient entries that are constants (every other root has a temporary and is written when computed)
        private void writeConstantOutputs(CodeBuilder cob, int gradSlot) {
            for (int k = 0; k < p.wrt().size(); k++) {
                int g = p.gradient(k);
                if (!low.temp[g]) {
                    cob.aload(gradSlot).loadConstant(k);
                    new ChunkWriter(this, cob, 1, gradSlot, -1, 0).push(g);
                    cob.dastore();
                }
            }
        }
    }

    /** Writes the statements of one chunk: computes each temporary, stores it, frees dead slots. */
    private static final class ChunkWriter {
        final Plan plan;
        final Dag dag;
        final Lowering low;
        final CodeBuilder cob;
        final int xSlot, gradSlot, tSlot, first;
        final int[] slot;
        final int[] lastUse;
        int chunk;

        ChunkWriter(Plan plan, CodeBuilder cob, int xSlot, int gradSlot, int tSlot, int first) {
            this.plan = plan;
            this.dag = plan.dag;
            this.low = plan.low;
            this.cob = cob;
            this.xSlot = xSlot;
            this.gradSlot = gradSlot;
            this.tSlot = tSlot;
            this.first = first;
            this.slot = new int[dag.size()];
            Arrays.fill(slot, -1);
            this.lastUse = new int[dag.size()];
        }

        void emitChunk(int c) {
            chunk = c;
            int[] ids = plan.chunks.get(c);
            for (int pos = 0; pos < ids.length; pos++) markLastUse(ids[pos], pos);
            // in a single method the value is returned after the last statement
            if (plan.chunks.size() == 1 && low.temp[plan.p.value()]) lastUse[plan.p.value()] = Integer.MAX_VALUE;
            List<List<Integer>> freeAt = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) freeAt.add(new ArrayList<>());
            for (int id : ids) if (lastUse[id] < ids.length) freeAt.get(lastUse[id]).add(id);
            java.util.BitSet used = new java.util.BitSet();
            for (int pos = 0; pos < ids.length; pos++) {
                int id = ids[pos];
                compute(id);
                // operands read for the last time here: their slots can take this value
                for (int dead : freeAt.get(pos)) if (dead != id) used.clear((slot[dead] - first) / 2);
                int s = used.nextClearBit(0);
                used.set(s);
                slot[id] = first + 2 * s;
                cob.dstore(slot[id]);
                if (tSlot >= 0 && plan.crossIndex[id] >= 0) {
                    cob.aload(tSlot).loadConstant(plan.crossIndex[id]).dload(slot[id]).dastore();
                }
                List<Integer> outs = plan.outputsOf.get(id);
                if (outs != null && gradSlot >= 0) {
                    for (int k : outs) cob.aload(gradSlot).loadConstant(k).dload(slot[id]).dastore();
                }
                if (lastUse[id] == pos) used.clear(s);
            }
        }

        private void markLastUse(int id, int pos) {
            lastUse[id] = Math.max(lastUse[id], pos);
            markOperands(id, pos);
        }

        private void markOperands(int id, int pos) {
            for (int a : dag.node(id).args()) {
                if (low.temp[a]) {
                    if (plan.chunkOf[a] == chunk) lastUse[a] = Math.max(lastUse[a], pos);
                } else {
                    markOperands(a, pos);
                }
            }
        }

        /** Pushes a node's value: a temporary's load, or its computation written inline. */
        void push(int id) {
            if (low.temp[id]) {
                if (slot[id] >= 0) cob.dload(slot[id]);
                else if (tSlot >= 0 && plan.crossIndex[id] >= 0) cob.aload(tSlot).loadConstant(plan.crossIndex[id]).daload();
                else throw new IllegalStateException("node " + id + " read before it is computed");
                return;
            }
            compute(id);
        }

        private void compute(int id) {
            Node n = dag.node(id);
            int[] a = n.args();
            switch (n.op()) {
                case CONST -> cob.loadConstant((double) (Double) n.payload());
                case INPUT -> cob.aload(xSlot).loadConstant(plan.paramOf[id]).daload();
                case ADD -> { push(a[0]); push(a[1]); cob.dadd(); }
                case SUB -> { push(a[0]); push(a[1]); cob.dsub(); }
                case MUL -> { push(a[0]); push(a[1]); cob.dmul(); }
                case DIV -> { push(a[0]); push(a[1]); cob.ddiv(); }
                case NEG -> { push(a[0]); cob.dneg(); }
                case POWC -> {
                    Num k = (Num) n.payload();
                    push(a[0]);
                    cob.loadConstant(k.toDouble());
                    if (!k.isInteger() && k.den().testBit(0) && k.den().bitLength() < 31) {
                        cob.loadConstant(1).loadConstant(k.num().testBit(0) ? 1 : 0);
                        cob.invokestatic(CD_BUILTINS, "powOdd", MethodTypeDesc.of(CD_double, CD_double, CD_double, CD_boolean, CD_boolean));
                    } else {
                        cob.invokestatic(CD_MATH, "pow", D_DD);
                    }
                }
                case POW -> { push(a[0]); push(a[1]); cob.invokestatic(CD_MATH, "pow", D_DD); }
                case CALL -> call((Fn) n.payload(), a);
                case CMP -> throw new IllegalStateException("a comparison outside a select");
                case SELECT -> select(a);
            }
        }

        private void call(Fn fn, int[] a) {
            String name = fn.name();
            if (a.length == 1 && MATH.containsKey(name)) {
                push(a[0]);
                cob.invokestatic(CD_MATH, MATH.get(name), D_D);
            } else if (a.length == 2 && MATH2.containsKey(name)) {
                push(a[0]); push(a[1]);
                cob.invokestatic(CD_MATH, MATH2.get(name), D_DD);
            } else if (a.length == 1 && HELPERS.containsKey(name)) {
                push(a[0]);
                cob.invokestatic(CD_BUILTINS, HELPERS.get(name), D_D);
            } else if (a.length == 2 && HELPERS2.containsKey(name)) {
                push(a[0]); push(a[1]);
                cob.invokestatic(CD_BUILTINS, HELPERS2.get(name), D_DD);
            } else {
                // a built-in without a helper: through its table entry
                cob.loadConstant(name);
                cob.loadConstant(a.length).newarray(TypeKind.DOUBLE);
                for (int i = 0; i < a.length; i++) {
                    cob.dup().loadConstant(i);
                    push(a[i]);
                    cob.dastore();
                }
                cob.invokestatic(CD_BUILTINS, "apply", MethodTypeDesc.of(CD_double, CD_String, CD_DARR));
            }
        }

        // cond ? a : b, with the comparison's NaN meaning: false
        private void select(int[] a) {
            Node c = dag.node(a[0]);
            Label otherwise = cob.newLabel(), end = cob.newLabel();
            push(c.arg(0));
            push(c.arg(1));
            switch ((Rel) c.payload()) {
                case GT -> cob.dcmpl().ifle(otherwise);
                case GE -> cob.dcmpl().iflt(otherwise);
                case LT -> cob.dcmpg().ifge(otherwise);
                case LE -> cob.dcmpg().ifgt(otherwise);
            }
            push(a[1]);
            cob.goto_(end);
            cob.labelBinding(otherwise);
            push(a[2]);
            cob.labelBinding(end);
        }
    }
}
