package deriv.codegen;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every emitted language compiled and run on the homework models, W2 and seeded random
 * expressions: values against the tree-walking evaluator, partials against the DAG interpreter,
 * both to 1e-12 relative. All Python cases run in one python3 process, all C in one gcc call, and
 * all Java classes compile in one in-process javac call (--release 17).
 */
class EmitterTest {
    private static final List<Cases.Case> CASES = new ArrayList<>();
    static {
        CASES.addAll(Cases.homework(3));
        CASES.add(Cases.w2(2));
        CASES.addAll(Cases.random(30, 3, 99));
    }

    @TempDir Path dir;

    private static String emit(Cases.Case c, Language lang, String cls) {
        return Emitter.emit(c.program(), lang, new Emitter.Options(false, cls, c.text()));
    }

    /** Checks one line of results: the value against the evaluator, the partials against the interpreter. */
    private static void check(Cases.Case c, double[] x, double value, double[] grad, String lang) {
        String where = lang + ", " + c.name() + " (" + c.text() + ") at " + Arrays.toString(x);
        assertTrue(Cases.close(c.evaluate(x), value, 1e-12), where + ": f = " + value + ", evaluator " + c.evaluate(x));
        double[] want = new double[c.program().wrt().size()];
        new DagInterpreter(c.program()).valueAndGradient(x, want);
        assertEquals(want.length, grad.length, where);
        for (int k = 0; k < want.length; k++) {
            assertTrue(Cases.close(want[k], grad[k], 1e-12),
                where + ": df/d" + c.program().wrt().get(k) + " = " + grad[k] + ", interpreter " + want[k]);
        }
    }

    private static double[] parseAll(String[] parts, int from) {
        double[] out = new double[parts.length - from];
        for (int i = from; i < parts.length; i++) out[i - from] = Toolchains.parse(parts[i]);
        return out;
    }

