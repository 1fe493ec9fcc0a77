#!/usr/bin/env python3
"""Polynomial coefficients and constants for Sources/PortableMath (the project's own libm).

Each kernel polynomial is a Chebyshev fit (mpmath.chebyfit, near-minimax) of the part of the
series that a double can carry, on the reduced interval the Swift code guarantees. The fit is
done at 200 bits; the coefficients are then rounded to double and the script re-measures the
error of the *rounded* polynomial on 4,001 points, printing it next to each fit (it must stay
well below 2^-60 relative to the kernel's result). The constants (ln 2, π/2 split into
exactly multipliable parts, the bits of 2/π for the large-argument reduction) come from
mpmath at 2,000 bits.

Writes Sources/PortableMath/Coefficients.swift

    python3 scripts/reference/portable_math_coefficients.py
"""

import os
import mpmath
from mpmath import mp, mpf

mp.prec = 200
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUTPUT = os.path.join(ROOT, "Sources", "PortableMath", "Coefficients.swift")


def d(x):
    """The double nearest x, as Python float."""
    return float(mpmath.mpf(x))


def fit(name, f, lo, hi, degree, scale):
    """Chebyshev fit of f on [lo, hi]; returns double coefficients (lowest first). Prints the
    maximum error of the rounded polynomial times `scale`: its weight in the kernel's result,
    relative to that result (must be below 2^-57; 2^-68 for the double-double tail)."""
    def g(x):
        with mpmath.workprec(1000):      # the series parts cancel; near 0, step off the removable singularity
            return f(x if abs(x) > mpf(2) ** -80 else mpf(2) ** -80)
    poly, _ = mpmath.chebyfit(g, [lo, hi], degree + 1, error=True)
    coeffs = [d(c) for c in reversed(poly)]
    worst = mpf(0)
    for i in range(4001):
        x = lo + (hi - lo) * mpf(i) / 4000
        if x == 0:
            continue
        p = mpf(0)
        for c in reversed(coeffs):
            p = p * x + mpf(c)
        worst = max(worst, abs(p - g(x)) * scale)
    print(f"{name}: degree {degree}, max error of rounded fit 2^{float(mpmath.log(worst, 2)):.1f}")
    return coeffs


