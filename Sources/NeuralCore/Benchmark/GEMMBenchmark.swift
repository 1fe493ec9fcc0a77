import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GFLOP/s of `gemm` on one kernel path, the figure BLAS libraries publish:
/// 2·m·n·k flops per product, median over several timed samples.
public struct GEMMMeasurement: Codable, Equatable, Sendable {
    public var path: String
    public var m: Int
    public var n: Int
    public var k: Int
    public var threads: Int
    /// Whether op(A) = Aᵀ and op(B) = Bᵀ (the backward passes' products).
    public var transposeA: Bool? = nil
    public var transposeB: Bool? = nil
    /// Median GFLOP/s over the samples, wall-clock.
    public var gflops: Double
    /// Median GFLOP/s per second of this thread's CPU time: what the kernel
    /// does when it has a core, even on a busy machine (single thread only).
    public var gflopsPerCPUSecond: Double?
    public var samples: Int
}

public enum GEMMBenchmark {
    /// The products `lessons bench` reports: the MLP's first layer at batch 64
    /// and 256, and the classic 1024³.
    public static let standardShapes: [GEMMShape] = [
        GEMMShape(m: 64, n: 128, k: 784), GEMMShape(m: 256, n: 128, k: 784), GEMMShape(m: 1024, n: 1024, k: 1024),
    ]

    /// Times `C = A·B` (row-major, no transposes) for an m×k by k×n product.
    /// Each sample repeats the product until it has run ≥ `sampleSeconds`
    /// (at least once); the result is the median over `samples` samples after
    /// one warm-up product.
    public static func measure(path: GEMMPath, m: Int, n: Int, k: Int, transposeA: Bool = false,
                               transposeB: Bool = false, threads: Int = 1,
                               samples: Int = 5, sampleSeconds: Double = 0.05) -> GEMMMeasurement {
        var rng = SeededRNG(seed: 0x6E6D)
        let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
        let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
        var c = [Float](repeating: 0, count: m * n)
        let flops = 2.0 * Double(m) * Double(n) * Double(k)
        var rates: [Double] = [], cpuRates: [Double] = []
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    let pc = pc.baseAddress!
                    func run() {
                        gemm(path: path, threads: threads, transposeA: transposeA, transposeB: transposeB,
                             m: m, n: n, k: k, a: pa.baseAddress!, lda: transposeA ? m : k,
                             b: pb.baseAddress!, ldb: transposeB ? k : n,
                             c: pc, ldc: n, accumulate: false)
                    }
                    run()
                    for _ in 0..<samples {
                        let cpuStart = threadCPUSeconds()
                        let start = DispatchTime.now().uptimeNanoseconds
                        var runs = 0
                        var elapsed = 0.0
                        repeat {
                            run()
                            runs += 1
                            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                        } while elapsed < sampleSeconds
                        rates.append(flops * Double(runs) / elapsed / 1e9)
                        cpuRates.append(flops * Double(runs) / (threadCPUSeconds() - cpuStart) / 1e9)
                    }
                }
            }
        }
        return GEMMMeasurement(path: path.rawValue, m: m, n: n, k: k, threads: threads,
                               transposeA: transposeA ? true : nil, transposeB: transposeB ? true : nil,
                               gflops: median(rates), gflopsPerCPUSecond: threads == 1 ? median(cpuRates) : nil,
                               samples: samples)
    }
}

/// Median of a non-empty sample (mean of the middle two for even counts).
public func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "median of no values")
    let s = values.sorted()
    let mid = s.count / 2
    return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/// CPU time consumed so far by the calling thread.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

extension GEMMBenchmark {
    /// The standard shapes on every path this CPU runs, on one thread (the
    /// figure BLAS libraries quote) and on `threads`. `progress` hears each
    /// measurement as it finishes.
    public static func measureAll(shapes: [GEMMShape] = standardShapes, threads: Int = 2,
                                  progress: (GEMMMeasurement) -> Void = { _ in }) -> [GEMMMeasurement] {
        var results: [GEMMMeasurement] = []
        for shape in shapes {
            for path in GEMMPath.supported {
                // The portable path on x86-64 computes FMAs in software: one thread, few samples.
                let slow = path == .portable && GEMMPath.avx2.isSupported
                for t in slow ? [1] : Set([1, threads]).sorted() {
                    let result = measure(path: path, m: shape.m, n: shape.n, k: shape.k,
                                         transposeA: shape.transposeA, transposeB: shape.transposeB, threads: t,
                                         samples: slow ? 3 : 5, sampleSeconds: slow ? 0 : 0.05)
                    progress(result)
                    results.append(result)
                }
            }
        }
        return results
    }
}

/// CPU time consumed so far by the whole process (user + system, all threads).
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// One product to measure, written `MxNxK` with an optional `:ta` / `:tb`
/// suffix for a transposed operand (`144x32x7744:ta` is the CNN's conv2
/// kernel gradient), so any layer's product can be timed on its own.
public struct GEMMShape: Equatable, Sendable, CustomStringConvertible {
    public var m: Int, n: Int, k: Int
    public var transposeA = false, transposeB = false

    public init(m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false) {
        self.m = m; self.n = n; self.k = k
        self.transposeA = transposeA; self.transposeB = transposeB
    }

    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: ":")
        let sizes = parts.first?.split(separator: "x").compactMap { Int($0) } ?? []
        guard sizes.count == 3, sizes.allSatisfy({ $0 > 0 }) else { return nil }
        let flags = Set(parts.dropFirst().map(String.init))
        guard flags.isSubset(of: ["ta", "tb"]) else { return nil }
        self.init(m: sizes[0], n: sizes[1], k: sizes[2], transposeA: flags.contains("ta"),
                  transposeB: flags.contains("tb"))
    }

    public var description: String {
        "\(m)×\(n)×\(k)" + (transposeA ? " Aᵀ" : "") + (transposeB ? " Bᵀ" : "")
    }
}
