/// x = q·π/2 + r for the trigonometric functions, exactly enough that r keeps about 70
/// correct bits even when x is within 2^-61 of a multiple of π/2 (the closest any double
/// comes).
@usableFromInline enum TrigReduction {
    /// q and r = rHi + rLo, |r| ≤ π/4 (+ 2^-30 for moderate x), for finite a ≥ π/4.
    @inlinable @inline(__always) static func reduce(_ a: Double) -> (q: Int, rHi: Double, rLo: Double) {
        a < 1_647_099 ? codyWaite(a) : payneHanek(a)
    }

    /// Cody–Waite for a < 2^19·π (so q ≤ 2^20): π/2 in three 33-bit parts and a tail, every
    /// q·part exact, a − q·part1 exact by Sterbenz, the rest summed with TwoSum (π/2 to 2^-150).
    @inlinable @inline(__always) static func codyWaite(_ a: Double) -> (q: Int, rHi: Double, rLo: Double) {
        let q = Binary64.roundToInteger(a * Coefficients.twoOverPi)
        let w = a - q * Coefficients.pio2A
        let (b, be) = ErrorFree.sum(w, -q * Coefficients.pio2B)
        let (c, ce) = ErrorFree.sum(b, -q * Coefficients.pio2C)
        let (rHi, rLo) = ErrorFree.fastSum(c, (be + ce) - q * Coefficients.pio2D)
        return (Int(q), rHi, rLo)
    }

    /// Payne–Hanek for large a = M·2^E (M a 53-bit integer): only the bits of 2/π from
    /// 2^-(E−1) on matter for a·2/π mod 4, so a 192-bit window of them times M, in integer
    /// arithmetic, gives q mod 4 and a fraction with 190 bits (error below 2^-137).
    @inlinable static func payneHanek(_ a: Double) -> (q: Int, rHi: Double, rLo: Double) {
        let bits = a.bitPattern
        let e = Int(truncatingIfNeeded: bits >> 52) - 1075
        let m = (bits & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
        let start = e - 2                               // 0-based index of bit 2^-(E−1)
        let w0 = window(start), w1 = window(start + 64), w2 = window(start + 128)
        // P = m·(w0·2^128 + w1·2^64 + w2); a·2/π ≡ P·2^-190 (mod 4). Words p2, p1, p0 suffice.
        let (h2, p0) = m.multipliedFullWidth(by: w2)
        let (h1, l1) = m.multipliedFullWidth(by: w1)
        let (_, l0) = m.multipliedFullWidth(by: w0)
        let (p1, carry1) = h2.addingReportingOverflow(l1)
        let p2 = h1 &+ l0 &+ (carry1 ? 1 : 0)
        var q = Int(truncatingIfNeeded: p2 >> 62)
        // The fraction, 128 bits: P's bits 62…189.
        var fHigh = (p2 << 2) | (p1 >> 62), fLow = (p1 << 2) | (p0 >> 62)
        var negative = false
        if fHigh >> 63 == 1 {                            // ≥ ½: r = (fraction − 1)·π/2
            q += 1
            negative = true
            fHigh = ~fHigh
            fLow = ~fLow &+ 1
            if fLow == 0 { fHigh &+= 1 }
        }
        if fHigh == 0 && fLow == 0 { return (q, 0, 0) }
        let shift = fHigh == 0 ? 64 + fLow.leadingZeroBitCount : fHigh.leadingZeroBitCount
        let (nHigh, nLow) = shift >= 64 ? (fLow << (shift - 64), UInt64(0))
            : shift == 0 ? (fHigh, fLow) : ((fHigh << shift) | (fLow >> (64 - shift)), fLow << shift)
        // value = (nHigh·2^64 + nLow)·2^-(128 + shift): the top 53 bits exactly, the rest rounded.
        let fHi = Double(nHigh >> 11) * Binary64.power(-53 - shift)
        let fLo = (Double(nHigh & 0x7FF) * 18_446_744_073_709_551_616.0 + Double(nLow))
            * Binary64.power(-128 - shift)
        let (p, pe) = ErrorFree.product(fHi, Coefficients.pio2Hi)
        let (rHi, rLo) = ErrorFree.fastSum(p, pe + (fHi * Coefficients.pio2Lo + fLo * Coefficients.pio2Hi))
        return negative ? (q, -rHi, -rLo) : (q, rHi, rLo)
    }

    /// 64 bits of 2/π starting at 0-based bit index `start` after the binary point (zeros
    /// before the point; the table reaches far enough for every finite double).
    @inlinable @inline(__always) static func window(_ start: Int) -> UInt64 {
        if start <= -64 { return 0 }
        let words = Coefficients.twoOverPiBits
        let word = start >= 0 ? start >> 6 : -1, offset = start & 63
        let first = word >= 0 ? words[word] : 0
        if offset == 0 { return first }
        return (first << offset) | (words[word + 1] >> (64 - offset))
    }
}
