/// Adam's per-element update, a vector at a time. Every lane runs exactly the
/// scalar formula of `Adam.step` (same operations in the same order, no fused
/// multiply-adds), so every vector width gives the same bits as the scalar
/// loop; wider is only faster. Square root and division dominate, so the
/// kernel targets instantiate it at their own width (`vsqrtps ymm` on AVX2).
public struct AdamUpdate: Sendable {
    public var beta1: Float, beta2: Float
    public var stepSize: Float, vScale: Float, epsilon: Float
    public var learningRate: Float, weightDecay: Float
    public var decoupled: Bool

    @inlinable
    public init(beta1: Float, beta2: Float, stepSize: Float, vScale: Float, epsilon: Float,
                learningRate: Float, weightDecay: Float, decoupled: Bool) {
        self.beta1 = beta1; self.beta2 = beta2
        self.stepSize = stepSize; self.vScale = vScale; self.epsilon = epsilon
        self.learningRate = learningRate; self.weightDecay = weightDecay
        self.decoupled = decoupled
    }

    /// Updates `theta`, `m`, `v` in place from gradient `g`, `count` elements,
    /// and returns whether every updated weight is finite (x·0 is 0 only for
    /// finite x), which saves the trainer a separate pass over the weights.
    @inlinable @discardableResult
    public func apply<V: SIMD>(_: V.Type, theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                               v: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, count: Int) -> Bool
    where V.Scalar == Float {
        var i = 0
        var zeros = V()
        while i + V.scalarCount <= count {
            var t: V = load(theta + i), mv: V = load(m + i), vv: V = load(v + i)
            update(theta: &t, m: &mv, v: &vv, g: load(UnsafeMutablePointer(mutating: g + i)))
            store(t, theta + i); store(mv, m + i); store(vv, v + i)
            zeros += t * 0
            i += V.scalarCount
        }
        if i < count {
            // The tail through zero-padded lanes; only the real lanes are written back.
            var t = V(), mv = V(), vv = V(), gv = V()
            for l in 0..<(count - i) { t[l] = theta[i + l]; mv[l] = m[i + l]; vv[l] = v[i + l]; gv[l] = g[i + l] }
            update(theta: &t, m: &mv, v: &vv, g: gv)
            for l in 0..<(count - i) { theta[i + l] = t[l]; m[i + l] = mv[l]; v[i + l] = vv[l] }
            zeros += t * 0   // padding lanes hold finite values
        }
        return zeros.sum() == 0
    }

    @inlinable @inline(__always)
    func update<V: SIMD>(theta: inout V, m: inout V, v: inout V, g: V) where V.Scalar == Float {
        var gi = g
        if weightDecay != 0 {
            if decoupled { theta -= learningRate * weightDecay * theta } else { gi += weightDecay * theta }
        }
        m = beta1 * m + (1 - beta1) * gi
        v = beta2 * v + (1 - beta2) * gi * gi
        theta -= stepSize * m / (v.squareRoot() * vScale + epsilon)
    }

    @inlinable @inline(__always)
    func load<V: SIMD>(_ p: UnsafeMutablePointer<Float>) -> V where V.Scalar == Float {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inlinable @inline(__always)
    func store<V: SIMD>(_ x: V, _ p: UnsafeMutablePointer<Float>) where V.Scalar == Float {
        UnsafeMutableRawPointer(p).storeBytes(of: x, as: V.self)
    }
}
