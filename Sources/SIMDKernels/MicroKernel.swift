/// Rows of the register tile. Six rows × two vectors gives twelve accumulator
/// registers; with two B vectors and one broadcast that is fifteen of the
/// sixteen AVX2 registers, the classic 6×16 shape that keeps both FMA pipes busy.
@inlinable public var gemmTileRows: Int { 6 }

@inlinable @inline(__always)
func loadVector<V: SIMD>(_ p: UnsafePointer<Float>, as _: V.Type = V.self) -> V where V.Scalar == Float {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
}

/// `C = v` or `C = C + v` for one vector of C.
@inlinable @inline(__always)
func storeVector<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<Float>, accumulate: Bool)
where V.Scalar == Float {
    let raw = UnsafeMutableRawPointer(p)
    if accumulate {
        raw.storeBytes(of: raw.loadUnaligned(as: V.self) + v, as: V.self)
    } else {
        raw.storeBytes(of: v, as: V.self)
    }
}

/// Row offsets into A for the six rows of a tile. Rows past the matrix edge
/// repeat the last real row, so they read valid memory; their results are
/// discarded by the caller.
@usableFromInline
struct TileRows {
    @usableFromInline var o1, o2, o3, o4, o5: Int

    @inlinable @inline(__always)
    init(rows: Int, rowStride: Int) {
        let last = rows - 1
        o1 = min(1, last) * rowStride
        o2 = min(2, last) * rowStride
        o3 = min(3, last) * rowStride
        o4 = min(4, last) * rowStride
        o5 = min(5, last) * rowStride
    }

    /// Offsets of gathered rows, relative to the tile's first row `offsets[0]`.
    @inlinable @inline(__always)
    init(rows: Int, offsets: UnsafePointer<Int>) {
        let last = rows - 1, first = offsets[0]
        o1 = offsets[min(1, last)] - first
        o2 = offsets[min(2, last)] - first
        o3 = offsets[min(3, last)] - first
        o4 = offsets[min(4, last)] - first
        o5 = offsets[min(5, last)] - first
    }
}

/// Where depth step p of a tile's A rows lives, relative to the tile's first
/// element: `p · stride` for a stored matrix, `offsets[p]` for a gathered one.
@usableFromInline
struct DepthWalk {
    @usableFromInline let stride: Int
    @usableFromInline let offsets: UnsafePointer<Int>?

    @inlinable @inline(__always)
    init(stride: Int, offsets: UnsafePointer<Int>?) {
        self.stride = stride
        self.offsets = offsets
    }

    /// The walk from depth step `k0` on.
    @inlinable @inline(__always)
    func from(_ k0: Int) -> DepthWalk {
        offsets == nil ? self : DepthWalk(stride: stride, offsets: offsets! + k0)
    }
}

/// One 6 × 2W register tile: for every element an FMA chain over k steps in
/// increasing order, starting from zero or — to continue a chain cut into
/// depth blocks — from the partial sums at `start` (row stride `startStride`),
/// which are the exact values the previous block stored, so the chain is the
/// numerics contract's whatever the blocking.
///
/// A element (r, p) is at `a[offset(r) + walk(p)]`; B row p is the
/// 2W contiguous floats at `b + p * ldb`. The tile is written to `c` (row
/// stride `ldc`) as `C = acc` or `C = C + acc`, or with `bias` (2W floats,
/// never with `accumulate`) as `C = acc + bias`.
@inlinable @inline(__always)
func microKernel<V: SIMD>(
    _: V.Type, depth k: Int,
    a: UnsafePointer<Float>, rows r: TileRows, walk: DepthWalk,
    b: UnsafePointer<Float>, ldb: Int,
    start: UnsafePointer<Float>?, startStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, bias: UnsafePointer<Float>? = nil
) where V.Scalar == Float {
    let w = V.scalarCount
    var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
    var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
    if let s = start {
        let ld = startStride
        c00 = loadVector(s, as: V.self); c01 = loadVector(s + w, as: V.self)
        c10 = loadVector(s + ld, as: V.self); c11 = loadVector(s + ld + w, as: V.self)
        c20 = loadVector(s + 2 * ld, as: V.self); c21 = loadVector(s + 2 * ld + w, as: V.self)
        c30 = loadVector(s + 3 * ld, as: V.self); c31 = loadVector(s + 3 * ld + w, as: V.self)
        c40 = loadVector(s + 4 * ld, as: V.self); c41 = loadVector(s + 4 * ld + w, as: V.self)
        c50 = loadVector(s + 5 * ld, as: V.self); c51 = loadVector(s + 5 * ld + w, as: V.self)
    }
    @inline(__always)
    func step(_ pa: UnsafePointer<Float>, _ pb: UnsafePointer<Float>) {
        let b0 = loadVector(pb, as: V.self), b1 = loadVector(pb + w, as: V.self)
        var x = V(repeating: pa[0])
        c00 = c00.addingFusedProduct(x, b0); c01 = c01.addingFusedProduct(x, b1)
        x = V(repeating: pa[r.o1])
        c10 = c10.addingFusedProduct(x, b0); c11 = c11.addingFusedProduct(x, b1)
        x = V(repeating: pa[r.o2])
        c20 = c20.addingFusedProduct(x, b0); c21 = c21.addingFusedProduct(x, b1)
        x = V(repeating: pa[r.o3])
        c30 = c30.addingFusedProduct(x, b0); c31 = c31.addingFusedProduct(x, b1)
        x = V(repeating: pa[r.o4])
        c40 = c40.addingFusedProduct(x, b0); c41 = c41.addingFusedProduct(x, b1)
        x = V(repeating: pa[r.o5])
        c50 = c50.addingFusedProduct(x, b0); c51 = c51.addingFusedProduct(x, b1)
    }
    var pb = b
    if let offsets = walk.offsets {
        for q in 0..<k {
            step(a + offsets[q], pb)
            pb += ldb
        }
    } else {
        var pa = a
        for _ in 0..<k {
            step(pa, pb)
            pa += walk.stride
            pb += ldb
        }
    }
    if let bias {
        // The bias, a separate rounding after the chain: C = acc + bias[j].
        let b0 = loadVector(bias, as: V.self), b1 = loadVector(bias + w, as: V.self)
        c00 += b0; c01 += b1; c10 += b0; c11 += b1; c20 += b0; c21 += b1
        c30 += b0; c31 += b1; c40 += b0; c41 += b1; c50 += b0; c51 += b1
    }
    var pc = c
    storeVector(c00, pc, accumulate: accumulate); storeVector(c01, pc + w, accumulate: accumulate)
    pc += ldc
    storeVector(c10, pc, accumulate: accumulate); storeVector(c11, pc + w, accumulate: accumulate)
    pc += ldc
    storeVector(c20, pc, accumulate: accumulate); storeVector(c21, pc + w, accumulate: accumulate)
    pc += ldc
    storeVector(c30, pc, accumulate: accumulate); storeVector(c31, pc + w, accumulate: accumulate)
    pc += ldc
    storeVector(c40, pc, accumulate: accumulate); storeVector(c41, pc + w, accumulate: accumulate)
    pc += ldc
    storeVector(c50, pc, accumulate: accumulate); storeVector(c51, pc + w, accumulate: accumulate)
}
