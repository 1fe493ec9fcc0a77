/// A convolution with bias, then (ReLU and) 2×2 max-pooling, for one NHWC
/// image, a pooling window at a time in registers: the window's four output
/// pixels × sixteen channels are eight accumulators that share each kernel
/// row, and are pooled before anything is stored. The convolution's output is
/// never written.
///
/// Same bits as the product and the pooling it replaces: each output is the
/// FMA chain over the patch in order from zero, plus the bias after the chain
/// (`gemm`'s contract), and the window is pooled by `MaxPoolImage`'s rule.
/// Always inlined, so each kernel target compiles it with its own
/// instructions; NeuralCore calls `forward`, which dispatches to one.
public struct ConvPoolImage: Sendable {
    /// The pooling of the convolution's output (pool size 2, channels a multiple of 16).
    public var pool: MaxPoolImage
    /// Patch length kh·kw·cin, and the padded input's row length in floats.
    public var depth: Int, paddedRowFloats: Int, inputChannels: Int

    @inlinable
    public init(pool: MaxPoolImage, depth: Int, paddedRowFloats: Int, inputChannels: Int) {
        precondition(pool.poolSize == 2 && pool.channels % 16 == 0, "ConvPoolImage: 2×2 pooling of 16·k channels")
        self.pool = pool
        self.depth = depth
        self.paddedRowFloats = paddedRowFloats
        self.inputChannels = inputChannels
    }

    /// `x`: the image's zero-bordered input, output pixel (oy, ox)'s patch at
    /// `x + (oy·rowFloats + ox·cin) + depthOffsets[p]`; `w`: kernel [depth, cout];
    /// `y`/`am`: the image's pooled output and argmax (index within the
    /// convolution's output image plus `indexBase`).
    @inlinable @inline(__always)
    public func forwardLoop(image x: UnsafePointer<Float>, depthOffsets: UnsafePointer<Int>,
                            kernel w: UnsafePointer<Float>, bias: UnsafePointer<Float>, indexBase: Int,
                            output y: UnsafeMutablePointer<Float>, argmax am: UnsafeMutablePointer<Int32>) {
        typealias V = SIMD8<Float>
        let c = pool.channels, ow = pool.width, k = depth
        let (right, down) = (inputChannels, paddedRowFloats)
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        for py in 0..<pool.outHeight {
            for px in 0..<pool.outWidth {
                let (oy, ox) = (2 * py, 2 * px)
                let x0 = x + oy * down + ox * right
                let first = (oy * ow + ox) * c, o = (py * pool.outWidth + px) * c
                var ch = 0
                while ch < c {
                    var a0 = V(), a1 = V(), b0 = V(), b1 = V(), c0 = V(), c1 = V(), d0 = V(), d1 = V()
                    var wp = w + ch
                    for q in 0..<k {
                        let pa = x0 + depthOffsets[q]
                        let w0 = UnsafeRawPointer(wp).loadUnaligned(as: V.self)
                        let w1 = UnsafeRawPointer(wp + 8).loadUnaligned(as: V.self)
                        var s = V(repeating: pa[0])
                        a0 = a0.addingProduct(s, w0); a1 = a1.addingProduct(s, w1)
                        s = V(repeating: pa[right])
                        b0 = b0.addingProduct(s, w0); b1 = b1.addingProduct(s, w1)
                        s = V(repeating: pa[down])
                        c0 = c0.addingProduct(s, w0); c1 = c1.addingProduct(s, w1)
                        s = V(repeating: pa[down + right])
                        d0 = d0.addingProduct(s, w0); d1 = d1.addingProduct(s, w1)
                        wp += c
                    }
                    // Pooled in two halves of eight channels, taps in row-major
                    // window order (0,0), (0,1), (1,0), (1,1).
                    let start = indexBase + first + ch, taps = SIMD4<Int>(0, c, ow * c, ow * c + c)
                    for half in 0..<2 {
                        let b = UnsafeRawPointer(bias + ch + 8 * half).loadUnaligned(as: V.self)
                        let v = half == 0 ? (a0, b0, c0, d0) : (a1, b1, c1, d1)
                        var best = v.0 + b
                        var index = lanes &+ SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: start &+ 8 &* half))
                        for tap in 1...3 {
                            let candidate = (tap == 1 ? v.1 : tap == 2 ? v.2 : v.3) + b
                            let better = .!(candidate .<= best)
                            best.replace(with: candidate, where: better)
                            index.replace(with: lanes &+ SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: start &+ 8 &* half &+ taps[tap])),
                                          where: better)
                        }
                        if pool.appliesReLU {
                            index.replace(with: -1, where: .!(best .> 0))
                            best.replace(with: 0, where: best .<= 0)
                        }
                        UnsafeMutableRawPointer(y + o + ch + 8 * half).storeBytes(of: best, as: V.self)
                        UnsafeMutableRawPointer(am + o + ch + 8 * half).storeBytes(of: index, as: SIMD8<Int32>.self)
                    }
                    ch += 16
                }
            }
        }
    }
}
