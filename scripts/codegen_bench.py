#!/usr/bin/env python3
"""W2 evaluation benchmark: deriv's compiled evaluators against hand-written Java and SymPy.

Run from the project root:   python3 scripts/codegen_bench.py [--build DIR] [--quick]

In one run it
  1. builds deriv and its tests into DIR (default target-bench: no clash with other builds),
  2. prints W2's operation counts (deriv.bench.CodegenFigures),
  3. runs the JMH benchmark deriv.bench.CodegenBench: the compiled evaluator (a hidden class),
     a hand-written Java backward pass, the DAG interpreter and the tree-walking Evaluator,
  4. times SymPy: diff of the loss by all 121 parameters, cse, lambdify(numpy, cse=True), and the
     vectorised evaluation of loss and loss+gradient on 10,000 points (median of 5 runs),
  5. times deriv's own emitted NumPy code (deriv codegen --lang python) on the same points,
and prints a Markdown table (also written to DIR/codegen_bench.md). W2 is BASELINES.md's MLP:
4 -> 8 sigmoid -> 8 tanh -> 1, loss (out - y)^2, 121 parameters; the expression is built here the
way deriv.codegen.Workloads.mlpLoss() builds it.
"""
import argparse
import glob
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import time

import numpy as np
import sympy as sp

N_IN, H1, H2 = 4, 8, 8
POINTS = 10_000


def java_home():
    if os.environ.get("JAVA_HOME") and "25" in os.environ["JAVA_HOME"]:
        return os.environ["JAVA_HOME"]
    for d in sorted(glob.glob("/usr/lib/jvm/*25*")):
        if os.path.exists(os.path.join(d, "bin", "java")):
            return d
    sys.exit("no JDK 25 found: set JAVA_HOME")


def sh(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}")
    return p.stdout


# ------------------------------------------------------------------------------ the model

def names():
    """Parameters in Workloads order, then the inputs."""
    params = []
    for j in range(1, H1 + 1):
        params += [f"W1_{j}_{i}" for i in range(1, N_IN + 1)] + [f"b1_{j}"]
    for k in range(1, H2 + 1):
        params += [f"W2_{k}_{j}" for j in range(1, H1 + 1)] + [f"b2_{k}"]
    params += [f"w3_{k}" for k in range(1, H2 + 1)] + ["b3"]
    inputs = [f"x{i}" for i in range(1, N_IN + 1)] + ["y"]
    return params, inputs


def deriv_text():
    """W2 in deriv's syntax."""
    a1 = []
    for j in range(1, H1 + 1):
        s = " + ".join(f"W1_{j}_{i}*x{i}" for i in range(1, N_IN + 1)) + f" + b1_{j}"
        a1.append(f"sigmoid({s})")
    a2 = []
    for k in range(1, H2 + 1):
        s = " + ".join(f"W2_{k}_{j}*{a1[j - 1]}" for j in range(1, H1 + 1)) + f" + b2_{k}"
        a2.append(f"tanh({s})")
    out = " + ".join(f"w3_{k}*{a2[k - 1]}" for k in range(1, H2 + 1)) + " + b3"
    return f"({out} - y)^2"


def sympy_model():
    params, inputs = names()
    sym = {n: sp.Symbol(n, real=True) for n in params + inputs}
    x = [sym[f"x{i}"] for i in range(1, N_IN + 1)]
    a1 = []
    for j in range(1, H1 + 1):
        z = sum(sym[f"W1_{j}_{i}"] * x[i - 1] for i in range(1, N_IN + 1)) + sym[f"b1_{j}"]
        a1.append(1 / (1 + sp.exp(-z)))
    a2 = []
    for k in range(1, H2 + 1):
        z = sum(sym[f"W2_{k}_{j}"] * a1[j - 1] for j in range(1, H1 + 1)) + sym[f"b2_{k}"]
        a2.append(sp.tanh(z))
    out = sum(sym[f"w3_{k}"] * a2[k - 1] for k in range(1, H2 + 1)) + sym["b3"]
    loss = (out - sym["y"]) ** 2
    return loss, [sym[n] for n in params], [sym[n] for n in params + inputs]


