import Foundation

/// Scalar helpers shared by losses and heads. They work in Double: loss and metric
/// arithmetic is a tiny fraction of a training step, and Double keeps the reference
/// comparisons (1e-5 relative) free of Float32 rounding noise.
enum ScalarMath {
    /// σ(x) without overflow for either sign.
    @inline(__always) static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// softplus(u) = log(1 + eᵘ), written so it neither overflows nor cancels.
    @inline(__always) static func softplus(_ u: Double) -> Double {
        max(u, 0) + log1p(exp(-abs(u)))
    }

    /// log Σ exp(xᵢ) of a row, shifted by the maximum.
    @inline(__always) static func logSumExp(_ x: UnsafePointer<Float>, count: Int) -> Double {
        var m = -Double.infinity
        for c in 0..<count { m = max(m, Double(x[c])) }
        if !m.isFinite { return m }
        var s = 0.0
        for c in 0..<count { s += exp(Double(x[c]) - m) }
        return m + log(s)
    }
}
