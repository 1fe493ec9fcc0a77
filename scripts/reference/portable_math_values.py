#!/usr/bin/env python3
"""Reference values for Sources/PortableMath: each function at a few thousand inputs, from
mpmath at 1,500 bits (enough for sin/cos of the largest doubles), correctly rounded to double.

Inputs, per function, drawn with a fixed seed (random.Random(20261206)):
  - random over the whole domain (uniform in a range, and log-uniform magnitudes / random bit
    patterns so every binade and the subnormals are hit);
  - hard cases: ±0, ±∞, NaN, subnormals, the overflow and underflow thresholds, the edges of
    each kernel's reduced interval (√2, k·ln2/2, π/4), x near 1 for log, huge y for pow,
    the doubles nearest multiples of π/2 (and the worst case 6381956970095103·2^797) for sin/cos.

Each line is `name x y value frac`, as 16-hex-digit bit patterns: `value` is the correctly
rounded result and `frac` = (exact − value)/u, in [−½, ½], where u is `value.ulp` (halved when
the exact value lies below a power of two `value`), so a test can measure errors in fractions
of an ulp, subnormals included. y is 0 for one-argument functions.

Writes Tests/PortableMathTests/Fixtures/portable-math.txt

    python3 scripts/reference/portable_math_values.py
"""

import math
import os
import random
import struct

import mpmath
from mpmath import mp, mpf

mp.prec = 1500
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUTPUT = os.path.join(ROOT, "Tests", "PortableMathTests", "Fixtures", "portable-math.txt")
RNG = random.Random(20261206)
INF, NAN = float("inf"), float("nan")


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def round_double(v):
    """v (an mpf) rounded to nearest-even double, with gradual underflow and overflow."""
    if v == 0:
        return 0.0
    e = int(mpmath.floor(mpmath.log(abs(v), 2)))
    # guard against log2 landing one off at an exact power of two
    if abs(v) >= mpf(2) ** (e + 1):
        e += 1
    if abs(v) < mpf(2) ** e:
        e -= 1
    quantum = mpf(2) ** max(e - 52, -1074)
    n = mpmath.nint(v / quantum)        # ties to even
    r = n * quantum
    if abs(r) >= mpf(2) ** 1024:
        return math.copysign(INF, float(v))
    return float(r)


def pow_special(x, y):
    """C Annex F's pow for the special operands (None for ordinary finite x > 0, x ≠ 1)."""
    if y == 0 or x == 1:
        return 1.0
    if x != x or y != y:
        return NAN
    odd = math.isfinite(y) and y == int(y) and abs(y) < 2 ** 53 and int(y) % 2 == 1
    if math.isinf(y):
        if abs(x) == 1:
            return 1.0
        return INF if (abs(x) < 1) == (y < 0) else 0.0
    if x == 0 or math.isinf(x):
        big = (x == 0) == (y < 0)
        v = INF if big else 0.0
        return -v if (math.copysign(1, x) < 0 and odd) else v
    return None


def reference(name, x, y):
    """(correctly rounded value, lo) with the special values of C's Annex F."""
    special = {
        "exp": lambda: math.exp(x) if not math.isfinite(x) else None,
        "log": lambda: (NAN if x < 0 or x != x else -INF if x == 0 else INF if x == INF else None),
        "log1p": lambda: (NAN if x < -1 or x != x else -INF if x == -1 else INF if x == INF
                          else x if x == 0 else None),
        "log2": lambda: (NAN if x < 0 or x != x else -INF if x == 0 else INF if x == INF else None),
        "sin": lambda: NAN if not math.isfinite(x) else (x if x == 0 else None),
        "cos": lambda: NAN if not math.isfinite(x) else None,
        "pow": lambda: pow_special(x, y),
    }[name]
    if name == "pow" and x < 0 and math.isfinite(x) and math.isfinite(y) and y == int(y) and y != 0:
        v = reference("pow", -x, y)
        return (-v[0], -v[1]) if int(y) % 2 else v     # frac flips with the sign too
    if name == "pow" and x < 0 and math.isfinite(x) and math.isfinite(y) and y != int(y):
        return NAN, 0.0
    s = special()
    if s is not None:
        return s, 0.0
    X, Y = mpf(x), mpf(y)
    v = {"exp": lambda: mpmath.exp(X), "log": lambda: mpmath.log(X), "log1p": lambda: mpmath.log1p(X),
         "log2": lambda: mpmath.log(X, 2), "sin": lambda: mpmath.sin(X), "cos": lambda: mpmath.cos(X),
         "pow": lambda: mpmath.power(X, Y)}[name]()
    hi = round_double(v)
    if not math.isfinite(hi) or hi == 0:
        return hi, 0.0
    m, e = math.frexp(abs(hi))                       # |hi| = m·2^e, m in [½, 1)
    u = mpf(2) ** max(e - 53, -1074)
    if m == 0.5 and e - 1 > -1022 and abs(v) < abs(mpf(hi)):
        u /= 2
    return hi, float((v - mpf(hi)) / u)


def log_uniform(lo_exp, hi_exp, sign=False):
    m = 1 + RNG.random()
    x = math.ldexp(m, RNG.randint(lo_exp, hi_exp)) if lo_exp > -1075 else 0.0
    x = max(x, 5e-324) if x == 0 else x
    return -x if sign and RNG.random() < 0.5 else x


def random_positive_bits():
    return from_bits(RNG.randrange(1, 0x7FF0000000000000))


def neighbours(x, n=2):
    out = []
    for d in range(-n, n + 1):
        b = bits(abs(x)) + d
        if 0 <= b < 0x7FF0000000000000:
            out.append(math.copysign(from_bits(b), x))
    return out


