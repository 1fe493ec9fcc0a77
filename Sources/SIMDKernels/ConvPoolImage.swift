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
                    #if hasFeature(Embedded) && arch(wasm32)
                    // V8's x64 code has 16 vector registers: sixteen accumulators (8 of
                    // SIMD8) would spill, so each half of the channels runs its own chains.
                    // The same FMA chains, so the same bits.
                    let (a0, b0, c0, d0) = windowChains(x0, depthOffsets, w + ch, depth: k, right: right, down: down)
                    let (a1, b1, c1, d1) = windowChains(x0, depthOffsets, w + ch + 8, depth: k, right: right, down: down)
                    #else
                    var a0 = V(), a1 = V(), b0 = V(), b1 = V(), c0 = V(), c1 = V(), d0 = V(), d1 = V()
                    var wp = w + ch
                    for q in 0..<k {
                        let pa = x0 + depthOffsets[q]
                        let w0 = UnsafeRawPointer(wp).loadUnaligned(as: V.self)
                        let w1 = UnsafeRawPointer(wp + 8).loadUnaligned(as: V.self)
                        var s = V(repeating: pa[0])
                        a0 = a0.addingFusedProduct(s, w0); a1 = a1.addingFusedProduct(s, w1)
                        s = V(repeating: pa[right])
                        b0 = b0.addingFusedProduct(s, w0); b1 = b1.addingFusedProduct(s, w1)
                        s = V(repeating: pa[down])
                        c0 = c0.addingFusedProduct(s, w0); c1 = c1.addingFusedProduct(s, w1)
                        s = V(repeating: pa[down + right])
                        d0 = d0.addingFusedProduct(s, w0); d1 = d1.addingFusedProduct(s, w1)
                        wp += c
                    }
                    #endif
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

