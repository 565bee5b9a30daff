package deriv.bench;

import deriv.codegen.GradProgram;
import deriv.codegen.JvmCompiler;
import deriv.codegen.Workloads;
import deriv.expr.Definitions;
import deriv.expr.Exprs;
import java.util.ArrayList;
import java.util.List;

/** W2's operation counts and compiled shape, as one JSON line (read by scripts/codegen_bench.py). */
public final class CodegenFigures {
    private CodegenFigures() {}

    public static void main(String[] args) {
        Workloads.Mlp m = Workloads.mlpLoss();
        List<String> params = new ArrayList<>(m.params());
        params.addAll(m.inputs());
        long t0 = System.nanoTime();
        GradProgram p = GradProgram.of(m.loss(), Definitions.EMPTY, params, m.params());
        long t1 = System.nanoTime();
        JvmCompiler.Compiled c = JvmCompiler.compile(p);
        long t2 = System.nanoTime();
        System.out.printf("{\"lossNodes\": %d, \"lossOps\": %d, \"totalOps\": %d, \"params\": %d, \"methods\": %d, "
                + "\"interpreted\": %b, \"buildMs\": %.2f, \"compileMs\": %.2f}%n",
            Exprs.size(m.loss()), p.valueOps(), p.totalOps(), m.params().size(), c.methods(), c.interpreted(),
            (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}
