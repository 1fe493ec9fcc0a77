#if hasFeature(Embedded)
/// The worker pool of the Embedded Swift (wasm32) build: the same interface as the
/// native `WorkerPool`, run on the calling thread. A wasm module has one thread (a
/// page runs several modules in Web Workers instead), and parts never depend on the
/// thread that ran them, so the bits are the native ones.
public final class WorkerPool {
    /// The pool every kernel uses.
    nonisolated(unsafe) public static let shared = WorkerPool(helpers: 0)

    /// One thread: the caller.
    public static let defaultThreadCount = 1

    public init(helpers: Int) {}

    public var threadCount: Int { 1 }

    public var sharedJobCount: Int { 0 }

    /// Runs `work(part)` for every part, in order, on the caller.
    public func run(parts count: Int, _ work: (Int) -> Void) {
        for part in 0..<count { work(part) }
    }

    /// Every job runs on the caller alone already.
    public func run<R>(alone: Bool, _ body: () -> R) -> R { body() }

    public var callerRunsAlone: Bool { true }

    /// There is no helper: the caller does the work itself.
    public func startBackground(_ work: @escaping () -> Void) -> Bool { false }

    public func finishBackground() {}
}
#endif
