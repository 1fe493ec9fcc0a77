import XCTest
import SIMDKernels
@testable import NeuralCore

/// The run-time choice of kernel: CPU detection, the environment override,
/// and the AVX-512 tile geometry, which this suite checks even on CPUs that
/// cannot execute AVX-512 instructions.
final class GEMMKernelSelectionTests: XCTestCase {
    func testDetectionMatchesTheKernelsCPUFlags() throws {
        #if os(Linux) && arch(x86_64)
        let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flagsLine = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("flags") })
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        XCTAssertEqual(GEMMPath.avx2.isSupported, flags.contains("avx2") && flags.contains("fma"))
        XCTAssertEqual(GEMMPath.avx512.isSupported, flags.contains("avx512f"))
        #else
        XCTAssertFalse(GEMMPath.avx2.isSupported || GEMMPath.avx512.isSupported)
        #endif
        XCTAssertEqual(GEMMPath.best, GEMMPath.supported.first)
    }

    func testEnvironmentForcesAPath() throws {
        XCTAssertEqual(try GEMMPath.path(environment: [:]), GEMMPath.best)
        XCTAssertEqual(try GEMMPath.path(environment: ["LESSONS_GEMM": "portable"]), .portable)
        for path in GEMMPath.supported {
            XCTAssertEqual(try GEMMPath.path(environment: ["LESSONS_GEMM": path.rawValue.uppercased()]), path)
        }
        XCTAssertThrowsError(try GEMMPath.path(environment: ["LESSONS_GEMM": "sse9"])) { error in
            XCTAssertTrue("\(error)".contains("avx512, avx2, portable"), "\(error)")
        }
        for path in GEMMPath.allCases where !path.isSupported {
            XCTAssertThrowsError(try GEMMPath.path(environment: ["LESSONS_GEMM": path.rawValue])) { error in
                XCTAssertTrue("\(error)".contains("cannot run"), "\(error)")
            }
        }
    }

    func testCurrentPathIsSettableAndUsedByGEMM() {
        let saved = GEMMPath.current
        defer { GEMMPath.current = saved }
        for path in GEMMPath.supported {
            GEMMPath.current = path
            XCTAssertEqual(GEMMPath.current, path)
            var c: [Float] = [0]
            gemm(transposeA: false, transposeB: false, m: 1, n: 1, k: 2, a: [2, 3], lda: 2,
                 b: [5, 7], ldb: 1, c: &c, ldc: 1, accumulate: false)
            XCTAssertEqual(c, [31])
        }
    }

    /// The 512-bit instantiation's tiling (6 × 32 tiles, its own edge and
    /// packing cases), run at the same width with instructions this CPU has.
    func testWideTileGeometryMatchesTheContract() {
        let shapes = [GEMMCase(m: 7, n: 33, k: 9), GEMMCase(m: 13, n: 70, k: 4, transposeB: true, accumulate: true),
                      GEMMCase(m: 6, n: 32, k: 3, transposeA: true, pad: 2), GEMMCase(m: 5, n: 31, k: 11),
                      GEMMCase(m: 7, n: 33, k: 300, transposeB: true, accumulate: true)]
        for (index, testCase) in shapes.enumerated() {
            let (a, b, c) = testCase.operands(seed: 900 + UInt64(index))
            let expected = testCase.contract(a: a, b: b, c: c)
            var got = c
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    got.withUnsafeMutableBufferPointer { pc in
                        let problem = GEMMProblem(
                            transposeA: testCase.transposeA, transposeB: testCase.transposeB,
                            m: testCase.m, n: testCase.n, k: testCase.k, a: pa.baseAddress!, lda: testCase.lda,
                            b: pb.baseAddress!, ldb: testCase.ldb, c: pc.baseAddress!, ldc: testCase.ldc,
                            accumulate: testCase.accumulate)
                        blockedGEMM(SIMD16<Float>.self, problem)
                    }
                }
            }
            XCTAssertNil(firstBitDifference(got, expected), "\(testCase)")
        }
    }

    /// AVX-512 hands products at most 8 columns wide to the AVX2 kernel.
    func testNarrowProductsRunOnTheNarrowerKernel() {
        XCTAssertEqual(GEMMPath.avx512.kernel(columns: 5), GEMMPath.avx2.isSupported ? .avx2 : .avx512)
        XCTAssertEqual(GEMMPath.avx512.kernel(columns: 8), GEMMPath.avx2.isSupported ? .avx2 : .avx512)
        XCTAssertEqual(GEMMPath.avx512.kernel(columns: 9), .avx512)
        XCTAssertEqual(GEMMPath.avx2.kernel(columns: 5), .avx2)
        XCTAssertEqual(GEMMPath.portable.kernel(columns: 1), .portable)
    }
}