def inputs():
    specials = [0.0, -0.0, INF, -INF, NAN, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348622157e308,
                -1.7976931348622157e308, 1.0, -1.0, 0.5, 2.0]
    ln2 = math.log(2)
    cases = {}
    exp = specials + [RNG.uniform(-745.2, 709.8) for _ in range(2000)]
    exp += [log_uniform(-1074, 0, sign=True) for _ in range(400)]
    exp += [RNG.uniform(-745.2, -708) for _ in range(400)]
    for t in [709.782712893384, -745.1332191019411, -708.3964185322641, 709.0, -744.0, 1e-300, -1e-300]:
        exp += neighbours(t, 3)
    for k in list(range(-6, 7)) + [1000, -1000, 1023, -1070]:
        exp += neighbours((k + 0.5) * ln2, 1)
    cases["exp"] = exp

    log = specials + [-2.0, 4.9e-324] + [random_positive_bits() for _ in range(2000)]
    log += [1 + RNG.uniform(-1, 1) * math.ldexp(1, -RNG.randint(1, 60)) for _ in range(600)]
    log += [from_bits(RNG.randrange(1, 0x0010000000000000)) for _ in range(200)]
    log += [RNG.uniform(0.5, 2) for _ in range(400)]
    for t in [1.4142135623730951, 0.7071067811865476, 1.0, 2.0, 0.5, 1.4142135623730951 * 2 ** 500]:
        log += neighbours(t, 3)
    cases["log"] = log
    cases["log2"] = log + [math.ldexp(1.0, e) for e in range(-1074, 1024, 7)]

    log1p = specials + [RNG.uniform(-1, 1) for _ in range(1000)]
    log1p += [log_uniform(-1074, 1023) for _ in range(800)]
    log1p += [-log_uniform(-1074, -1) for _ in range(600)]
    log1p += [-1 + math.ldexp(RNG.random(), -RNG.randint(0, 52)) for _ in range(200)]
    log1p += [RNG.uniform(-0.3, 0.5) for _ in range(400)]
    for t in [-0.2928932188134524, 0.41421356237309503, -0.9999999999999999, 1e-300, -1e-300, 2.0 ** 53]:
        log1p += neighbours(t, 3)
    cases["log1p"] = log1p

    trig = specials + [RNG.uniform(-7, 7) for _ in range(800)]
    trig += [2 * math.pi * RNG.random() for _ in range(300)]            # Box–Muller's angles
    trig += [log_uniform(-1074, 0, sign=True) for _ in range(200)]
    trig += [RNG.uniform(-1.7e6, 1.7e6) for _ in range(400)]
    trig += [log_uniform(20, 1023, sign=True) for _ in range(600)]
    for k in [1, 2, 3, 4, 5, 10, 100, 1000, 12345, 2 ** 20 - 1, 2 ** 20, 2 ** 20 + 1, 10 ** 9]:
        trig += neighbours(k * math.pi / 2, 1)
    for t in [0.7853981633974483, 1647099.0, 1647099.3291, 6381956970095103 * 2.0 ** 797, 1.4901161193847656e-08,
              7.450580596923828e-09]:
        trig += neighbours(t, 2)
    cases["sin"] = trig
    cases["cos"] = trig

    pow_cases = []
    interesting = [0.0, -0.0, INF, -INF, NAN, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 10.0, 0.9, -0.9, 5e-324]
    ys = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 0.5, -0.5, INF, -INF, NAN, 1e300, -1e300, 2.0 ** 53,
          2.0 ** 53 + 2, 1.5, 1075.0, -1075.0]
    pow_cases += [(x, y) for x in interesting for y in ys]
    for _ in range(1500):                                 # y·log x uniform in [−760, 750]
        x = random_positive_bits()
        if x == 1:
            continue
        pow_cases.append((x, RNG.uniform(-760, 750) / math.log(x)))
    for _ in range(400):                                  # x near 1, large y
        x = 1 + RNG.uniform(-1, 1) * math.ldexp(1, -RNG.randint(1, 52))
        if x != 1:
            pow_cases.append((x, RNG.uniform(-700, 700) / math.log(x)))
    for _ in range(400):                                  # integer y, negative x
        x = -RNG.uniform(0.1, 10)
        pow_cases.append((x, float(RNG.randint(-300, 300))))
    for _ in range(400):                                  # the losses' and Adam's shapes
        pow_cases.append((RNG.random(), RNG.choice([0.5, 1.0, 2.0, 3.0, 4.0, 0.25, 1.5])))
        pow_cases.append((RNG.choice([0.9, 0.999, 0.99]), float(RNG.randint(1, 100000))))
    cases["pow"] = pow_cases
    return cases


def main():
    cases = inputs()
    lines = []
    for name in ["exp", "log", "log1p", "log2", "pow", "sin", "cos"]:
        for item in cases[name]:
            x, y = item if isinstance(item, tuple) else (item, 0.0)
            hi, lo = reference(name, x, y)
            lines.append(f"{name} {bits(x):016x} {bits(y):016x} {bits(hi):016x} {bits(lo):016x}")
    with open(OUTPUT, "w") as out:
        out.write(f"# Written by scripts/reference/portable_math_values.py: mpmath {mpmath.__version__}, "
                  f"{mp.prec}-bit precision, seed 20261206.\n")
        out.write("# name x y value frac: bit patterns; value = exact result rounded to nearest, "
                  "frac = (exact − value)/ulp.\n")
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} values written to {OUTPUT}")


if __name__ == "__main__":
    main()
