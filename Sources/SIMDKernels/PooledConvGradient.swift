/// The backward of a convolution whose output was 2×2 max-pooled, taken
/// straight from the pooled gradient and argmax, so the three quarters of the
/// un-pooled gradient that are zero are never multiplied.
///
/// Through the products, each kernel-gradient element is one FMA chain over
/// the output pixels in raster order, and each input-gradient element one chain
/// over its neighbouring output pixels in raster order, filters innermost; a
/// pixel that is not its window's argmax adds an exact zero. These loops visit
/// pixel rows in order and, within a row, each window's argmax if it lies in
/// that row, so every chain adds the same nonzero terms in the same order: the
/// same bits. (Skipping x·0 differs only where an activation is infinite or
/// NaN, when training has already diverged.)
///
/// The kernel gradient walks, per filter, a list of the pixels that take its
/// gradient, in raster order (`tablesLoop`); the input gradient gathers, per
/// pixel, the list of filters whose argmax it is, and keeps a kernel row of
/// the target in registers while it adds them in order. Concrete `SIMD8`,
/// always inlined: each kernel target compiles the `…Loop` bodies with its own
/// instructions; NeuralCore calls the dispatchers. Each loop has an entry point
/// of its own: one entry point calling two of them got the second compiled out
/// of line, in this module for the baseline CPU (software `fmaf`, 6× slower,
/// same bits, so only `perf` shows it).
public struct PooledConvGradient: Sendable {
    /// The pooling of the convolution's output (pool size 2).
    public var pool: MaxPoolImage
    public var kernelHeight: Int, kernelWidth: Int, inputChannels: Int
    /// The zero-bordered input image's width, and the input's size and border.
    public var paddedWidth: Int, inputHeight: Int, inputWidth: Int, padTop: Int, padLeft: Int

    @inlinable
    public init(pool: MaxPoolImage, kernelHeight: Int, kernelWidth: Int, inputChannels: Int,
                paddedWidth: Int, inputHeight: Int, inputWidth: Int, padTop: Int, padLeft: Int) {
        precondition(pool.poolSize == 2 && pool.channels % 8 == 0 && inputChannels % 8 == 0,
                     "PooledConvGradient: 2×2 pooling, channels in multiples of 8")
        self.pool = pool
        self.kernelHeight = kernelHeight; self.kernelWidth = kernelWidth; self.inputChannels = inputChannels
        self.paddedWidth = paddedWidth; self.inputHeight = inputHeight; self.inputWidth = inputWidth
        self.padTop = padTop; self.padLeft = padLeft
    }

    /// Capacity of one filter's list per image: one entry per pixel row per window column.
    @inlinable public var listCapacity: Int { 2 * pool.outHeight * pool.outWidth }
    /// Table entries per image: a list per filter.
    @inlinable public var entriesPerImage: Int { listCapacity * pool.channels }
    /// Floats in one zero-bordered image (the input gradient's scratch).
    @inlinable public var paddedImageFloats: Int {
        (pool.height + kernelHeight - 1) * paddedWidth * inputChannels
    }
    /// Floats in one kernel row (kw·cin), and in a whole patch (kh·kw·cin).
    @inlinable public var rowFloats: Int { kernelWidth * inputChannels }
    @inlinable public var patchFloats: Int { kernelHeight * rowFloats }

