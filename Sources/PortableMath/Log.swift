extension Math {
    /// Natural logarithm, faithfully rounded.
    ///
    /// Algorithm: x = 2^k·(1 + f) with 1 + f in [√½, √2), then with s = f/(2 + f),
    /// log(1 + f) = 2·atanh(s) = f − s·(f − s²·P(s²)) (2s = f − s·f), P a degree-6
    /// near-minimax polynomial; k·ln2 + f is an exact sum, so the rounding errors of the
    /// small correction term barely reach the result.
    @inlinable public static func log(_ x: Double) -> Double {
        if !(x > 0 && x < .infinity) {
            if x == 0 { return -.infinity }
            return x < 0 ? .nan : x          // NaN stays NaN, +∞ stays +∞
        }
        let (m, k) = Binary64.decompose(x)
        return logKernel(m - 1, k, 0)
    }

    /// log(1 + x), faithfully rounded, accurate for tiny x.
    ///
    /// For 1 + x in [√½, √2), the log kernel runs on f = x itself. Elsewhere 1 + x is rounded,
    /// its exact rounding error c comes from TwoSum, and log(1 + x) = log(u) + c/u.
    @inlinable public static func log1p(_ x: Double) -> Double {
        if x > -0.2928932188134524 && x < 0.41421356237309503 {
            return x == 0 ? x : logKernel(x, 0, 0)   // keeps −0
        }
        if !(x > -1 && x < .infinity) {
            if x == -1 { return -.infinity }
            return x < -1 ? .nan : x
        }
        let (u, c) = ErrorFree.sum(1, x)
        let (m, k) = Binary64.decompose(u)
        return logKernel(m - 1, k, c / u)
    }

    /// k·ln2 + log(1 + f) + extra, for f in [√½ − 1, √2 − 1] (exact) and |extra| ≤ 2^-52.
    @inlinable @inline(__always) static func logKernel(_ f: Double, _ k: Int, _ extra: Double) -> Double {
        let s = f / (2 + f), z = s * s
        let correction = s * (f - z * Coefficients.logTail(z))
        let kd = Double(k)
        let (head, headError) = ErrorFree.sum(kd * Coefficients.ln2Hi, f)
        return head + ((headError - correction) + (kd * Coefficients.ln2Lo + extra))
    }

    /// Base-2 logarithm, faithfully rounded (exact k for x = 2^k): the double-double log times
    /// 1/ln2 as a double-double.
    @inlinable public static func log2(_ x: Double) -> Double {
        if !(x > 0 && x < .infinity) {
            if x == 0 { return -.infinity }
            return x < 0 ? .nan : x
        }
        let (hi, lo) = logDoubleDouble(x)
        let (p, e) = ErrorFree.product(hi, Coefficients.invLn2Hi)
        return p + (e + (hi * Coefficients.invLn2Lo + lo * Coefficients.invLn2Hi))
    }

    /// log(x) = hi + lo with relative error below 2^-68, for positive finite x (pow needs
    /// this much: y·log x reaches 745 before e^(y·log x) overflows).
    ///
    /// Algorithm (table-driven, the design of fdlibm's successors in musl and ARM's optimized
    /// routines, written here from scratch): x = 2^k·m, m in [√½, √2) falls in one of 182
    /// intervals of width 1/256; with c ≈ 1/centre from the table, r = m·c − 1 is exact as a
    /// double-double and |r| < 2^-8.4, so log m = log(1/c) + log1p(r), where log1p(r) =
    /// r − r²/2 + r³·Q(r) needs only its first two terms in double-double.
    @inlinable static func logDoubleDouble(_ x: Double) -> (hi: Double, lo: Double) {
        let (m, k) = Binary64.decompose(x)
        let i = Int((m - Coefficients.logTableStart) * 256)
        let (p, pe) = ErrorFree.product(m, Coefficients.logC[i])
        let (rHi, rLo) = ErrorFree.sum(p - 1, pe)      // p − 1 is exact (Sterbenz)
        let (h, he) = ErrorFree.product(rHi, rHi)
        // Q(r) = 1/3 − r/4 + ... + r⁶/9 (the next term is below 2^-52 of Q), in pairs over r².
        let r2 = rHi * rHi
        let q = (1.0 / 3 - 0.25 * rHi) + r2 * ((1.0 / 5 - (1.0 / 6) * rHi)
            + r2 * ((1.0 / 7 - 0.125 * rHi) + r2 * (1.0 / 9)))
        let (l, le) = ErrorFree.fastSum(rHi, -0.5 * h)   // r − r²/2, head
        let lLo = le + (rLo - 0.5 * he - rHi * rLo + (h * rHi) * q)
        // k·ln2 + log(1/c) + (l + lLo), summed from the largest terms.
        let kd = Double(k)
        let (a, ae) = ErrorFree.sum(kd * Coefficients.ln2Hi, Coefficients.logInvCHi[i])
        let (b, be) = ErrorFree.sum(a, l)
        let low = ae + be + lLo + Coefficients.logInvCLo[i] + kd * Coefficients.ln2Lo
            + kd * Coefficients.ln2Lo2
        let (hi, lo) = ErrorFree.fastSum(b, low)
        return (hi, lo)
    }
}