def median_time(fn, runs=5):
    fn()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def cse_ops(exprs):
    reps, reduced = sp.cse(exprs)
    return sum(sp.count_ops(e) for _, e in reps) + sum(sp.count_ops(e) for e in reduced)


# ------------------------------------------------------------------------------ runs

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="target-bench")
    ap.add_argument("--quick", action="store_true", help="short JMH runs (for trying the script)")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    env = dict(os.environ, JAVA_HOME=java_home())
    java = os.path.join(env["JAVA_HOME"], "bin", "java")

    print("building ...", file=sys.stderr)
    sh(["mvn", "-B", "-o", "-q", f"-Dderiv.build={build}", "-DskipTests", "package"], env=env)
    sh(["mvn", "-B", "-o", "-q", f"-Dderiv.build={build}", "dependency:build-classpath",
        "-Dmdep.includeScope=test", f"-Dmdep.outputFile={build}/test-classpath.txt"], env=env)
    cp = f"{build}/test-classes:{build}/classes:" + open(f"{build}/test-classpath.txt").read().strip()

    figures = json.loads(sh([java, "-cp", cp, "deriv.bench.CodegenFigures"], env=env))
    print(f"deriv ops: {figures}", file=sys.stderr)

    print("JMH ...", file=sys.stderr)
    jmh_json = f"{build}/codegen_jmh.json"
    jmh = [java, "-cp", cp, "org.openjdk.jmh.Main", "deriv.bench.CodegenBench", "-rf", "json", "-rff", jmh_json,
           "-jvmArgsAppend", "--sun-misc-unsafe-memory-access=allow"]
    if args.quick:
        jmh += ["-wi", "2", "-i", "3", "-w", "1", "-r", "1"]
    sh(jmh, env=env)
    # the best 1-second iteration: on a shared machine other processes only ever add time
    scores = {}
    for r in json.load(open(jmh_json)):
        m = r["primaryMetric"]
        raw = [v for fork in m["rawData"] for v in fork]
        scores[r["benchmark"].rsplit(".", 1)[1]] = (min(raw), statistics.median(raw))

    print("SymPy ...", file=sys.stderr)
    loss, params, allsyms = sympy_model()
    t0 = time.perf_counter()
    grad = [sp.diff(loss, p) for p in params]
    t_diff = time.perf_counter() - t0
    ops_loss, ops_grad = cse_ops([loss]), cse_ops(grad)
    ops_both = cse_ops([loss] + grad)
    t0 = time.perf_counter()
    f_loss = sp.lambdify(allsyms, loss, "numpy", cse=True)
    f_grad = sp.lambdify(allsyms, grad, "numpy", cse=True)
    f_both = sp.lambdify(allsyms, [loss] + grad, "numpy", cse=True)
    t_lambdify = time.perf_counter() - t0

    rng = np.random.default_rng(42)
    cols = [rng.normal(0, 0.7, POINTS) for _ in allsyms]
    s_loss = median_time(lambda: f_loss(*cols))
    s_grad = median_time(lambda: f_grad(*cols))
    s_both = median_time(lambda: f_both(*cols))
    check_loss = f_loss(*cols)

    print("deriv's emitted NumPy ...", file=sys.stderr)
    pnames, inames = names()
    gen = f"{build}/w2_codegen.py"
    jar = glob.glob(f"{build}/deriv-*.jar")[0]
    sh([java, "-Xss64m", "-cp", f"{jar}:{build}/lib/*", "deriv.cli.Main", "codegen", deriv_text(), "--lang", "python",
        "--wrt", ",".join(pnames), "--vars", ",".join(pnames + inames), "--out", gen], env=env)
    spec = importlib.util.spec_from_file_location("w2_codegen", gen)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    d_loss = median_time(lambda: mod.f(*cols))
    d_grad = median_time(lambda: mod.grad_f(*cols))
    if not np.allclose(mod.f(*cols), check_loss, rtol=1e-10, atol=1e-12):
        sys.exit("deriv's emitted NumPy code and SymPy disagree on the loss")
    g_sympy = f_grad(*cols)
    g_deriv = mod.grad_f(*cols)
    worst = max(float(np.max(np.abs(a - b) / np.maximum(1, np.abs(a)))) for a, b in zip(g_sympy, g_deriv))
    if worst > 1e-9:
        sys.exit(f"deriv's emitted NumPy gradient and SymPy's disagree: {worst}")

    # ------------------------------------------------------------------ the table
    def ns(name):
        best, median = scores[name]
        return f"{best:,.0f} ({median:,.0f})" if best < 1e5 else f"{best / 1e6:,.2f} ms ({median / 1e6:,.2f} ms)"

    def per_point(seconds):
        return f"{seconds / POINTS * 1e9:,.0f}"

    c_loss, c_both = scores["compiledLoss"][0], scores["compiledLossAndGradient"][0]
    h_loss, h_both = scores["handLoss"][0], scores["handLossAndGradient"][0]
    rows = [
        ("deriv compiled (hidden class), one point per call", ns("compiledLoss"), ns("compiledLossAndGradient"),
         f"{c_both / c_loss:.2f}"),
        ("hand-written Java backward pass, one point per call", ns("handLoss"), ns("handLossAndGradient"),
         f"{h_both / h_loss:.2f}"),
        ("deriv DAG interpreter", "", ns("dagInterpreterLossAndGradient"), ""),
        ("tree-walking Evaluator (loss; loss + 121 symbolic partials)", ns("evaluatorLoss"),
         ns("evaluatorLossAndSymbolicGradient"),
         f"{scores['evaluatorLossAndSymbolicGradient'][0] / scores['evaluatorLoss'][0]:.0f}"),
        (f"deriv emitted NumPy (f, then grad_f), vectorised over {POINTS:,} points", per_point(d_loss),
         per_point(d_loss + d_grad), f"{(d_loss + d_grad) / d_loss:.2f}"),
        (f"SymPy lambdify(cse=True) NumPy, loss and gradient in one function, {POINTS:,} points", per_point(s_loss),
         per_point(s_both), f"{s_both / s_loss:.2f}"),
        (f"SymPy lambdify(cse=True) NumPy, loss then gradient separately, {POINTS:,} points", per_point(s_loss),
         per_point(s_loss + s_grad), f"{(s_loss + s_grad) / s_loss:.2f}"),
    ]
    lines = [
        "| W2, per point | loss, ns | loss + 121 partials, ns | (loss+grad)/loss |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += [
        "",
        "| operation counts | loss | loss + gradient | ratio |",
        "|---|---:|---:|---:|",
        f"| deriv DAG (one node per operation, shared) | {figures['lossOps']} | {figures['totalOps']} | "
        f"{figures['totalOps'] / figures['lossOps']:.2f} |",
        f"| SymPy cse, count_ops (loss and gradient cse'd separately) | {ops_loss} | {ops_loss + ops_grad} | "
        f"{ops_grad / ops_loss:.2f} (gradient alone) |",
        f"| SymPy cse, count_ops (loss and gradient cse'd together) | {ops_loss} | {ops_both} | {ops_both / ops_loss:.2f} |",
        "",
        "JMH rows: the best 1-second iteration (the median iteration in parentheses), 256 points per call; "
        f"NumPy rows: median of 5 calls on {POINTS:,} points, divided by {POINTS:,}.",
        "",
        f"Targets: compiled (loss+grad)/loss {c_both / c_loss:.2f} (<= 2.5); compiled / hand-written loss+grad "
        f"{c_both / h_both:.2f} (<= 1.3); compiled loss+grad per point {c_both:,.0f} ns vs SymPy NumPy "
        f"{s_both / POINTS * 1e9:,.0f} ns (one function) and {(s_loss + s_grad) / POINTS * 1e9:,.0f} ns (two).",
        f"Build times: deriv DAG + reverse sweep {figures['buildMs']:.1f} ms, bytecode {figures['compileMs']:.1f} ms "
        f"(first use in a cold JVM); SymPy diff by 121 parameters {t_diff:.1f} s, lambdify x3 {t_lambdify:.2f} s.",
    ]
    table = "\n".join(lines)
    print(table)
    with open(f"{build}/codegen_bench.md", "w") as fh:
        fh.write(table + "\n")


if __name__ == "__main__":
    main()