def main():
    ln2 = mpmath.log(2)
    half_ln2 = ln2 / 2 + mpf(2) ** -20
    # exp: e^r = 1 + r + r²/2 + r³·q(r), |r| ≤ ln2/2; error relative to e^r.
    q_exp = fit("exp", lambda r: (mpmath.exp(r) - 1 - r - r * r / 2) / r ** 3,
                -half_ln2, half_ln2, 10, half_ln2 ** 3 / mpmath.exp(-half_ln2))
    # log: log(1+f) = 2s + s·z·P(z), s = f/(2+f), z = s² ≤ (3 − 2√2)² (f in [√½ − 1, √2 − 1]).
    zmax = (3 - 2 * mpmath.sqrt(2)) ** 2 * (1 + mpf(2) ** -20)
    atanh2 = lambda z: 2 * mpmath.atanh(mpmath.sqrt(z)) / mpmath.sqrt(z)
    p_log = fit("log", lambda z: (atanh2(z) - 2) / z, mpf(0), zmax, 6, zmax / 2)
    # logDD (pow, log2): log(1+f) = 2s + s·z·(2/3 + 2z/5) + s·z³·P3(z).
    p3_log = fit("log (double-double tail)", lambda z: (atanh2(z) - 2 - 2 * z / 3 - 2 * z * z / 5) / z ** 3,
                 mpf(0), zmax, 6, zmax ** 3 / 2)
    # sin/cos on |r| ≤ π/4 (+ margin): sin r = r + r·z·S(z), cos r = 1 − z/2 + z²·C(z), z = r².
    zt = (mpmath.pi / 4) ** 2 * (1 + mpf(2) ** -10)
    s_sin = fit("sin", lambda z: (mpmath.sin(mpmath.sqrt(z)) / mpmath.sqrt(z) - 1) / z, mpf(0), zt, 7,
                zt / (1 - zt / 6))
    c_cos = fit("cos", lambda z: (mpmath.cos(mpmath.sqrt(z)) - 1 + z / 2) / z ** 2, mpf(0), zt, 7,
                zt ** 2 / mpmath.cos(mpmath.sqrt(zt)))

    mp.prec = 2000
    ln2 = mpmath.log(2)
    ln2_hi = mpmath.floor(ln2 * 2 ** 42) / 2 ** 42          # 42 bits: k·ln2Hi exact for |k| < 2^11
    ln2_lo = d(ln2 - ln2_hi)
    ln2_lo2 = d(ln2 - ln2_hi - mpf(ln2_lo))
    pio2 = mpmath.pi / 2
    parts, rest = [], pio2
    for _ in range(3):                                     # 33 bits each: q·part exact for q < 2^20
        e = int(mpmath.floor(mpmath.log(rest, 2)))
        p = mpmath.floor(rest * mpf(2) ** (32 - e)) / mpf(2) ** (32 - e)
        parts.append(p)
        rest -= p
    parts.append(mpf(d(rest)))
    two_over_pi = 2 / mpmath.pi
    bits = int(mpmath.floor(two_over_pi * mpf(2) ** (64 * 20)))   # first 1,280 bits after the point
    words = [(bits >> (64 * (19 - i))) & (2 ** 64 - 1) for i in range(20)]

    # The double-double log (pow, log2): m in [√½, √2) falls in interval i = ⌊(m − a)·256⌋ of
    # width 1/256; a = 1 − 75.5/256 puts 1 at the centre of interval 75, whose c is exactly 1 (no
    # cancellation near x = 1). c_i is 1/centre rounded; logInvC holds log(1/c_i) as hi + lo.
    a = 1 - mpf(75.5) / 256
    count = int(mpmath.floor((mpmath.sqrt(2) - a) * 256)) + 1
    inv_c, log_hi, log_lo = [], [], []
    for i in range(count):
        c = 1.0 if i == 75 else d(1 / (a + (i + mpf(0.5)) / 256))
        v = -mpmath.log(mpf(c))
        inv_c.append(c)
        log_hi.append(d(v))
        log_lo.append(d(v - mpf(d(v))))

    def arr(xs):
        return ",\n        ".join(", ".join(repr(x) for x in xs[i:i + 3]) for i in range(0, len(xs), 3))

    def poly(name, doc, cs):
        """A Swift function evaluating Σ cs[i]·x^i: pairs (c₂ᵢ + c₂ᵢ₊₁·x), then Horner in x²
        (Estrin's first step), about half the dependent latency of plain Horner."""
        pairs = [f"({cs[i]!r} + {cs[i + 1]!r} * x)" if i + 1 < len(cs) else repr(cs[i])
                 for i in range(0, len(cs), 2)]
        body = pairs[-1]
        for p in reversed(pairs[:-1]):
            body = f"{p}\n            + x2 * ({body})"
        return f"""    /// {doc}
    @inlinable @inline(__always) static func {name}(_ x: Double) -> Double {{
        let x2 = x * x
        return {body}
    }}
"""

    with open(OUTPUT, "w") as out:
        out.write(f"""// Generated by scripts/reference/portable_math_coefficients.py (mpmath {mpmath.__version__}); do not edit.

/// Kernel polynomials and split constants of `PortableMath` (near-minimax Chebyshev fits).
@usableFromInline enum Coefficients {{
{poly("expTail", "q(r), with e^r = 1 + r + r²/2 + r³·q(r) on |r| ≤ ln2/2.", q_exp)}
{poly("logTail", "P(z), with log(1+f) = 2s + s·z·P(z), s = f/(2+f), z = s² ≤ (3 − 2√2)².", p_log)}
{poly("logTailDD", "P3(z), with log(1+f) = 2s + s·z·(2/3 + 2z/5) + s·z³·P3(z) (the double-double log).", p3_log)}
{poly("sinTail", "S(z), with sin r = r + r·z·S(z), z = r² ≤ (π/4)².", s_sin)}
{poly("cosTail", "C(z), with cos r = 1 − z/2 + z²·C(z), z = r² ≤ (π/4)².", c_cos)}
    /// ln 2 = ln2Hi + ln2Lo + ln2Lo2; ln2Hi has 42 bits, so k·ln2Hi is exact for |k| < 2^11.
    @inlinable static var ln2Hi: Double {{ {d(ln2_hi)!r} }}
    @inlinable static var ln2Lo: Double {{ {ln2_lo!r} }}
    @inlinable static var ln2Lo2: Double {{ {ln2_lo2!r} }}
    /// 1/ln 2 and 2/π, rounded.
    @inlinable static var invLn2: Double {{ {d(1 / ln2)!r} }}
    @inlinable static var twoOverPi: Double {{ {d(two_over_pi)!r} }}
    /// 1/ln 2 as a double-double (for log2).
    @inlinable static var invLn2Hi: Double {{ {d(1 / ln2)!r} }}
    @inlinable static var invLn2Lo: Double {{ {d(1 / ln2 - mpf(d(1 / ln2)))!r} }}
    /// π/2 = pio2A + pio2B + pio2C + pio2D (to 2^-150); pio2A...pio2C have 33 bits, so q·pᵢ is exact for q < 2^20.
    @inlinable static var pio2A: Double {{ {d(parts[0])!r} }}
    @inlinable static var pio2B: Double {{ {d(parts[1])!r} }}
    @inlinable static var pio2C: Double {{ {d(parts[2])!r} }}
    @inlinable static var pio2D: Double {{ {d(parts[3])!r} }}
    /// π/2 as a double-double (scales the large-argument reduction's fraction).
    @inlinable static var pio2Hi: Double {{ {d(pio2)!r} }}
    @inlinable static var pio2Lo: Double {{ {d(pio2 - mpf(d(pio2)))!r} }}
    /// The double-double log's table: intervals of width 1/256 from `logTableStart`, with
    /// c ≈ 1/centre and log(1/c) = logInvCHi + logInvCLo.
    @inlinable static var logTableStart: Double {{ {d(a)!r} }}
    @usableFromInline static let logC: [Double] = [
        {arr(inv_c)}]
    @usableFromInline static let logInvCHi: [Double] = [
        {arr(log_hi)}]
    @usableFromInline static let logInvCLo: [Double] = [
        {arr(log_lo)}]
    /// The first 1,280 bits of 2/π after the binary point, most significant word first.
    @usableFromInline static let twoOverPiBits: [UInt64] = [
        {arr([f"0x{w:016X}" for w in words]).replace("'", "")}]
}}
""")


if __name__ == "__main__":
    main()