    @Test void python() throws IOException {
        assumeTrue(Toolchains.pythonWithNumpy(), "python3 with numpy is not installed: the Python emitter is not run");
        StringBuilder driver = new StringBuilder("import numpy as np\n");
        for (int i = 0; i < CASES.size(); i++) {
            Cases.Case c = CASES.get(i);
            Files.writeString(dir.resolve("m" + i + ".py"), emit(c, Language.PYTHON, null));
            driver.append("import m").append(i).append('\n');
            List<String> pts = new ArrayList<>();
            for (double[] x : c.points()) pts.add(pyList(x));
            driver.append("pts = [").append(String.join(", ", pts)).append("]\n");
            // one point at a time with floats, then all points at once as arrays
            driver.append("for j, p in enumerate(pts):\n")
                  .append("    print(").append(i).append(", j, 's', repr(float(m").append(i).append(".f(*p))), *[repr(float(g)) for g in m")
                  .append(i).append(".grad_f(*p)])\n");
            driver.append("cols = [np.array(col) for col in zip(*pts)]\n")
                  .append("vs = m").append(i).append(".f(*cols)\n")
                  .append("gs = m").append(i).append(".grad_f(*cols)\n")
                  .append("assert vs.shape == (len(pts),), vs.shape\n")
                  .append("assert all(g.shape == (len(pts),) for g in gs)\n")
                  .append("for j in range(len(pts)):\n")
                  .append("    print(").append(i).append(", j, 'v', repr(float(vs[j])), *[repr(float(g[j])) for g in gs])\n");
        }
        Files.writeString(dir.resolve("driver.py"), driver);
        String out = Toolchains.check(dir, "python3", "driver.py");
        int lines = 0;
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split(" ");
            Cases.Case c = CASES.get(Integer.parseInt(parts[0]));
            double[] x = c.points().get(Integer.parseInt(parts[1]));
            check(c, x, Toolchains.parse(parts[3]), parseAll(parts, 4), "python " + parts[2]);
            lines++;
        }
        assertEquals(2 * CASES.stream().mapToInt(c -> c.points().size()).sum(), lines);
    }

    private static String pyList(double[] x) {
        List<String> s = new ArrayList<>();
        for (double v : x) s.add(Double.toString(v));
        return "[" + String.join(", ", s) + "]";
    }

    @Test void pythonBroadcastsScalarsAgainstArrays() throws IOException {
        assumeTrue(Toolchains.pythonWithNumpy(), "python3 with numpy is not installed: the Python emitter is not run");
        Cases.Case c = Cases.homework(3).getFirst();
        Files.writeString(dir.resolve("m.py"), emit(c, Language.PYTHON, null));
        // W2 a scalar, the rest arrays of 3: every result has the shape (3,); all scalars give floats
        String script = """
            import numpy as np
            import m
            v = m.f(0.5, np.array([0.1, 0.2, 0.3]), np.array([1.0, -1.0, 2.0]), np.zeros(3), np.ones(3))
            g = m.grad_f(0.5, np.array([0.1, 0.2, 0.3]), np.array([1.0, -1.0, 2.0]), np.zeros(3), np.ones(3))
            assert v.shape == (3,) and all(x.shape == (3,) for x in g), (v, g)
            s = m.f(0.5, 0.1, 1.0, 0.0, 1.0)
            assert np.ndim(s) == 0 and isinstance(float(s), float)
            assert all(np.ndim(x) == 0 for x in m.grad_f(0.5, 0.1, 1, 0, 1))
            print("ok")
            """;
        Files.writeString(dir.resolve("bc.py"), script);
        assertEquals("ok", Toolchains.check(dir, "python3", "bc.py").strip());
    }

    @Test void c() throws IOException {
        assumeTrue(Toolchains.onPath("gcc"), "gcc is not installed: the C emitter is not run");
        StringBuilder driver = new StringBuilder("#include <stdio.h>\n");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < CASES.size(); i++) {
            Cases.Case c = CASES.get(i);
            Files.writeString(dir.resolve("g" + i + ".c"), emit(c, Language.C, null));
            // one translation unit: each file's f and grad_f renamed by the preprocessor
            driver.append("#define f f_").append(i).append("\n#define grad_f grad_f_").append(i).append('\n')
                  .append("#include \"g").append(i).append(".c\"\n#undef f\n#undef grad_f\n");
            int m = c.program().wrt().size();
            for (int j = 0; j < c.points().size(); j++) {
                String args = cArgs(c.points().get(j));
                body.append("    {\n        double g[").append(m + 1).append("];\n")
                    .append("        printf(\"").append(i).append(' ').append(j).append(" c %.17g\", f_").append(i).append('(').append(args).append("));\n")
                    .append("        grad_f_").append(i).append('(').append(args).append(args.isEmpty() ? "" : ", ").append("g);\n")
                    .append("        for (int k = 0; k < ").append(m).append("; k++) printf(\" %.17g\", g[k]);\n")
                    .append("        printf(\"\\n\");\n    }\n");
            }
        }
        driver.append("\nint main(void)\n{\n").append(body).append("    return 0;\n}\n");
        Files.writeString(dir.resolve("driver.c"), driver);
        Toolchains.check(dir, "gcc", "-std=c99", "-pedantic", "-Wall", "-Werror", "-O1", "-o", "driver", "driver.c", "-lm");
        String out = Toolchains.check(dir, dir.resolve("driver").toString());
        int lines = 0;
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split(" ");
            Cases.Case c = CASES.get(Integer.parseInt(parts[0]));
            check(c, c.points().get(Integer.parseInt(parts[1])), Toolchains.parse(parts[3]), parseAll(parts, 4), "c");
            lines++;
        }
        assertEquals(CASES.stream().mapToInt(c -> c.points().size()).sum(), lines);
    }

    private static String cArgs(double[] x) {
        List<String> s = new ArrayList<>();
        for (double v : x) s.add(Double.toString(v));
        return String.join(", ", s);
    }

    @Test void java() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no Java compiler in this runtime: the Java emitter is not compiled");
        List<String> files = new ArrayList<>(List.of("--release", "17", "-d", dir.toString()));
        for (int i = 0; i < CASES.size(); i++) {
            Path src = dir.resolve("Gen" + i + ".java");
            Files.writeString(src, emit(CASES.get(i), Language.JAVA, "Gen" + i));
            files.add(src.toString());
        }
        var err = new java.io.ByteArrayOutputStream();
        int code = javac.run(null, null, err, files.toArray(new String[0]));
        assertEquals(0, code, err.toString());
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
            for (int i = 0; i < CASES.size(); i++) {
                Cases.Case c = CASES.get(i);
                Class<?> cls = loader.loadClass("Gen" + i);
                int n = c.program().params().size();
                boolean array = n > JavaEmitter.MAX_PARAMS;
                Class<?>[] types = new Class<?>[array ? 1 : n];
                Arrays.fill(types, array ? double[].class : double.class);
                Method f = cls.getMethod("f", types), g = cls.getMethod("gradF", types);
                for (double[] x : c.points()) {
                    Object[] args = array ? new Object[] {x} : Arrays.stream(x).boxed().toArray();
                    check(c, x, (double) f.invoke(null, args), (double[]) g.invoke(null, args), "java");
                }
            }
        }
    }

    /** A body too large for one Java method is split into several, with temporaries in an array. */
    @Test void largeJavaIsSplitIntoMethods() throws Exception {
        Workloads.Mlp m = Workloads.mlp(4, 12, 12);
        List<String> params = new ArrayList<>(m.params());
        params.addAll(m.inputs());
        GradProgram p = GradProgram.of(m.loss(), deriv.expr.Definitions.EMPTY, params, m.params());
        Cases.Case c = new Cases.Case("mlp 6-24-24", "", m.loss(), deriv.expr.Definitions.EMPTY, p,
            Cases.points(m.loss(), deriv.expr.Definitions.EMPTY, p, 2, 9));
        String text;
        int saved = JavaEmitter.maxChars;
        try {
            JavaEmitter.maxChars = 2000;
            text = Emitter.emit(p, Language.JAVA, new Emitter.Options(true, "Big", "mlp"));
        } finally {
            JavaEmitter.maxChars = saved;
        }
        assertTrue(text.contains("private static void gradFPart1(double[] v, double[] t)"), "split into parts");
        Path src = dir.resolve("Big.java");
        Files.writeString(src, text);
        var err = new java.io.ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, err, "--release", "17", "-d", dir.toString(), src.toString()),
            err.toString());
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
            Class<?> cls = loader.loadClass("Big");
            Method f = cls.getMethod("f", double[].class), g = cls.getMethod("gradF", double[].class);
            for (double[] x : c.points()) check(c, x, (double) f.invoke(null, (Object) x), (double[]) g.invoke(null, (Object) x), "java split");
        }
    }

    // ------------------------------------------------------------------ --main programs, names

    /** Variables named like keywords, builtins, macros and the generated code's own names. */
    static final String HOSTILE = "class*lambda + int^2 - main/(1 + np^2) + sin(math)*f + grad_f*out + unix*NULL"
        + " + t0*v + args - given + Math*names + _arrays*sys + class_*print + double*argv + EOF*INFINITY + M_PI*x_";

    private Map<String, Double> hostilePoint(GradProgram p) {
        Map<String, Double> at = new HashMap<>();
        int k = 0;
        for (String v : p.params()) at.put(v, 0.25 + 0.125 * k++);
        return at;
    }

    /** Runs a --main program with NAME=VALUE arguments and checks every printed line. */
    private void checkMain(Language lang, Cases.Case c, Map<String, Double> at) throws IOException {
        GradProgram p = c.program();
        String text = Emitter.emit(p, lang, new Emitter.Options(true, "Gen", c.text()));
        List<String> args = new ArrayList<>();
        for (String v : p.params()) args.add(v + "=" + at.get(v));
        List<String> cmd = new ArrayList<>();
        switch (lang) {
            case PYTHON -> {
                Files.writeString(dir.resolve("gen.py"), text);
                cmd.addAll(List.of("python3", "gen.py"));
            }
            case C -> {
                Files.writeString(dir.resolve("gen.c"), text);
                Toolchains.check(dir, "gcc", "-O2", "-Wall", "-Werror", "-o", "gen", "gen.c", "-lm");
                cmd.add(dir.resolve("gen").toString());
            }
            case JAVA -> {
                // compiled here (as Java 17) rather than by the source launcher: one JVM start less per run
                Files.writeString(dir.resolve("Gen.java"), text);
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                var err = new java.io.ByteArrayOutputStream();
                assertEquals(0, javac.run(null, null, err, "--release", "17", "-d", dir.toString(), dir.resolve("Gen.java").toString()), err.toString());
                cmd.addAll(List.of(Toolchains.java(), "-cp", dir.toString(), "Gen"));
            }
        }
        cmd.addAll(args);
        String out = Toolchains.check(dir, cmd.toArray(new String[0]));
        double[] x = new double[p.params().size()];
        for (int i = 0; i < x.length; i++) x[i] = at.get(p.params().get(i));
        Map<String, Double> printed = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.split(" = ");
            printed.put(kv[0].strip(), Toolchains.parse(kv[1]));
        }
        double[] grad = new double[p.wrt().size()];
        for (int k = 0; k < grad.length; k++) {
            Double g = printed.get("df/d" + p.wrt().get(k));
            assertNotNull(g, lang + ": no line for df/d" + p.wrt().get(k) + " in\n" + out);
            grad[k] = g;
        }
        assertEquals(1 + grad.length, printed.size(), out);
        check(c, x, printed.get("f"), grad, lang + " --main");
        // a missing or unknown name is an error (exit 2), not a crash or a wrong answer
        List<String> bad = new ArrayList<>(cmd.subList(0, cmd.size() - args.size()));
        bad.add("nosuchname=1");
        assertEquals(2, Toolchains.run(dir, bad).exit(), lang + " with an unknown name");
    }

    @Test void mainProgramsWithHostileNames() throws IOException {
        Cases.Case hostile = Cases.of("hostile names", HOSTILE, null, 0, 1);
        if (Toolchains.pythonWithNumpy()) checkMain(Language.PYTHON, hostile, hostilePoint(hostile.program()));
        if (Toolchains.onPath("gcc")) checkMain(Language.C, hostile, hostilePoint(hostile.program()));
        checkMain(Language.JAVA, hostile, hostilePoint(hostile.program()));
    }

    @Test void hostileNamesAreRenamedInEachLanguage() {
        List<String> names = List.of("class", "lambda", "int", "main", "np", "math", "f", "grad_f", "out", "class_", "x");
        for (Language l : Language.values()) {
            Map<String, String> ids = Names.assign(l, names, java.util.Set.of());
            assertEquals(names.size(), new java.util.HashSet<>(ids.values()).size(), l + ": identifiers are distinct " + ids);
            for (String n : List.of("main", "f", "grad_f", "out")) assertNotEquals(n, ids.get(n), l + " " + n);
            assertEquals("x", ids.get("x"));
            assertEquals("class_", ids.get("class_"), l + ": a harmless name keeps its spelling");
        }
        assertEquals("np_", Names.assign(Language.PYTHON, List.of("np"), java.util.Set.of()).get("np"));
        assertEquals("np", Names.assign(Language.C, List.of("np"), java.util.Set.of()).get("np"));
        assertEquals("v_x", Names.assign(Language.C, List.of("_x"), java.util.Set.of()).get("_x"));
        assertEquals("_u00e9", Names.assign(Language.JAVA, List.of("é"), java.util.Set.of()).get("é"));
    }
}
