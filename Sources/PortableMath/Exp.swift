extension Math {
    /// e^x, faithfully rounded (error below 1 ulp; at most 0.58 ulp on the test values).
    ///
    /// Algorithm: x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite: ln2 in a 42-bit head, so k·head
    /// and x − k·head are exact, and a tail), then e^r = 1 + r + r²/2 + r³·q(r), q a degree-10
    /// near-minimax polynomial; 1 + r is carried as an exact sum so that the final rounding is
    /// nearly the only one. No table: it stays small for wasm and fast enough natively.
    @inlinable public static func exp(_ x: Double) -> Double {
        if !(abs(x) < 708) {
            if x.isNaN { return x }
            if x > 710 { return .infinity }
            if x < -746 { return 0 }
        }
        let k = Binary64.roundToInteger(x * Coefficients.invLn2)
        let r = x - k * Coefficients.ln2Hi                  // exact
        let (rHi, rLo) = ErrorFree.sum(r, -k * Coefficients.ln2Lo)
        return expKernel(rHi, rLo, Int(k))
    }

    /// 2^k·e^(rHi + rLo) for |rHi| ≤ ln2/2 + ε and |rLo| ≤ 2^-40·|rHi| + 2^-60, k in
    /// [−1100, 1100]: overflows to ∞ and underflows through the subnormals to 0.
    @inlinable @inline(__always) static func expKernel(_ rHi: Double, _ rLo: Double, _ k: Int) -> Double {
        let z = rHi * rHi
        let tail = 0.5 * z + (z * rHi) * Coefficients.expTail(rHi)
        let (one, oneError) = ErrorFree.fastSum(1, rHi)
        let y = one + (oneError + (tail + (rLo + rLo * rHi)))
        if k > -1022 && k < 1024 { return y * Binary64.power(k) }
        if k >= 1024 { return y * Binary64.power(min(k, 2046) - 1023) * Binary64.power(1023) }
        // Subnormal result: one exact scaling, then one rounding onto the subnormal grid.
        return y * Binary64.power(max(k, -1900) + 1000) * Binary64.power(-1000)
    }
}
