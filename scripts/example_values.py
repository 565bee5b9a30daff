#!/usr/bin/env python3
"""Computes the numeric golden values of examples/ with SymPy (an independent oracle).

Prints '# expect:' lines to paste into the example files. Run from the project root:
    python3 scripts/example_values.py
"""
import sympy as sp

def S(n): return sp.Symbol(n, real=True)
R = sp.Rational


def sig(z):
    return 1 / (1 + sp.exp(-z))


def relu(z):
    return sp.Piecewise((z, z > 0), (0, True))


def leaky(z, a=R(1, 100)):
    return sp.Piecewise((z, z > 0), (a * z, True))


def lines(expr, wrt, point, of=None):
    out = []
    subs = {S(k): R(v) for k, v in point.items()}
    at = ",".join(f"{k}={v}" for k, v in point.items())
    of_txt = f" of {of}" if of else ""
    for v in wrt:
        val = sp.N(sp.diff(expr, S(v)).subs(subs), 25)
        out.append(f"# expect: d/d{v}{of_txt} at {at} = {float(val)!r}")
    return out


x, y, W, b, W1, W2, b1, b2 = sp.symbols("x y W b W1 W2 b1 b2", real=True)
t0, t1 = sp.symbols("theta0 theta1", real=True)
cases = {
    "01": ((t0 + t1 * x - y) ** 2, ["theta0", "theta1"], {"theta0": "0.5", "theta1": "-1.25", "x": "2", "y": "0.75"}),
    "02": ((1 / (1 + sp.exp(-(b + W * x))) - y) ** 2, ["W", "b"], {"W": "0.8", "b": "-0.3", "x": "1.5", "y": "1"}),
    "03": ((b + W * x ** 3 - y) ** 2, ["W", "b"], {"W": "0.5", "b": "0.25", "x": "-1.5", "y": "2"}),
    "04": (sp.Abs(y - (W2 * relu(W1 * x + b1) + b2)), ["W1", "b1", "W2", "b2"],
           {"W1": "0.7", "b1": "0.2", "W2": "-1.3", "b2": "0.4", "x": "1.1", "y": "0.9"}),
    "05": (leaky(W2 * sp.tanh(W1 * x + b1) + b2), ["W1", "b1", "W2", "b2"],
           {"W1": "0.5", "b1": "0.1", "W2": "-1.5", "b2": "0.2", "x": "0.8"}),
    "05b": (leaky(W2 * sp.tanh(W1 * x + b1) + b2), ["W1", "b1", "W2", "b2"],
            {"W1": "0.5", "b1": "0.1", "W2": "1.5", "b2": "0.2", "x": "0.8"}),
}
w1, w2, w3, b3 = sp.symbols("w1 w2 w3 b3", real=True)
cases["06"] = ((w3 * sig(w2 * sig(w1 * x + b1) + b2) + b3 - y) ** 2, ["w1", "b1", "w2", "b2", "w3", "b3"],
               {"w1": "0.3", "b1": "-0.2", "w2": "1.1", "b2": "0.05", "w3": "-0.7", "b3": "0.4", "x": "1.5", "y": "0.25"})
L1, L2, q1, q2, tx, ty = sp.symbols("L1 L2 t1 t2 tx ty", real=True)
cases["07"] = ((L1 * sp.cos(q1) + L2 * sp.cos(q1 + q2) - tx) ** 2 + (L1 * sp.sin(q1) + L2 * sp.sin(q1 + q2) - ty) ** 2,
               ["t1", "t2"], {"L1": "1", "L2": "0.75", "t1": "0.4", "t2": "0.9", "tx": "0.5", "ty": "1.2"})
z = S("z")
cases["09"] = (-y * sp.log(sig(z)) - (1 - y) * sp.log(1 - sig(z)), ["z"], {"z": "0.6", "y": "1"})
a = S("a")
cases["10"] = (sp.exp(a) / (sp.exp(a) + sp.exp(b)), ["a", "b"], {"a": "0.3", "b": "-0.4"})

for name, (expr, wrt, point) in cases.items():
    print(f"--- {name}")
    print("\n".join(lines(expr, wrt, point)))

print("--- 08")
print("\n".join(lines(sig(x ** 2), ["x"], {"x": "2"})))
print("\n".join(lines(sig(leaky(x, R(1, 5)) ** 2), ["x"], {"x": "-4"}, of="sigmoid(LeakyReLU(x, 0.2)^2)")))
print("\n".join(lines(sig(x + y), ["x"], {"x": "3", "y": "4"}, of="sigmoid(x + y)")))
