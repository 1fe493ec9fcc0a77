extension Math {
    /// x^y, faithfully rounded, with the special cases of C's Annex F (pow(x, ±0) = 1,
    /// pow(1, y) = 1, negative x only with integer y, signed zeros and infinities).
    ///
    /// Algorithm: e^(y·log|x|) with log|x| as a double-double (relative error below 2^-68,
    /// see `logDoubleDouble`), the product y·log|x| as an exact TwoProduct plus y·lo, and
    /// the exp kernel run on that double-double, so the only sizeable error is exp's final
    /// rounding.
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        // The losses' focusing exponents (γ = 1…4 and γ − 1): exact products, rounded once.
        if y >= 1 && y <= 4 && abs(x) >= 0x1p-200 && abs(x) <= 0x1p200, let v = smallIntegerPower(x, y) {
            return v
        }
        if x.isNaN || y.isNaN { return .nan }
        let parity = integerParity(y)                  // nil: not an integer
        let ax = abs(x)
        if y.isInfinite {
            if ax == 1 { return 1 }
            return (ax < 1) == (y < 0) ? .infinity : 0
        }
        if ax == 0 || ax.isInfinite {
            let negativeOdd = x.sign == .minus && parity == 1
            let large = (ax == 0) == (y < 0)           // 0^negative and ∞^positive are ∞
            let magnitude: Double = large ? .infinity : 0
            return negativeOdd ? -magnitude : magnitude
        }
        var sign = 1.0
        if x < 0 {
            guard let parity else { return .nan }
            if parity == 1 { sign = -1 }
        }
        let (lHi, lLo) = logDoubleDouble(ax)
        let t = y * lHi
        if !(abs(t) < 746) { return t > 0 ? sign * .infinity : sign * 0 }
        let (tHi0, tLo0) = ErrorFree.product(y, lHi)
        let (tHi, tLo) = ErrorFree.fastSum(tHi0, tLo0 + y * lLo)
        let k = Binary64.roundToInteger(tHi * Coefficients.invLn2)
        let r = tHi - k * Coefficients.ln2Hi                   // exact, as in exp
        // tLo joins before the kernel: it needs |rLo| ≲ ulp(rHi) (rLo·e^r is taken as rLo·(1 + r)).
        let (rHi, rLo) = ErrorFree.sum(r, tLo - k * Coefficients.ln2Lo)
        return sign * expKernel(rHi, rLo - k * Coefficients.ln2Lo2, Int(k))
    }

    /// x^y for y in {1, 2, 3, 4} and 2^-200 ≤ |x| ≤ 2^200 (no overflow or underflow inside):
    /// x² as an exact double-double, one more exact product, one final rounding. Nil for
    /// other y.
    @inlinable @inline(__always) static func smallIntegerPower(_ x: Double, _ y: Double) -> Double? {
        if y == 1 { return x }
        if y == 2 { return x * x }
        let (p, e) = ErrorFree.product(x, x)
        if y == 3 {
            let (q, qe) = ErrorFree.product(p, x)
            return q + (qe + e * x)
        }
        if y == 4 {
            let (q, qe) = ErrorFree.product(p, p)
            return q + (qe + 2 * p * e)
        }
        return nil
    }

    /// 0 for an even integer, 1 for an odd one, nil for a non-integer (y finite or not).
    @inlinable @inline(__always) static func integerParity(_ y: Double) -> Int? {
        guard y.isFinite else { return nil }
        if abs(y) >= 9_007_199_254_740_992 { return 0 }   // 2^53 and beyond: all even
        let i = Int64(y)                                    // truncates; no libm `trunc`
        return Double(i) == y ? Int(i & 1) : nil
    }
}