    /// Fills one image's tables from its pooled gradient `dy` and argmax `am`
    /// (index within the convolution's output plus `indexBase`, or −1 where
    /// ReLU passed nothing): for each filter f, the pixels whose gradient it
    /// takes, in raster order, as offsets of their patches in the
    /// zero-bordered input (`offsets[f·listCapacity + j]`) and gradients
    /// (`gains`, same places), and their number (`counts[f]`).
    @inlinable @inline(__always)
    public func tablesLoop(gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, indexBase: Int,
                           offsets: UnsafeMutablePointer<Int32>, gains: UnsafeMutablePointer<Float>,
                           counts: UnsafeMutablePointer<Int32>) {
        typealias I = SIMD8<Int32>
        let c = pool.channels, ow = pool.width, pw = pool.outWidth, capacity = listCapacity
        let (right, down) = (inputChannels, paddedWidth * inputChannels)
        let tapRight = I(repeating: Int32(truncatingIfNeeded: c))
        let tapDown = I(repeating: Int32(truncatingIfNeeded: ow * c))
        counts.update(repeating: 0, count: c)
        for py in 0..<pool.outHeight {
            for r in 0..<2 {
                let oy = 2 * py + r
                for px in 0..<pw {
                    var f = 0
                    while f < c {
                        let w = (py * pw + px) * c + f
                        let (alive, relative) = argmaxInWindow(am + w, indexBase: indexBase, py: py, px: px, filter: f)
                        let lower = relative .>= tapDown
                        var bits = laneBits(alive .& (r == 0 ? .!lower : lower))
                        let rightBits = laneBits((relative .== tapRight) .| (relative .== tapDown &+ tapRight))
                        let origin = oy * down + 2 * px * right
                        while bits != 0 {
                            let l = bits.trailingZeroBitCount
                            let n = Int(counts[f + l]), at = (f + l) * capacity + n
                            offsets[at] = Int32(truncatingIfNeeded: origin + ((rightBits &>> l) & 1) * right)
                            gains[at] = dy[w + l]
                            counts[f + l] = Int32(truncatingIfNeeded: n + 1)
                            bits &= bits - 1
                        }
                        f += 8
                    }
                }
            }
        }
    }

