package deriv.cli;

import deriv.bench.Workbench;
import deriv.parse.DerivException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Runs the benchmark workloads in-process, with warm-up, and prints medians and spreads.",
                   "W1 LeakyReLU net: 4 partials, diff + simplify; W2 121-parameter MLP: gradient, DAG, compile, evaluate;",
                   "W3 10th derivatives; W4 logistic-map swell; W5 LaTeX of the W2 gradient (shared form).",
                   "scripts/bench_compare.py runs SymPy on the same workloads and prints ratios."})
final class BenchCommand extends BaseCommand implements Callable<Integer> {
    @Option(names = "--workload", paramLabel = "NAME", split = ",", description = "W1, W2, W3, W4, W5 (default: all)")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "7", description = "timed runs per figure (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Override public Integer call() {
        List<String> chosen = workloads.isEmpty() ? Workbench.NAMES : workloads.stream().map(String::toUpperCase).toList();
        for (String w : chosen) {
            if (!Workbench.NAMES.contains(w)) throw DerivException.general("unknown workload '" + w + "' (choose from " + String.join(", ", Workbench.NAMES) + ")");
        }
        if (runs < 1 || runs > 1000) throw DerivException.general("--runs must be from 1 to 1000");
        Workbench bench = new Workbench(runs, s -> err().println("bench: " + s));
        Map<String, Object> all = new LinkedHashMap<>();
        for (String w : chosen) {
            err().println("bench: " + w + " ...");
            long t0 = System.nanoTime();
            all.put(w, bench.run(w));
            err().printf("bench: %s done in %.1f s%n", w, (System.nanoTime() - t0) / 1e9);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", runs);
        json.put("java", System.getProperty("java.version"));
        json.put("workloads", all);
        if (format == Format.json) out().println(Json.write(json));
        else text(all);
        return 0;
    }

    private void text(Map<String, Object> all) {
        for (var w : all.entrySet()) {
            out().println(w.getKey());
            print((Map<?, ?>) w.getValue(), "  ");
        }
    }

    private void print(Map<?, ?> m, String indent) {
        for (var e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub && sub.containsKey("median")) {
                if ("1".equals(String.valueOf(sub.get("runs")))) {
                    out().printf("%s%-28s %s  (1 run)%n", indent, e.getKey(), secs(sub.get("median")));
                } else {
                    out().printf("%s%-28s median %s  (min %s, max %s, %s runs)%n", indent, e.getKey(), secs(sub.get("median")),
                        secs(sub.get("min")), secs(sub.get("max")), sub.get("runs"));
                }
            } else if (v instanceof Map<?, ?> sub) {
                out().println(indent + e.getKey());
                print(sub, indent + "  ");
            } else {
                String s = v instanceof Double d ? String.format("%.4g", d) : String.valueOf(v);
                out().printf("%s%-28s %s%n", indent, e.getKey(), s.length() > 120 ? s.substring(0, 117) + "..." : s);
            }
        }
    }

    private static String secs(Object o) {
        double s = (Double) o;
        if (s < 1e-3) return String.format("%.1f us", s * 1e6);
        if (s < 1) return String.format("%.2f ms", s * 1e3);
        return String.format("%.2f s", s);
    }
}
