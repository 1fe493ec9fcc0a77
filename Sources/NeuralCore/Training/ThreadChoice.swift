import PortableSort

/// Whether a training run's parallel kernels use the kernel threads or run on
/// the caller alone, chosen from the run's own step times.
///
/// Why: on a shared machine, another tenant can slow what two cores share
/// (measured on the 2-core VM the course is built on: for seconds at a time the
/// bench MLP trains at 131k samples/s with two threads and 195k with one, the
/// CNN at 24.9k and 28k). A run then does better on one thread until the
/// second helps again. The bits never depend on the choice: parts are the same
/// whichever thread runs them.
///
/// Steps are timed in windows of `window` steps; a window's time is its median.
/// After a warm-up window, one window in each mode compares them once. Later,
/// a window on the threads that is `slowdown` times slower than their best, or
/// `recheck` windows alone, starts a probe: one window in the other mode, and
/// the faster of the two windows goes on. Probes are at least `recheck`
/// windows apart, so a steady machine pays one window in `recheck` at most.
#if !hasFeature(Embedded)
struct ThreadChoice {
    enum Mode: Equatable { case threads, alone }

    private(set) var mode: Mode = .threads
    let enabled: Bool
    let window: Int, slowdown: Double, recheck: Int
    /// For tests: the mode of every step, by its index from 0, instead of the timing.
    let schedule: ((Int) -> Mode)?

    private var phase = Phase.warmUp
    private var times: [UInt64] = []
    private var bestOnThreads = UInt64.max
    private var windowsSinceProbe = 0
    private var steps = 0

    private enum Phase: Equatable {
        case warmUp
        /// The first comparison, or a later one: a window in the other mode
        /// against `steady`, the last window in the mode before it.
        case probing(steady: UInt64)
        case steady
    }

    init(enabled: Bool, window: Int = 16, slowdown: Double = 1.25, recheck: Int = 16) {
        self.enabled = enabled
        self.window = max(window, 1)
        self.slowdown = slowdown
        self.recheck = max(recheck, 1)
        schedule = nil
    }

    /// Modes from `schedule` whatever the timing (tests of the bits).
    init(schedule: @escaping (Int) -> Mode) {
        enabled = true
        window = 1; slowdown = 1; recheck = 1
        self.schedule = schedule
        mode = schedule(0)
    }

    /// Whether the coming step is one of a comparison window rather than the choice.
    var comparing: Bool {
        if case .probing = phase { return schedule == nil }
        return false
    }

    /// Takes the time of the step just run in `mode`; `mode` is then the next step's.
    mutating func record(nanoseconds: UInt64) {
        guard enabled else { return }
        steps += 1
        if let schedule {
            mode = schedule(steps)
            return
        }
        times.append(nanoseconds)
        guard times.count == window else { return }
        times = times.stablySorted()
        let median = times[window / 2]
        times.removeAll(keepingCapacity: true)
        if mode == .threads { bestOnThreads = min(bestOnThreads, median) }
        switch phase {
        case .warmUp:
            // The first window warms caches and buffers; the next one is compared.
            phase = .steady
            windowsSinceProbe = recheck
        case .probing(let steady):
            if median >= steady { mode = other(mode) }
            phase = .steady
            windowsSinceProbe = 0
        case .steady:
            windowsSinceProbe += 1
            guard windowsSinceProbe >= recheck else { return }
            let slowed = mode == .threads && Double(median) > slowdown * Double(bestOnThreads)
            if mode == .alone || slowed || steps <= 2 * window {
                phase = .probing(steady: median)
                mode = other(mode)
            }
        }
    }

    private func other(_ m: Mode) -> Mode { m == .threads ? .alone : .threads }
}
#else
/// Embedded Swift (wasm32) runs on one thread: there is nothing to choose, and
/// the module carries no timing code for it.
struct ThreadChoice {
    enum Mode: Equatable { case threads, alone }
    let enabled = false
    var mode: Mode { .threads }
    var comparing: Bool { false }

    init(enabled: Bool) {}

    mutating func record(nanoseconds: UInt64) {}
}
#endif