    /// For eight filters of window (py, px): where ReLU passed a gradient, and
    /// each argmax relative to the window's first pixel (0, c, ow·c or
    /// ow·c + c), read from `am` at the window's first of the eight.
    @inlinable @inline(__always)
    func argmaxInWindow(_ am: UnsafePointer<Int32>, indexBase: Int, py: Int, px: Int,
                        filter f: Int) -> (alive: SIMDMask<SIMD8<Int32>>, relative: SIMD8<Int32>) {
        let c = pool.channels, ow = pool.width
        let a = UnsafeRawPointer(am).loadUnaligned(as: SIMD8<Int32>.self)
        let first = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: indexBase &+ (2 * py * ow + 2 * px) * c &+ f))
        return (a .>= SIMD8<Int32>(), a &- first &- SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7))
    }

    /// Values of list scratch `inputGradientLoop` needs: a filter list per
    /// pixel of a row of windows (two pixel rows), and their lengths.
    @inlinable public var listScratchCount: Int { 4 * pool.outWidth * (pool.channels + 1) }

    /// One image's input gradient from its pooled gradient `dy` and argmax
    /// `am`, a row of windows at a time: each pixel's list of filters whose
    /// argmax it is is gathered first; then, pixels in raster order and filters
    /// in order, gain · K[·, ·, ·, f] is added over the pixel's patch into the
    /// zero-bordered `scratch` (`paddedImageFloats`), whose interior is finally
    /// copied to `dx` ([inputHeight, inputWidth, cin]). `kernelT` is the kernel
    /// with filters outermost, [cout][kh][kw][cin]; `lists` holds
    /// `listScratchCount` values.
    @inlinable @inline(__always)
    public func inputGradientLoop(gradient dy: UnsafePointer<Float>, argmax am: UnsafePointer<Int32>, indexBase: Int,
                                  kernelT: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>,
                                  lists: UnsafeMutablePointer<Int32>, into dx: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        typealias I = SIMD8<Int32>
        let c = pool.channels, ow = pool.width, pw = pool.outWidth, columns = 2 * pw
        let (right, down, row, patch) = (inputChannels, paddedWidth * inputChannels, rowFloats, patchFloats)
        let taps = (I(), I(repeating: Int32(truncatingIfNeeded: c)), I(repeating: Int32(truncatingIfNeeded: ow * c)),
                    I(repeating: Int32(truncatingIfNeeded: ow * c + c)))
        let counts = lists + 2 * columns * c
        let vectors = row / 8
        scratch.update(repeating: 0, count: paddedImageFloats)
        for py in 0..<pool.outHeight {
            counts.update(repeating: 0, count: 2 * columns)
            for px in 0..<pw {
                var f = 0
                while f < c {
                    let (alive, relative) = argmaxInWindow(am + (py * pw + px) * c + f, indexBase: indexBase,
                                                           py: py, px: px, filter: f)
                    for q in 0..<4 {
                        let tap = q == 0 ? taps.0 : q == 1 ? taps.1 : q == 2 ? taps.2 : taps.3
                        let here = alive .& (relative .== tap)
                        let pixel = (q >> 1) * columns + 2 * px + (q & 1)
                        var bits = laneBits(here)
                        var n = Int(counts[pixel])
                        let list = lists + pixel * c
                        while bits != 0 {
                            list[n] = Int32(truncatingIfNeeded: f + bits.trailingZeroBitCount)
                            n += 1
                            bits &= bits - 1
                        }
                        counts[pixel] = Int32(truncatingIfNeeded: n)
                    }
                    f += 8
                }
            }
            for pixel in 0..<(2 * columns) {
                let (r, ox) = (pixel / columns, pixel % columns)
                let count = Int(counts[pixel])
                if count == 0 { continue }
                let target = scratch + (2 * py + r) * down + ox * right
                let window = dy + (py * pw + ox / 2) * c
                let list = lists + pixel * c
                // A kernel row's six vectors of the target stay in registers
                // while the pixel's filters are added in order: the same
                // chain as adding them to memory one by one.
                for ky in 0..<kernelHeight {
                    var group = 0
                    while group < vectors {
                        let o = groupOffsets(group: group, vectors: vectors)
                        let t = target + ky * down
                        var a0 = load8(t + o.0), a1 = load8(t + o.1), a2 = load8(t + o.2)
                        var a3 = load8(t + o.3), a4 = load8(t + o.4), a5 = load8(t + o.5)
                        for j in 0..<count {
                            let f = Int(list[j])
                            let g = V(repeating: window[f])
                            let k = kernelT + f * patch + ky * row
                            a0 = a0.addingFusedProduct(g, load8(k + o.0)); a1 = a1.addingFusedProduct(g, load8(k + o.1))
                            a2 = a2.addingFusedProduct(g, load8(k + o.2)); a3 = a3.addingFusedProduct(g, load8(k + o.3))
                            a4 = a4.addingFusedProduct(g, load8(k + o.4)); a5 = a5.addingFusedProduct(g, load8(k + o.5))
                        }
                        store8(a0, t + o.0); store8(a1, t + o.1); store8(a2, t + o.2)
                        store8(a3, t + o.3); store8(a4, t + o.4); store8(a5, t + o.5)
                        group += 6
                    }
                }
            }
        }
        let rowLength = inputWidth * inputChannels
        for y in 0..<inputHeight {
            (dx + y * rowLength).update(from: scratch + ((y + padTop) * paddedWidth + padLeft) * inputChannels,
                                        count: rowLength)
        }
    }

    /// Continues, over one image, the kernel-gradient chains of `filters`
    /// (their first a multiple of 8, eight of them): for each filter and
    /// kernel row, six vectors of the row walk the filter's list in order, two
    /// filters at a time while both lists last. `x` is the image's
    /// zero-bordered input; `sums` holds the chains with filters outermost,
    /// [cout][kh·kw·cin], read and written back; `biasSums` the bias chains
    /// (Σ gains: `fma(1, g, s) = s + g`).
    @inlinable @inline(__always)
    public func kernelGradientLoop(image x: UnsafePointer<Float>, offsets: UnsafePointer<Int32>,
                                   gains: UnsafePointer<Float>, counts: UnsafePointer<Int32>, filters: Range<Int>,
                                   sums: UnsafeMutablePointer<Float>, biasSums: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        let capacity = listCapacity
        let (down, row, patch) = (paddedWidth * inputChannels, rowFloats, patchFloats)
        let vectors = row / 8
        for f in filters {
            let list = gains + f * capacity
            var sum = biasSums[f]
            for j in 0..<Int(counts[f]) { sum += list[j] }
            biasSums[f] = sum
        }
        var f = filters.lowerBound
        while f < filters.upperBound {
            let f1 = min(f + 1, filters.upperBound - 1)
            let (n0, n1) = (Int(counts[f]), Int(counts[f1]))
            let (g0, g1) = (gains + f * capacity, gains + f1 * capacity)
            let (p0, p1) = (offsets + f * capacity, offsets + f1 * capacity)
            for ky in 0..<kernelHeight {
                let xr = x + ky * down
                var group = 0
                while group < vectors {
                    let (o0, o1, o2, o3, o4, o5) = groupOffsets(group: group, vectors: vectors)
                    let s0 = sums + f * patch + ky * row, s1 = sums + f1 * patch + ky * row
                    var a0 = load8(s0 + o0), a1 = load8(s0 + o1), a2 = load8(s0 + o2)
                    var a3 = load8(s0 + o3), a4 = load8(s0 + o4), a5 = load8(s0 + o5)
                    var b0 = load8(s1 + o0), b1 = load8(s1 + o1), b2 = load8(s1 + o2)
                    var b3 = load8(s1 + o3), b4 = load8(s1 + o4), b5 = load8(s1 + o5)
                    @inline(__always) func add(_ g: V, _ p: UnsafePointer<Float>, _ a0: inout V, _ a1: inout V,
                                               _ a2: inout V, _ a3: inout V, _ a4: inout V, _ a5: inout V) {
                        a0 = a0.addingFusedProduct(load8(p + o0), g); a1 = a1.addingFusedProduct(load8(p + o1), g)
                        a2 = a2.addingFusedProduct(load8(p + o2), g); a3 = a3.addingFusedProduct(load8(p + o3), g)
                        a4 = a4.addingFusedProduct(load8(p + o4), g); a5 = a5.addingFusedProduct(load8(p + o5), g)
                    }
                    let both = f1 == f ? 0 : min(n0, n1)
                    for j in 0..<both {
                        add(V(repeating: g0[j]), xr + Int(p0[j]), &a0, &a1, &a2, &a3, &a4, &a5)
                        add(V(repeating: g1[j]), xr + Int(p1[j]), &b0, &b1, &b2, &b3, &b4, &b5)
                    }
                    for j in both..<n0 { add(V(repeating: g0[j]), xr + Int(p0[j]), &a0, &a1, &a2, &a3, &a4, &a5) }
                    if f1 != f {
                        for j in both..<n1 { add(V(repeating: g1[j]), xr + Int(p1[j]), &b0, &b1, &b2, &b3, &b4, &b5) }
                        store8(b0, s1 + o0); store8(b1, s1 + o1); store8(b2, s1 + o2)
                        store8(b3, s1 + o3); store8(b4, s1 + o4); store8(b5, s1 + o5)
                    }
                    // A repeated vector holds the same value as the one it repeats.
                    store8(a0, s0 + o0); store8(a1, s0 + o1); store8(a2, s0 + o2)
                    store8(a3, s0 + o3); store8(a4, s0 + o4); store8(a5, s0 + o5)
                    group += 6
                }
            }
            f += 2
        }
    }
}

/// Float offsets of six vectors of a kernel row, from vector `group` on: a
/// short last group repeats its last vector, whose copies compute the same
/// value and store it to the same place.
@inlinable @inline(__always)
func groupOffsets(group: Int, vectors: Int) -> (Int, Int, Int, Int, Int, Int) {
    let last = vectors - 1
    return (group * 8, min(group + 1, last) * 8, min(group + 2, last) * 8,
            min(group + 3, last) * 8, min(group + 4, last) * 8, min(group + 5, last) * 8)
}

@inlinable @inline(__always)
func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self) }

@inlinable @inline(__always)
func load8(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> { load8(UnsafePointer(p)) }

@inlinable @inline(__always)
func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}

/// A mask's lanes as the bits of an integer, lane 0 lowest.
@inlinable @inline(__always)
func laneBits(_ mask: SIMDMask<SIMD8<Int32>>) -> Int {
    Int(SIMD8<Int32>().replacing(with: SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128), where: mask).wrappedSum())
}
