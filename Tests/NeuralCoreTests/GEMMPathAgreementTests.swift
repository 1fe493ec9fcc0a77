import XCTest
import SIMDKernels
@testable import NeuralCore

/// Every kernel path this CPU runs, single- and multi-threaded, must give the
/// bits of the literal numerics contract — odd sizes, edge tiles, transposes,
/// padded leading dimensions, accumulation — and agree with a float64 product.
final class GEMMPathAgreementTests: XCTestCase {
    /// Sizes around the tile edges (6 rows; 8, 16, 32 columns) and the
    /// layer shapes training uses (784 inputs, 128 hidden, 5 labels, batch 64).
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (1, 1, 0), (0, 4, 3), (3, 0, 2), (2, 3, 1), (5, 7, 3), (6, 8, 4), (6, 16, 9),
        (7, 17, 13), (12, 32, 5), (13, 33, 29), (11, 48, 64), (31, 5, 128), (64, 5, 128),
        (128, 5, 64), (64, 128, 5), (97, 31, 40), (6, 65, 7),
        // Deeper than one depth block on every path (128 / 256 / 512), so
        // chains continue from stored partial sums.
        (7, 17, 600), (5, 9, 1030),
    ]

    func cases() -> [GEMMCase] {
        var all: [GEMMCase] = []
        for (index, s) in Self.shapes.enumerated() {
            for tA in [false, true] {
                for tB in [false, true] {
                    for accumulate in [false, true] {
                        all.append(GEMMCase(m: s.m, n: s.n, k: s.k, transposeA: tA, transposeB: tB,
                                            accumulate: accumulate, pad: index % 3 == 0 ? 3 : 0))
                    }
                }
            }
        }
        return all
    }

    func testEveryPathMatchesTheContractBitForBit() {
        XCTAssertTrue(GEMMPath.supported.contains(.portable))
        for (index, testCase) in cases().enumerated() {
            let (a, b, c) = testCase.operands(seed: UInt64(index))
            let expected = testCase.contract(a: a, b: b, c: c)
            for path in GEMMPath.supported {
                for threads in [1, 2] {
                    let got = testCase.run(path: path, threads: threads, a: a, b: b, c: c)
                    if let i = firstBitDifference(got, expected) {
                        XCTFail("\(path) threads=\(threads) \(testCase): element \(i) is \(got[i]), contract gives \(expected[i])")
                    }
                }
            }
        }
    }

    /// Products big enough to be split between threads and to use every
    /// packing choice (direct panels, fully packed B, transposed B).
    func testLargeProductsAgreeAcrossPathsAndThreads() {
        let shapes = [GEMMCase(m: 64, n: 128, k: 784), GEMMCase(m: 130, n: 100, k: 600, transposeB: true),
                      GEMMCase(m: 784, n: 128, k: 64, transposeA: true, accumulate: true),
                      GEMMCase(m: 200, n: 517, k: 37, pad: 5),
                      // Few row tiles: split by panels; and a long depth split by tiles.
                      GEMMCase(m: 9, n: 300, k: 400), GEMMCase(m: 9, n: 16, k: 30_000, transposeA: true)]
        for (index, testCase) in shapes.enumerated() {
            let (a, b, c) = testCase.operands(seed: 100 + UInt64(index))
            let reference = testCase.run(path: .portable, threads: 1, a: a, b: b, c: c)
            for path in GEMMPath.supported {
                for threads in [1, 2] {
                    let jobsBefore = WorkerPool.shared.sharedJobCount
                    let got = testCase.run(path: path, threads: threads, a: a, b: b, c: c)
                    XCTAssertNil(firstBitDifference(got, reference), "\(path) threads=\(threads) \(testCase)")
                    if threads == 2 && WorkerPool.shared.threadCount > 1 {
                        XCTAssertGreaterThan(WorkerPool.shared.sharedJobCount, jobsBefore,
                                             "\(testCase) on \(path) was not split between threads")
                    }
                }
            }
        }
    }

    func testAgreesWithFloat64ProductWithinRoundingBound() {
        for (index, testCase) in cases().enumerated() where testCase.k > 0 {
            let (a, b, c) = testCase.operands(seed: 500 + UInt64(index))
            let got = testCase.run(path: GEMMPath.best, threads: 1, a: a, b: b, c: c)
            for i in 0..<testCase.m {
                for j in 0..<testCase.n {
                    var exact = testCase.accumulate ? Double(c[i * testCase.ldc + j]) : 0
                    var magnitude = abs(exact)
                    for p in 0..<testCase.k {
                        let term = Double(a[testCase.a(i, p)]) * Double(b[testCase.b(p, j)])
                        exact += term
                        magnitude += abs(term)
                    }
                    let bound = Double(testCase.k + 1) * Double(Float.ulpOfOne) * magnitude
                    XCTAssertEqual(Double(got[i * testCase.ldc + j]), exact, accuracy: bound, "\(testCase) (\(i),\(j))")
                }
            }
        }
    }

    /// Elements outside the m×n window (the padding columns) are never written.
    func testLeavesPaddingUntouched() {
        let testCase = GEMMCase(m: 7, n: 9, k: 5, pad: 4)
        let (a, b, c) = testCase.operands(seed: 9)
        for path in GEMMPath.supported {
            let got = testCase.run(path: path, threads: 2, a: a, b: b, c: c)
            for i in 0..<testCase.m {
                for j in testCase.n..<testCase.ldc {
                    XCTAssertEqual(got[i * testCase.ldc + j].bitPattern, c[i * testCase.ldc + j].bitPattern)
                }
            }
        }
    }

    /// A bias fused into the product is the bits of the product followed by
    /// a separate `C += bias` pass, on every path, with edge tiles, depth
    /// blocks and threads.
    func testColumnBiasEqualsASeparatePass() {
        var rng = SeededRNG(seed: 77)
        for (m, n, k) in [(7, 21, 5), (64, 128, 784), (130, 37, 300), (6, 16, 0)] {
            let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
            let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
            let bias = (0..<n).map { _ in rng.nextFloat() - 0.5 }
            for path in GEMMPath.supported {
                for threads in [1, 2] {
                    var expected = [Float](repeating: 9, count: m * n), got = expected
                    gemm(path: path, threads: threads, transposeA: false, transposeB: false, m: m, n: n, k: k,
                         a: a, lda: k, b: b, ldb: n, c: &expected, ldc: n, accumulate: false)
                    for i in 0..<m { for j in 0..<n { expected[i * n + j] += bias[j] } }
                    gemm(path: path, threads: threads, transposeA: false, transposeB: false, m: m, n: n, k: k,
                         a: a, lda: k, b: b, ldb: n, c: &got, ldc: n, accumulate: false, columnBias: bias)
                    XCTAssertNil(firstBitDifference(got, expected), "\(m)×\(n)×\(k) \(path) threads=\(threads)")
                }
            }
        }
    }

    /// A product over depth cut into consecutive pieces, each continuing the
    /// chains left in C by the one before, gives the bits of the whole product
    /// (edge tiles, pieces longer than a depth block, every path, 1 and 2 threads).
    func testContinuingChainsEqualsOneProduct() {
        var rng = SeededRNG(seed: 78)
        for (m, n, k, cuts) in [(7, 21, 600, [1, 300]), (13, 33, 45, [20, 21]), (6, 16, 300, [150]),
                                (145, 32, 700, [256, 512])] {
            let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
            let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
            let rows = (0..<m).map { $0 * k }, depth = Array(0..<k)
            let bounds = [0] + cuts + [k]
            for path in GEMMPath.supported {
                for threads in [1, 2] {
                    var expected = [Float](repeating: 9, count: m * n), got = expected
                    gemm(path: path, threads: threads, gatheredA: a, rowOffsets: rows, depthOffsets: depth,
                         transposeB: false, m: m, n: n, k: k, b: b, ldb: n, c: &expected, ldc: n, accumulate: false)
                    for piece in 0..<(bounds.count - 1) {
                        let (lo, hi) = (bounds[piece], bounds[piece + 1])
                        b.withUnsafeBufferPointer { bp in
                            depth.withUnsafeBufferPointer { dp in
                                _ = gemm(path: path, threads: threads, gatheredA: a, rowOffsets: rows,
                                         depthOffsets: dp.baseAddress! + lo, transposeB: false, m: m, n: n, k: hi - lo,
                                         b: bp.baseAddress! + lo * n, ldb: n, c: &got, ldc: n, accumulate: false,
                                         continuingChains: piece > 0)
                            }
                        }
                    }
                    XCTAssertNil(firstBitDifference(got, expected), "\(m)×\(n)×\(k) \(path) threads=\(threads)")
                }
            }
        }
    }
}
