/// Max pooling of one NHWC image, channels innermost and eight channels at a
/// time: every window tap is one compare and two selects, no branch. Always
/// inlined, so each kernel target compiles it with its own instructions
/// (`vblendvps` on AVX2; the baseline has no blend). Concrete `SIMD8`, not
/// generic: generic SIMD comparisons lower to a loop over lanes.
/// The loops are named `…Loop` so NeuralCore cannot call them by accident:
/// compiled there, they would get the baseline CPU's instructions. It calls
/// `forward`/`backward`, which dispatch to a kernel target.
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
    /// within the image plus `indexBase`, or with `appliesReLU` −1 where the
    /// maximum was not positive: ReLU passes no gradient there, and backward
    /// needs no other record of it.
    @inlinable @inline(__always)
    public func forwardLoop(image x: UnsafePointer<Float>, indexBase: Int,
                        output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
        typealias V = SIMD8<Float>
        let p = poolSize, c = channels, w = V.scalarCount
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        forEachWindow { o, first in
            var ch = 0
            while ch + w <= c {
                var best = UnsafeRawPointer(x + first + ch).loadUnaligned(as: V.self)
                var index = lanes &+ SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: indexBase &+ first &+ ch))
                for dy in 0..<p {
                    for dx in 0..<p where dy != 0 || dx != 0 {
                        let i = first + (dy * width + dx) * c + ch
                        let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
                        let better = .!(v .<= best)
                        best.replace(with: v, where: better)
                        index.replace(with: lanes &+ SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: indexBase &+ i)),
                                      where: better)
                    }
                }
                if appliesReLU {
                    index.replace(with: -1, where: .!(best .> 0))
                    best.replace(with: 0, where: best .<= 0)
                }
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
                am[o + ch] = appliesReLU && !(best > 0) ? -1 : index
                ch += 1
            }
        }
    }

    /// The input gradient of one image from its output gradient, written whole
    /// in one pass (no zeroing pass, no scatter): a window's maximum (its
    /// `argmax`, which holds `indexBase` plus the index within the image) gets
    /// 0 + dy, exactly what zeroing and then adding gives, and everything else
    /// zero; a window whose argmax is −1 (ReLU zeroed it) gets zero throughout.
    /// `dy` and `am` point at this image's outputs.
    @inlinable @inline(__always)
    public func backwardLoop(gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>,
                             indexBase: Int, into dx: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        let p = poolSize, c = channels, w = V.scalarCount
        if outHeight * p != height || outWidth * p != width {
            dx.update(repeating: 0, count: height * width * c)   // rows and columns no window covers
        }
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        forEachWindow { o, first in
            var ch = 0
            while ch + w <= c {
                let value = V() + UnsafeRawPointer(dy + o + ch).loadUnaligned(as: V.self)
                let bits = unsafeBitCast(value, to: SIMD8<Int32>.self)
                // The argmax relative to this window's first tap, lane by lane.
                let argmax = UnsafeRawPointer(am + o + ch).loadUnaligned(as: SIMD8<Int32>.self)
                    &- SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: indexBase &+ first &+ ch)) &- lanes
                for ty in 0..<p {
                    for tx in 0..<p {
                        let tap = (ty &* width &+ tx) &* c
                        // All ones where the argmax is this tap, else zero, in integer
                        // lanes: d | −d is negative exactly when d ≠ 0.
                        let d = argmax &- SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: tap))
                        let miss = (d | (0 &- d)) &>> 31
                        UnsafeMutableRawPointer(dx + (first &+ tap &+ ch)).storeBytes(of: bits & ~miss, as: SIMD8<Int32>.self)
                    }
                }
                ch += w
            }
            while ch < c {
                for ty in 0..<p {
                    for tx in 0..<p {
                        let i = first + (ty * width + tx) * c + ch
                        dx[i] = Int(am[o + ch]) == indexBase + i ? 0 + dy[o + ch] : 0
                    }
                }
                ch += 1
            }
        }
    }

    /// Calls `body(o, first)` for every window: `o` is the index of its first
    /// output value and `first` of its first input value, within the image.
    @inlinable @inline(__always)
    func forEachWindow(_ body: (_ o: Int, _ first: Int) -> Void) {
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                body((oy * outWidth + ox) * channels, ((oy * poolSize) * width + ox * poolSize) * channels)
            }
        }
    }
}
