/// Error-free transformations: a sum or product as the rounded result plus its exact rounding
/// error. They carry the extra precision the kernels need through plain IEEE double
/// arithmetic, without fused multiply-add (which wasm32 would reach through a libm call that
/// is not correctly rounded there).
@usableFromInline enum ErrorFree {
    /// a + b = s + e exactly (Knuth's TwoSum; any a, b).
    @inlinable @inline(__always) static func sum(_ a: Double, _ b: Double) -> (s: Double, e: Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// a + b = s + e exactly, when |a| ≥ |b| or a = 0 (Dekker's Fast2Sum).
    @inlinable @inline(__always) static func fastSum(_ a: Double, _ b: Double) -> (s: Double, e: Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// a = hi + lo with 26-bit halves (Veltkamp), so products of halves are exact.
    /// Valid for |a| < 2^996.
    @inlinable @inline(__always) static func split(_ a: Double) -> (hi: Double, lo: Double) {
        let c = 134_217_729.0 * a          // 2^27 + 1
        let hi = c - (c - a)
        return (hi, a - hi)
    }

    /// a·b = p + e exactly (Dekker's TwoProduct), barring overflow and underflow.
    @inlinable @inline(__always) static func product(_ a: Double, _ b: Double) -> (p: Double, e: Double) {
        let p = a * b
        let (ah, al) = split(a), (bh, bl) = split(b)
        return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }
}

/// Bit-level helpers shared by the kernels.
@usableFromInline enum Binary64 {
    /// 2^k for −1022 ≤ k ≤ 1023.
    @inlinable @inline(__always) static func power(_ k: Int) -> Double {
        Double(bitPattern: UInt64(truncatingIfNeeded: k + 1023) << 52)
    }

    /// v rounded to the nearest integer, ties to even, for |v| < 2^51: adding 1.5·2^52 leaves
    /// no fraction bits. (`rounded()` is a libm call on baseline x86-64.)
    @inlinable @inline(__always) static func roundToInteger(_ v: Double) -> Double {
        (v + 6_755_399_441_055_744.0) - 6_755_399_441_055_744.0
    }

    /// m·2^k with m in [√½, √2) for positive, finite, nonzero x (subnormals included).
    @inlinable @inline(__always) static func decompose(_ x: Double) -> (m: Double, k: Int) {
        var bits = x.bitPattern, bias = 1023
        if bits < 0x0010_0000_0000_0000 {               // subnormal: scale by 2^54 first
            bits = (x * 18_014_398_509_481_984.0).bitPattern
            bias += 54
        }
        var k = Int(truncatingIfNeeded: bits >> 52) - bias
        var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if m > 1.4142135623730951 { m *= 0.5; k += 1 }
        return (m, k)
    }
}
