import XCTest
@testable import NeuralCore
import SIMDKernels

/// `ownerSplit`: a layer's kernel in two halves, one per thread. The forward product
/// pipelines each row tile's chains from the caller (depth before the split) to the
/// helper (the rest); the kernel gradient gives each its rows. Either way every element
/// is the chain of one thread without a split, bit for bit, on every path.
final class OwnedHalvesTests: XCTestCase {
    /// The forward product: the MLP's first layer, edge tiles and a partial panel, a split
    /// inside a depth block, very uneven halves, the depth within one block, and gathered rows.
    func testDepthHalvesGiveTheBitsOfOneThread() {
        var rng = SeededRNG(seed: 91)
        for (m, n, k, split) in [(64, 128, 784, 384), (64, 40, 400, 198), (13, 33, 300, 150), (64, 128, 784, 6),
                                 (64, 128, 784, 780), (20, 16, 100, 48)] {
            let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
            let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
            let bias = (0..<n).map { _ in rng.nextFloat() }
            let rows = rng.permutation(m).map { $0 * k }, depth = Array(0..<k)
            for path in GEMMPath.supported {
                var expected = [Float](repeating: 7, count: m * n)
                gemm(path: path, threads: 1, gatheredA: a, rowOffsets: rows, depthOffsets: depth, transposeB: false,
                     m: m, n: n, k: k, b: b, ldb: n, c: &expected, ldc: n, accumulate: false, columnBias: bias)
                let shared = WorkerPool.shared.sharedJobCount
                var got = [Float](repeating: 9, count: m * n)
                gemm(path: path, threads: 2, gatheredA: a, rowOffsets: rows, depthOffsets: depth, transposeB: false,
                     m: m, n: n, k: k, b: b, ldb: n, c: &got, ldc: n, accumulate: false, columnBias: bias,
                     ownerSplit: split, splitsDepth: true)
                XCTAssertNil(firstBitDifference(got, expected), "\(m)×\(n)×\(k) split \(split) \(path)")
                if WorkerPool.shared.threadCount > 1 && m * n * k >= 1 << 18 {
                    XCTAssertGreaterThan(WorkerPool.shared.sharedJobCount, shared, "\(m)×\(n)×\(k) was not shared")
                }
                // Stored rows, and a thread that runs both halves itself (one-thread steps).
                var stored = [Float](repeating: 9, count: m * n)
                let dense = rows.flatMap { a[$0..<($0 + k)] }
                WorkerPool.shared.run(alone: m == 64) {
                    gemm(path: path, threads: 2, transposeA: false, transposeB: false, m: m, n: n, k: k, a: dense, lda: k,
                         b: b, ldb: n, c: &stored, ldc: n, accumulate: false, columnBias: bias,
                         ownerSplit: split, splitsDepth: true)
                }
                XCTAssertNil(firstBitDifference(stored, expected), "\(m)×\(n)×\(k) split \(split) \(path), stored A")
            }
        }
    }

    /// The kernel gradient: each row of C is final once, in ranges that stay on one side
    /// of the split (each thread steps only its own rows), and the bits are one thread's.
    func testRowHalvesFinishEveryRowOnceWithTheBitsOfOneThread() {
        var rng = SeededRNG(seed: 92)
        for (m, n, k, split) in [(784, 128, 64, 384), (400, 40, 64, 198), (200, 33, 70, 6), (784, 128, 64, 2000)] {
            let a = (0..<(k * m)).map { _ in rng.nextFloat() - 0.5 }   // stored k×m: op(A) = Aᵀ
            let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
            for path in GEMMPath.supported {
                var expected = [Float](repeating: 7, count: m * n)
                gemm(path: path, threads: 1, transposeA: true, transposeB: false, m: m, n: n, k: k, a: a, lda: m,
                     b: b, ldb: n, c: &expected, ldc: n, accumulate: false)
                var got = [Float](repeating: 9, count: m * n)
                let finished = UnsafeMutablePointer<Int>.allocate(capacity: m)
                finished.initialize(repeating: 0, count: m)
                defer { finished.deallocate() }
                let lock = NSLock()
                let boundary = min(m, split / 6 * 6)
                var straddling = false
                let accepted = gemm(path: path, threads: 2, transposeA: true, transposeB: false, m: m, n: n, k: k,
                                    a: a, lda: m, b: b, ldb: n, c: &got, ldc: n, accumulate: false,
                                    ownerSplit: split, rowsFinished: { rows in
                    lock.withLock {
                        for r in rows { finished[r] += 1 }
                        if rows.lowerBound < boundary && rows.upperBound > boundary { straddling = true }
                    }
                    return rows.lowerBound != 0 || m != 200   // one refusal must reach the caller
                })
                XCTAssertNil(firstBitDifference(got, expected), "\(m)×\(n)×\(k) split \(split) \(path)")
                XCTAssertEqual(Array(UnsafeBufferPointer(start: finished, count: m)), Array(repeating: 1, count: m))
                XCTAssertFalse(straddling, "a range of rows crossed the split: \(m)×\(n)×\(k) split \(split)")
                XCTAssertEqual(accepted, m != 200)
            }
        }
    }
}