extension ConvPoolImage {
    /// The four pixels of a pooling window, eight channels from `w`: FMA chains over
    /// the patch in order from zero (one half of `forwardLoop`'s sixteen channels).
    @inlinable @inline(__always)
    func windowChains(_ x0: UnsafePointer<Float>, _ depthOffsets: UnsafePointer<Int>, _ w: UnsafePointer<Float>,
                      depth k: Int, right: Int, down: Int) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
        typealias V = SIMD8<Float>
        var a = V(), b = V(), c = V(), d = V()
        var wp = w
        for q in 0..<k {
            let pa = x0 + depthOffsets[q]
            let w0 = UnsafeRawPointer(wp).loadUnaligned(as: V.self)
            a = a.addingFusedProduct(V(repeating: pa[0]), w0)
            b = b.addingFusedProduct(V(repeating: pa[right]), w0)
            c = c.addingFusedProduct(V(repeating: pa[down]), w0)
            d = d.addingFusedProduct(V(repeating: pa[down + right]), w0)
            wp += pool.channels
        }
        return (a, b, c, d)
    }

    /// Continues, over one image, the kernel-gradient chains of up to six rows
    /// of [dK; db] for sixteen channels `ch ..< ch + 16`, straight from the
    /// pooled gradient: two rows of output pixels' gradients are rebuilt in L1
    /// scratch (0 + dy where the window's argmax is the pixel, else zero, as
    /// un-pooling writes it) and multiplied in at once, so the un-pooled
    /// gradient is never stored. Same FMA chains, in the same pixel order, as
    /// `gemm(gatheredA:…, continuingChains:)` over the un-pooled gradient.
    ///
    /// Row r's value at pixel p is `image[pixelOffsets[p] + rowOffsets[r]]`
    /// (the padded patches, or the ones row); `dy`/`am` are the image's pooled
    /// gradient and argmax, `indexBase` its first output index; `sums` holds
    /// the chains (row stride `ldSums`), read and written back; `rowScratch`
    /// holds 32 floats per output column (two rows of pixel gradients).
    @inlinable @inline(__always)
    public func kernelGradientLoop(image: UnsafePointer<Float>, pixelOffsets: UnsafePointer<Int>,
                                   rowOffsets: UnsafePointer<Int>, rows: Int, channel ch: Int,
                                   gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, indexBase: Int,
                                   sums: UnsafeMutablePointer<Float>, ldSums: Int,
                                   rowScratch g: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        typealias I = SIMD8<Int32>
        let c = pool.channels, ow = pool.width, pw = pool.outWidth
        let (coveredHeight, coveredWidth) = (2 * pool.outHeight, 2 * pw)
        let last = rows - 1
        let r0 = rowOffsets[0], r1 = rowOffsets[min(1, last)], r2 = rowOffsets[min(2, last)]
        let r3 = rowOffsets[min(3, last)], r4 = rowOffsets[min(4, last)], r5 = rowOffsets[min(5, last)]
        var acc = (V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V(), V())
        withUnsafeMutableBytes(of: &acc) { raw in
            let a = raw.baseAddress!.assumingMemoryBound(to: Float.self)
            for r in 0..<rows { (a + 16 * r).update(from: sums + r * ldSums, count: 16) }
        }
        var (a00, a01, a10, a11, a20, a21, a30, a31, a40, a41, a50, a51) = acc
        let lanes = I(0, 1, 2, 3, 4, 5, 6, 7)
        // A pair of pixel rows' gradients is rebuilt into `g` (in L1) first,
        // window by window, so the FMA loop has the registers to itself.
        var oy = 0
        while oy < pool.height {
            let pairRows = min(2, pool.height - oy)
            if oy >= coveredHeight || coveredWidth < ow {
                g.update(repeating: 0, count: 32 * ow)   // pixels no window covers
            }
            if oy < coveredHeight {
                let tapRight = I(repeating: Int32(truncatingIfNeeded: c))
                let tapDown = I(repeating: Int32(truncatingIfNeeded: ow &* c))
                for px in 0..<pw {
                    let w = ((oy >> 1) * pw + px) * c + ch
                    let base = lanes &+ I(repeating: Int32(truncatingIfNeeded: indexBase &+ (oy * ow + 2 * px) &* c &+ ch))
                    for half in 0..<2 {
                        // The argmax relative to the window's first pixel, lane by lane.
                        let relative = UnsafeRawPointer(am + w + 8 * half).loadUnaligned(as: I.self) &- base &- I(repeating: Int32(8 * half))
                        let value = V() + UnsafeRawPointer(dy + w + 8 * half).loadUnaligned(as: V.self)
                        let top = g + 32 * px + 8 * half, bottom = top + 16 * ow
                        UnsafeMutableRawPointer(top).storeBytes(of: V().replacing(with: value, where: relative .== I()), as: V.self)
                        UnsafeMutableRawPointer(top + 16).storeBytes(of: V().replacing(with: value, where: relative .== tapRight), as: V.self)
                        UnsafeMutableRawPointer(bottom).storeBytes(of: V().replacing(with: value, where: relative .== tapDown), as: V.self)
                        UnsafeMutableRawPointer(bottom + 16).storeBytes(of: V().replacing(with: value, where: relative .== tapDown &+ tapRight),
                                                                        as: V.self)
                    }
                }
            }
            for row in 0..<pairRows {
                let offsets = pixelOffsets + (oy + row) * ow, gr = g + 16 * ow * row
                for ox in 0..<ow {
                    let g0 = UnsafeRawPointer(gr + 16 * ox).loadUnaligned(as: V.self)
                    let g1 = UnsafeRawPointer(gr + 16 * ox + 8).loadUnaligned(as: V.self)
                    let x = image + offsets[ox]
                    var s = V(repeating: x[r0])
                    a00 = a00.addingFusedProduct(s, g0); a01 = a01.addingFusedProduct(s, g1)
                    s = V(repeating: x[r1])
                    a10 = a10.addingFusedProduct(s, g0); a11 = a11.addingFusedProduct(s, g1)
                    s = V(repeating: x[r2])
                    a20 = a20.addingFusedProduct(s, g0); a21 = a21.addingFusedProduct(s, g1)
                    s = V(repeating: x[r3])
                    a30 = a30.addingFusedProduct(s, g0); a31 = a31.addingFusedProduct(s, g1)
                    s = V(repeating: x[r4])
                    a40 = a40.addingFusedProduct(s, g0); a41 = a41.addingFusedProduct(s, g1)
                    s = V(repeating: x[r5])
                    a50 = a50.addingFusedProduct(s, g0); a51 = a51.addingFusedProduct(s, g1)
                }
            }
            oy += pairRows
        }
        acc = (a00, a01, a10, a11, a20, a21, a30, a31, a40, a41, a50, a51)
        withUnsafeBytes(of: &acc) { raw in
            let a = raw.baseAddress!.assumingMemoryBound(to: Float.self)
            for r in 0..<rows { (sums + r * ldSums).update(from: a + 16 * r, count: 16) }
        }
    }
}
