import PortableMath

/// Scalar helpers shared by losses and heads. They work in Double: loss and metric
/// arithmetic is a tiny fraction of a training step, and Double keeps the reference
/// comparisons (1e-5 relative) free of Float32 rounding noise.
enum ScalarMath {
    /// σ(x) without overflow for either sign.
    @inline(__always) static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Math.exp(-x)) }
        let e = Math.exp(x)
        return e / (1 + e)
    }

    /// softplus(u) = log(1 + eᵘ), written so it neither overflows nor cancels.
    @inline(__always) static func softplus(_ u: Double) -> Double {
        max(u, 0) + Math.log1p(Math.exp(-abs(u)))
    }

    /// softplus(x), softplus(−x) and σ(x) from one exp(−|x|) and one log1p:
    /// the same bits as the three separate functions, which each compute those
    /// same two values (the binary losses need all three per cell).
    @inline(__always) static func softplusPairAndSigmoid(_ x: Double) -> (softplus: Double, softplusNegated: Double,
                                                                         sigmoid: Double) {
        let e = Math.exp(-abs(x)), l = Math.log1p(e)
        return (max(x, 0) + l, max(-x, 0) + l, x >= 0 ? 1 / (1 + e) : e / (1 + e))
    }

    /// σ(x), σ(−x) and log σ(x) = −softplus(−x) from one exp(−|x|) and one log1p: both
    /// probabilities without the cancellation of 1 − σ(x) (the asymmetric loss needs both).
    @inline(__always) static func sigmoidPairAndLogSigmoid(_ x: Double) -> (sigmoid: Double, sigmoidNegated: Double,
                                                                          logSigmoid: Double) {
        let e = Math.exp(-abs(x)), r = 1 / (1 + e)
        return (x >= 0 ? r : e * r, x >= 0 ? e * r : r, -(max(-x, 0) + Math.log1p(e)))
    }

    /// log Σ exp(xᵢ) of a row, shifted by the maximum.
    @inline(__always) static func logSumExp(_ x: UnsafePointer<Float>, count: Int) -> Double {
        var m = -Double.infinity
        for c in 0..<count { m = max(m, Double(x[c])) }
        if !m.isFinite { return m }
        var s = 0.0
        for c in 0..<count { s += Math.exp(Double(x[c]) - m) }
        return m + Math.log(s)
    }
}
