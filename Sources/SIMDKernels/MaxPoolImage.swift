/// Max pooling of one NHWC image, channels innermost and eight channels at a
/// time: every window tap is one compare and two selects, no branch. Always
/// inlined, so each kernel target compiles it with its own instructions
/// (`vblendvps` on AVX2; the baseline has no blend). Concrete `SIMD8`, not
/// generic: generic SIMD comparisons lower to a loop over lanes.
///
/// Rule: the first maximum in row-major window order wins a tie, and
/// `!(v <= best)` lets a NaN through so it propagates (PyTorch's CPU rules).
/// With `appliesReLU` the maximum is clamped at zero afterwards, which is the
/// same bits as pooling ReLU's output (max commutes with ReLU).
public struct MaxPoolImage: Sendable {
    public var height: Int, width: Int, channels: Int
    public var outHeight: Int, outWidth: Int, poolSize: Int
    public var appliesReLU: Bool

    @inlinable
    public init(height: Int, width: Int, channels: Int, outHeight: Int, outWidth: Int, poolSize: Int,
                appliesReLU: Bool) {
        self.height = height; self.width = width; self.channels = channels
        self.outHeight = outHeight; self.outWidth = outWidth; self.poolSize = poolSize
        self.appliesReLU = appliesReLU
    }

    /// Pools the image at `x` into `y`; `am` gets each output's input index
    /// within the image plus `indexBase`.
    @inlinable @inline(__always)
    public func forward(image x: UnsafePointer<Float>, indexBase: Int,
                        output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
        typealias V = SIMD8<Float>
        let p = poolSize, c = channels, w = V.scalarCount
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                let o = (oy * outWidth + ox) * c
                let first = ((oy * p) * width + ox * p) * c
                var ch = 0
                while ch + w <= c {
                    var best = UnsafeRawPointer(x + first + ch).loadUnaligned(as: V.self)
                    var index = lanes &+ Int32(indexBase + first + ch)
                    for dy in 0..<p {
                        for dx in 0..<p where dy != 0 || dx != 0 {
                            let i = first + (dy * width + dx) * c + ch
                            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
                            let better = .!(v .<= best)
                            best.replace(with: v, where: better)
                            index.replace(with: lanes &+ Int32(indexBase + i), where: better)
                        }
                    }
                    if appliesReLU { best.replace(with: 0, where: best .<= 0) }
                    UnsafeMutableRawPointer(y + o + ch).storeBytes(of: best, as: V.self)
                    UnsafeMutableRawPointer(am + o + ch).storeBytes(of: index, as: SIMD8<Int32>.self)
                    ch += w
                }
                while ch < c {
                    var best = x[first + ch], index = Int32(indexBase + first + ch)
                    for dy in 0..<p {
                        for dx in 0..<p where dy != 0 || dx != 0 {
                            let i = first + (dy * width + dx) * c + ch
                            if !(x[i] <= best) { best = x[i]; index = Int32(indexBase + i) }
                        }
                    }
                    y[o + ch] = appliesReLU && best <= 0 ? 0 : best
                    am[o + ch] = index
                    ch += 1
                }
            }
        }
    }
}
