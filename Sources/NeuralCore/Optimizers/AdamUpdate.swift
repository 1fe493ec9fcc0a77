/// Adam's per-element update, eight lanes at a time. Every lane runs exactly
/// the scalar formula of `Adam.step` (same operations in the same order, no
/// fused multiply-adds), so results are the same bits as the scalar loop;
/// it is only faster (the scalar loop was a quarter of an MLP step).
struct AdamUpdate {
    var beta1: Float, beta2: Float
    var stepSize: Float, vScale: Float, epsilon: Float
    var learningRate: Float, weightDecay: Float
    var decoupled: Bool

    /// Updates `theta`, `m`, `v` in place from gradient `g`, `count` elements.
    func apply(theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
               g: UnsafePointer<Float>, count: Int) {
        typealias V = SIMD8<Float>
        var i = 0
        while i + V.scalarCount <= count {
            var t = load(theta + i), mv = load(m + i), vv = load(v + i)
            update(theta: &t, m: &mv, v: &vv, g: load(g + i))
            store(t, theta + i); store(mv, m + i); store(vv, v + i)
            i += V.scalarCount
        }
        if i < count {
            // The tail through zero-padded lanes; only the real lanes are written back.
            var t = V(), mv = V(), vv = V(), gv = V()
            for l in 0..<(count - i) { t[l] = theta[i + l]; mv[l] = m[i + l]; vv[l] = v[i + l]; gv[l] = g[i + l] }
            update(theta: &t, m: &mv, v: &vv, g: gv)
            for l in 0..<(count - i) { theta[i + l] = t[l]; m[i + l] = mv[l]; v[i + l] = vv[l] }
        }
    }

    @inline(__always)
    private func update(theta: inout SIMD8<Float>, m: inout SIMD8<Float>, v: inout SIMD8<Float>, g: SIMD8<Float>) {
        var gi = g
        if weightDecay != 0 {
            if decoupled { theta -= learningRate * weightDecay * theta } else { gi += weightDecay * theta }
        }
        m = beta1 * m + (1 - beta1) * gi
        v = beta2 * v + (1 - beta2) * gi * gi
        theta -= stepSize * m / (v.squareRoot() * vScale + epsilon)
    }

    @inline(__always)
    private func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private func store(_ x: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: x, as: SIMD8<Float>.self)
    }
}
