extension Math {
    /// Sine, faithfully rounded on the whole domain (huge arguments included).
    ///
    /// Algorithm: x = q·π/2 + r with |r| ≤ π/4 as a double-double (`TrigReduction`), then a
    /// near-minimax polynomial for sin or cos of r chosen by q mod 4.
    @inlinable public static func sin(_ x: Double) -> Double {
        let a = abs(x)
        if a < 0.7853981633974483 {
            return a < 1.4901161193847656e-08 ? x : sinKernel(x, 0)   // sin x = x below 2^-26
        }
        if !a.isFinite { return x - x }                               // NaN for ±∞ and NaN
        let (q, rHi, rLo) = TrigReduction.reduce(a)
        let v: Double
        switch q & 3 {
        case 0: v = sinKernel(rHi, rLo)
        case 1: v = cosKernel(rHi, rLo)
        case 2: v = -sinKernel(rHi, rLo)
        default: v = -cosKernel(rHi, rLo)
        }
        return x < 0 ? -v : v
    }

    /// Cosine, faithfully rounded on the whole domain (huge arguments included).
    @inlinable public static func cos(_ x: Double) -> Double {
        let a = abs(x)
        if a < 0.7853981633974483 {
            return a < 7.450580596923828e-09 ? 1 : cosKernel(a, 0)    // cos x = 1 below 2^-27
        }
        if !a.isFinite { return x - x }
        let (q, rHi, rLo) = TrigReduction.reduce(a)
        switch q & 3 {
        case 0: return cosKernel(rHi, rLo)
        case 1: return -sinKernel(rHi, rLo)
        case 2: return -cosKernel(rHi, rLo)
        default: return sinKernel(rHi, rLo)
        }
    }

    /// sin(rHi + rLo) for |rHi| ≤ π/4 + ε, |rLo| ≤ 2^-50·|rHi|: r + r·z·S(z), plus rLo·cos r.
    @inlinable @inline(__always) static func sinKernel(_ rHi: Double, _ rLo: Double) -> Double {
        let z = rHi * rHi
        return rHi + ((rHi * z) * Coefficients.sinTail(z) + rLo * (1 - 0.5 * z))
    }

    /// cos(rHi + rLo) for |rHi| ≤ π/4 + ε: 1 − z/2 + z²·C(z) with z = r² and 1 − z/2 kept
    /// exact as a double-double, minus rLo·sin r.
    @inlinable @inline(__always) static func cosKernel(_ rHi: Double, _ rLo: Double) -> Double {
        let (z, ze) = ErrorFree.product(rHi, rHi)
        let (h, he) = ErrorFree.fastSum(1, -0.5 * z)
        return h + (he + ((z * z) * Coefficients.cosTail(z) - 0.5 * ze - rLo * rHi))
    }
}
