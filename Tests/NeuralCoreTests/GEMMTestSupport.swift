import XCTest
@testable import NeuralCore

/// One product to check: sizes, transposes, padded leading dimensions and
/// whether C is accumulated into.
struct GEMMCase: CustomStringConvertible {
    var m, n, k: Int
    var transposeA = false, transposeB = false, accumulate = false
    /// Extra columns in each stored matrix, so lda/ldb/ldc exceed the minimum.
    var pad = 0

    var lda: Int { (transposeA ? m : k) + pad }
    var ldb: Int { (transposeB ? k : n) + pad }
    var ldc: Int { n + pad }
    var aCount: Int { (transposeA ? k : m) * lda }
    var bCount: Int { (transposeB ? n : k) * ldb }
    var cCount: Int { m * ldc }

    var description: String {
        "\(m)×\(n)×\(k) tA=\(transposeA) tB=\(transposeB) acc=\(accumulate) pad=\(pad)"
    }

    func a(_ i: Int, _ p: Int) -> Int { transposeA ? p * lda + i : i * lda + p }
    func b(_ p: Int, _ j: Int) -> Int { transposeB ? j * ldb + p : p * ldb + j }

    /// Seeded operands with a spread of magnitudes so rounding differences show.
    func operands(seed: UInt64) -> (a: [Float], b: [Float], c: [Float]) {
        var rng = SeededRNG(seed: seed)
        func value() -> Float { (rng.nextFloat() - 0.5) * (rng.nextFloat() < 0.1 ? 1000 : 3) }
        return ((0..<aCount).map { _ in value() }, (0..<bCount).map { _ in value() },
                (0..<cCount).map { _ in value() })
    }

    /// The numerics contract written out literally: one FMA chain per element.
    func contract(a: [Float], b: [Float], c: [Float]) -> [Float] {
        var out = c
        for i in 0..<m {
            for j in 0..<n {
                var acc: Float = 0
                for p in 0..<k { acc = acc.addingProduct(a[self.a(i, p)], b[self.b(p, j)]) }
                out[i * ldc + j] = accumulate ? c[i * ldc + j] + acc : acc
            }
        }
        return out
    }

    /// Runs `gemm` on a path and thread count and returns the whole C buffer.
    func run(path: GEMMPath, threads: Int, a: [Float], b: [Float], c: [Float]) -> [Float] {
        var out = c
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    _ = gemm(path: path, threads: threads, transposeA: transposeA, transposeB: transposeB,
                             m: m, n: n, k: k, a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                             c: pc.baseAddress!, ldc: ldc, accumulate: accumulate)
                }
            }
        }
        return out
    }
}

/// First index where two Float buffers differ in bits, if any.
func firstBitDifference(_ x: [Float], _ y: [Float]) -> Int? {
    precondition(x.count == y.count)
    return zip(x, y).enumerated().first { $0.element.0.bitPattern != $0.element.1.bitPattern }?.offset
}
