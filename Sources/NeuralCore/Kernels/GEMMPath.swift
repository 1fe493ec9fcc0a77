import Synchronization
#if !hasFeature(Embedded)
import CPUFeatures
import Foundation
#endif
import SIMDKernels

/// The GEMM kernel implementations. All give bit-identical results (same FMA
/// chain per element); they differ only in speed and in which CPUs run them.
public enum GEMMPath: String, CaseIterable, Sendable {
    /// 512-bit vectors, 6 × 32 register tiles; x86-64 with AVX-512F.
    case avx512
    /// 256-bit vectors, 6 × 16 register tiles; x86-64 with AVX2 and FMA.
    case avx2
    /// 128-bit vectors, 6 × 8 tiles; any CPU (NEON on arm64).
    case portable

    /// Whether this CPU (and OS) can execute the path.
    public var isSupported: Bool {
        switch self {
        case .avx512: return GEMMPath.cpu.avx512
        case .avx2: return GEMMPath.cpu.avx2
        case .portable: return true
        }
    }

    /// The paths this machine can run, fastest first.
    public static var supported: [GEMMPath] { allCases.filter { $0.isSupported } }

    /// The fastest path this CPU supports.
    public static var best: GEMMPath { supported[0] }

    /// The environment variable that forces a path (`avx512`, `avx2`, `portable`).
    public static let environmentVariable = "LESSONS_GEMM"

    /// The path `gemm` uses: `LESSONS_GEMM` if set, else the fastest supported.
    /// Settable process-wide (tests and benchmarks switch paths to compare them).
    public static var current: GEMMPath {
        get { state.withLock { $0.path } }
        set {
            precondition(newValue.isSupported, "GEMM path \(newValue) is not supported by this CPU")
            state.withLock { $0.path = newValue }
        }
    }

    /// Threads one product may use (default: up to 2, the cores of the
    /// machines we target; `LESSONS_GEMM_THREADS` overrides). Results do not
    /// depend on it.
    public static var threads: Int {
        get { state.withLock { $0.threads } }
        set { state.withLock { $0.threads = max(1, newValue) } }
    }

    #if hasFeature(Embedded)
    /// WebAssembly has 128-bit vectors only.
    private static let cpu = (avx2: false, avx512: false)
    #else
    private static let cpu = (avx2: lessons_cpu_has_avx2_fma() != 0,
                              avx512: lessons_cpu_has_avx512f() != 0)
    #endif

    private static let state = Mutex<(path: GEMMPath, threads: Int)>((path: pathFromEnvironment(), threads: threadsFromEnvironment()))

    /// Reads `LESSONS_GEMM`; a value this CPU cannot run stops the process with
    /// a clear message rather than dying later on an illegal instruction.
    private static func pathFromEnvironment() -> GEMMPath {
        #if hasFeature(Embedded)
        return .portable  // no environment in a wasm module
        #else
        do {
            return try path(environment: ProcessInfo.processInfo.environment)
        } catch {
            fatalError("\(error)")
        }
        #endif
    }

    /// The path an environment asks for: `LESSONS_GEMM` if set, else `best`.
    public static func path(environment: [String: String]) throws(GEMMPathError) -> GEMMPath {
        guard let raw = environment[environmentVariable], !raw.isEmpty else { return best }
        guard let path = GEMMPath(rawValue: raw.lowercased()) else {
            throw GEMMPathError(message: "\(environmentVariable)=\(raw): expected one of "
                                + allCases.map { $0.rawValue }.joined(separator: ", "))
        }
        guard path.isSupported else {
            throw GEMMPathError(message: "\(environmentVariable)=\(raw): this CPU cannot run that path; "
                                + "it supports " + supported.map { $0.rawValue }.joined(separator: ", "))
        }
        return path
    }

    private static func threadsFromEnvironment() -> Int { WorkerPool.defaultThreadCount }
}

/// A kernel path that cannot be used, with the reason.
public struct GEMMPathError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}


