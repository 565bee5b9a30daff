#!/usr/bin/env python3
"""deriv against SymPy on the benchmark workloads of issue 9, in one run, with ratios.

Run from the project root:   python3 scripts/bench_compare.py [--runs N] [--full] [--out FILE]

It times SymPy (cold cache before every run, medians of N runs) on W1-W6, then runs
`./deriv bench --format json` and the whole-process W6 comparison, and prints a Markdown table
(also written to --out, default target/bench_compare.md). The nested-sine 10th derivative takes
SymPy about two minutes: it is timed only with --full, otherwise the table says so.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import sympy as sp
from sympy.core.cache import clear_cache

R = sp.Rational


def timed(fn, runs):
    times, result = [], None
    for _ in range(runs):
        clear_cache()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def leaky(z, a=R(1, 100)):
    return sp.Piecewise((z, z > 0), (a * z, True))


def sig(z):
    return 1 / (1 + sp.exp(-z))


def nodes(e):
    return sum(1 for _ in sp.preorder_traversal(e))


def mlp():
    """The W2 loss built as deriv.codegen.Workloads.mlpLoss() builds it."""
    xs = sp.symbols("x1:5")
    params = []

    def layer(inp, width, w, b, fn):
        out = []
        for j in range(1, width + 1):
            s = 0
            for i in range(1, len(inp) + 1):
                p = sp.Symbol(f"{w}_{j}_{i}")
                params.append(p)
                s += p * inp[i - 1]
            bj = sp.Symbol(f"{b}_{j}")
            params.append(bj)
            out.append(fn(s + bj))
        return out

    a1 = layer(xs, 8, "W1", "b1", sig)
    a2 = layer(a1, 8, "W2", "b2", sp.tanh)
    out = 0
    for k in range(1, 9):
        p = sp.Symbol(f"w3_{k}")
        params.append(p)
        out += p * a2[k - 1]
    b3 = sp.Symbol("b3")
    params.append(b3)
    y = sp.Symbol("y")
    return (out + b3 - y) ** 2, list(xs) + [y], params


def sympy_side(runs, full):
    res = {}
    w1, b1, w2, b2, x = sp.symbols("w1 b1 w2 b2 x", real=True)
    f = leaky(w2 * sp.tanh(w1 * x + b1) + b2)
    t, out = timed(lambda: [sp.simplify(sp.diff(f, v)) for v in (w1, b1, w2, b2)], runs)
    res["W1"] = {"time": t, "treeNodes": sum(nodes(e) for e in out)}
    print(f"sympy W1 {t:.3f} s", file=sys.stderr)

    loss, inputs, params = mlp()
    t_diff, grads = timed(lambda: [sp.diff(loss, p) for p in params], max(1, runs // 3))
    t_cse, (repl, red) = timed(lambda: sp.cse(grads), max(1, runs // 3))
    ops = sum(sp.count_ops(e) for _, e in repl) + sum(sp.count_ops(e) for e in red)
    lrepl, lred = sp.cse([loss])
    lops = sum(sp.count_ops(e) for _, e in lrepl) + sum(sp.count_ops(e) for e in lred)
    args = inputs + params
    f_loss = sp.lambdify(args, loss, "numpy", cse=True)
    f_grad = sp.lambdify(args, [loss] + grads, "numpy", cse=True)
    rng = np.random.default_rng(42)
    cols = [rng.normal(0, 0.5, 10_000) for _ in args]
    t_l, _ = timed(lambda: f_loss(*cols), runs)
    t_g, _ = timed(lambda: f_grad(*cols), runs)
    res["W2"] = {"diffTime": t_diff, "cseTime": t_cse, "gradientTreeNodes": sum(nodes(g) for g in grads),
                 "opsRatio": ops / lops, "evalLossGradNsPerPoint": t_g / 10_000 * 1e9,
                 "evalTimeRatio": t_g / t_l}
    print(f"sympy W2 diff {t_diff:.2f} s cse {t_cse:.2f} s", file=sys.stderr)

    xx = sp.Symbol("x")
    w3 = {}
    for name, e in (("tan", sp.tan(xx)), ("sigmoid", sig(xx))):
        t, d = timed(lambda: sp.simplify(sp.diff(e, xx, 10)), max(1, runs // 3))
        w3[name] = {"time": t, "treeNodes": nodes(d)}
    if full:
        e = xx
        for _ in range(6):
            e = sp.sin(e)
        t, d = timed(lambda: sp.diff(e, xx, 10), 1)
        t_cse, (reps, _) = timed(lambda: sp.cse(d), 1)
        w3["nestedSin"] = {"time": t, "treeNodes": nodes(d), "cseTime": t_cse, "cseAssignments": len(reps)}
    res["W3"] = w3
    print("sympy W3 done", file=sys.stderr)

    w4 = {}
    for n in (5, 10):
        def run(n=n):
            l = xx
            for _ in range(n - 1):
                l = 4 * l * (1 - l)
            d = sp.diff(l, xx)
            return len(sp.cse(d)[0])
        t, cse_n = timed(run, max(1, runs // 3))
        w4[f"n{n}"] = {"time": t, "cseAssignments": cse_n}
    res["W4"] = w4

    def latex_cse():
        repl, red = sp.cse(grads)
        return "\n".join(sp.latex(e) for _, e in repl) + "\n".join(sp.latex(e) for e in red)
    t, text = timed(latex_cse, 1)
    res["W5"] = {"time": t, "characters": len(text)}
    return res


def whole_process(runs):
    cmd_d = ["./deriv", "grad", "LeakyReLU(w2*tanh(w1*x+b1)+b2)", "--wrt", "w1,b1,w2,b2"]
    py = ("import sympy as sp\n"
          "w1,b1,w2,b2,x=sp.symbols('w1 b1 w2 b2 x',real=True)\n"
          "z=w2*sp.tanh(w1*x+b1)+b2\n"
          "f=sp.Piecewise((z,z>0),(z/100,True))\n"
          "[print(sp.simplify(sp.diff(f,v))) for v in (w1,b1,w2,b2)]\n")
    subprocess.run(cmd_d, capture_output=True)  # builds the jar and its class-data archive once
    def t(cmd):
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            ts.append(time.perf_counter() - t0)
        return statistics.median(ts)
    return t(cmd_d), t([sys.executable, "-c", py])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--full", action="store_true", help="also time SymPy on the nested-sine 10th derivative (~2 min)")
    ap.add_argument("--out", default="target/bench_compare.md")
    a = ap.parse_args()
    s = sympy_side(a.runs, a.full)
    p = subprocess.run(["./deriv", "bench", "--format", "json", "--runs", str(a.runs)], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    d = json.loads(p.stdout)["workloads"]
    d6, s6 = whole_process(a.runs)

    def ms(x): return f"{x * 1e3:.2f} ms" if x < 1 else f"{x:.2f} s"
    rows = [("workload", "SymPy", "deriv", "ratio (SymPy/deriv)")]
    rows.append(("W1 diff + simplify, 4 partials", ms(s["W1"]["time"]), ms(d["W1"]["time"]["median"]),
                 f"{s['W1']['time'] / d['W1']['time']['median']:.0f}x"))
    rows.append(("W1 result size (tree nodes)", s["W1"]["treeNodes"], d["W1"]["treeNodes"], ""))
    sym2 = s["W2"]["diffTime"] + s["W2"]["cseTime"]
    der2 = d["W2"]["gradientTime"]["median"]
    rows.append(("W2 gradient, 121 partials + shared form (diff+cse / diff+DAG)", ms(sym2), ms(der2), f"{sym2 / der2:.0f}x"))
    rows.append(("W2 gradient size (tree nodes)", s["W2"]["gradientTreeNodes"], d["W2"]["gradientTreeNodes"], ""))
    rows.append(("W2 ops (loss+grad)/loss", f"{s['W2']['opsRatio']:.2f}", f"{d['W2']['opsRatio']:.2f}", ""))
    rows.append(("W2 loss+grad ns/point (NumPy vectorised / compiled JVM)", f"{s['W2']['evalLossGradNsPerPoint']:.0f}",
                 f"{d['W2']['evalLossGradNsPerPoint']:.0f}", f"{s['W2']['evalLossGradNsPerPoint'] / d['W2']['evalLossGradNsPerPoint']:.1f}x"))
    rows.append(("W2 eval time (loss+grad)/loss", f"{s['W2']['evalTimeRatio']:.2f}", f"{d['W2']['evalTimeRatio']:.2f}", ""))
    for k in ("tan", "sigmoid", "nestedSin"):
        sv = s["W3"].get(k)
        dv = d["W3"][k]
        if "time" not in dv:
            rows.append((f"W3 10th derivative of {k} (time)", ms(sv["time"]) if sv else "not run (--full; ~111 s in BASELINES.md)",
                         dv.get("timedOut", dv.get("failed")), ""))
            continue
        rows.append((f"W3 10th derivative of {k} (time)", ms(sv["time"]) if sv else "not run (--full; ~111 s in BASELINES.md)",
                     ms(dv["time"]["median"]), f"{sv['time'] / dv['time']['median']:.0f}x" if sv else ""))
        rows.append((f"W3 {k} size (tree nodes)", sv["treeNodes"] if sv else "", dv["treeNodes"], ""))
        if k == "nestedSin":
            rows.append(("W3 nestedSin first run, cold (deriv: Taylor mode)", ms(sv["time"]) if sv else "",
                         ms(dv["coldTime"]["median"]), f"{sv['time'] / dv['coldTime']['median']:.0f}x" if sv else ""))
            rows.append(("W3 nestedSin shared form (SymPy cse assignments / deriv DAG ops)",
                         sv["cseAssignments"] if sv else "", dv["dagOps"], ""))
    for n in ("n5", "n10"):
        rows.append((f"W4 logistic map {n} d/dx (time)", ms(s["W4"][n]["time"]), ms(d["W4"][n]["time"]["median"]),
                     f"{s['W4'][n]['time'] / d['W4'][n]['time']['median']:.0f}x"))
    rows.append(("W4 logistic map n20 d/dx (time)", "", ms(d["W4"]["n20"]["time"]["median"]), ""))
    rows.append(("W5 LaTeX of the W2 gradient, shared form", ms(s["W5"]["time"]), ms(d["W5"]["time"]["median"]),
                 f"{s['W5']['time'] / d['W5']['time']['median']:.0f}x"))
    rows.append(("W6 whole process: grad of W1 (python3 -c sympy / ./deriv)", ms(s6), ms(d6), f"{s6 / d6:.1f}x"))
    lines = ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    lines.insert(1, "|---|---|---|---|")
    table = "\n".join(lines)
    print(table)
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    with open(a.out, "w") as fh:
        fh.write(table + "\n")


if __name__ == "__main__":
    main()
