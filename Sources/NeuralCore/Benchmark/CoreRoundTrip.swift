import Dispatch
import SIMDKernels
import Synchronization

/// How far apart the training's two threads are: the time for the caller to
/// hand a cache line to the worker pool's helper and get it back.
///
/// Why `lessons bench` measures it: this VM moves its two vCPUs between
/// places, for seconds to minutes at a time. With both on cores that share a
/// cache a round trip takes 50–130 ns; on cores that do not, 330–550 ns
/// (2026-12-07), and every two-thread trainer loses a quarter of its speed
/// there (ours 250k samples/s against 330k) while one thread keeps its own.
/// No length of measuring averages that away, so the bench probes before and
/// after every run and reports the figures of each placement apart, with its
/// round trip: the figures of one placement hold within a few percent.
public enum CoreRoundTrip {
    /// Nanoseconds per round trip between the caller and the pool's helper:
    /// the fastest of `blocks` blocks of `bounces` round trips (an interrupt
    /// or a preemption only slows a block). Nil with one thread, when no
    /// helper joins within 50 ms (a busy pool), or when a bounce takes so
    /// long that both threads must share one CPU.
    public static func measure(blocks: Int = 8, bounces: Int = 256) -> Double? {
        guard WorkerPool.shared.threadCount > 1, blocks > 0, bounces > 0 else { return nil }
        // The ball: odd for the helper to return, even for the caller; -1 stops the helper.
        let ball = Atomic<Int>(0)
        var fastest = Double.infinity
        let deadline = DispatchTime.now().uptimeNanoseconds + 100_000_000
        withHelper(helper: {
            for i in 0..<(blocks * bounces) {
                while true {
                    let seen = ball.load(ordering: .acquiring)
                    if seen == 2 * i + 1 { break }
                    if seen < 0 { return }
                }
                ball.store(2 * i + 2, ordering: .releasing)
            }
        }, caller: {
            for block in 0..<blocks {
                let start = DispatchTime.now().uptimeNanoseconds
                for j in 0..<bounces {
                    let i = block * bounces + j
                    ball.store(2 * i + 1, ordering: .releasing)
                    var polls = 0
                    while ball.load(ordering: .acquiring) != 2 * i + 2 {
                        polls += 1
                        // Bounces past 100 ms in all: the two threads take turns on one CPU.
                        if polls & 4095 == 0, DispatchTime.now().uptimeNanoseconds > deadline {
                            ball.store(-1, ordering: .releasing)
                            fastest = .infinity
                            return
                        }
                    }
                }
                fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(bounces))
            }
        })
        return fastest.isFinite ? fastest : nil
    }

    /// How many times longer the caller takes for a burst of independent
    /// multiply-adds while the helper runs the same beside it than alone: about
    /// 1 on two cores, about 2 when the VM has put both threads on the two
    /// hardware threads of one core. Their round trip is then as short as
    /// between two cores that share a cache (60–65 ns against 73–88 ns here), so
    /// only this tells them apart; two threads there train at one thread's speed.
    /// Nil when no helper joins within 50 ms, or with one thread.
    public static func sharedCoreSlowdown(iterations: Int = 20_000) -> Double? {
        guard WorkerPool.shared.threadCount > 1, iterations > 0 else { return nil }
        let alone = fastestBurst(iterations)
        let stop = Atomic<Bool>(false)
        var beside = Double.infinity
        withHelper(helper: {
            while !stop.load(ordering: .acquiring) { sink(multiplyAdds(iterations / 8, 1)) }
        }, caller: {
            beside = fastestBurst(iterations)
            stop.store(true, ordering: .releasing)
        })
        return beside.isFinite ? beside / alone : nil
    }

    /// Runs `caller` on this thread and `helper` on the worker pool's helper at
    /// the same time, or neither when no helper joins within 50 ms (a busy
    /// pool, or a caller whose jobs run alone, which runs both parts itself).
    private static func withHelper(helper: () -> Void, caller: () -> Void) {
        let joined = Atomic<Int>(0)   // 1: the helper joined; -1: the caller gave up waiting
        let limit = DispatchTime.now().uptimeNanoseconds + 50_000_000
        WorkerPool.shared.run(parts: 2) { part in
            if part == 1 {
                if joined.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged { helper() }
                return
            }
            while joined.load(ordering: .acquiring) == 0 {
                if DispatchTime.now().uptimeNanoseconds > limit,
                   joined.compareExchange(expected: 0, desired: -1, ordering: .acquiringAndReleasing).exchanged { return }
            }
            if joined.load(ordering: .acquiring) == 1 { caller() }
        }
    }

    /// The fastest of three timed bursts, in nanoseconds.
    private static func fastestBurst(_ iterations: Int) -> Double {
        var best = Double.infinity
        for round in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            sink(multiplyAdds(iterations, Float(round)))
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
        }
        return best
    }

    /// Sixteen independent chains of vector multiplies and adds: enough to keep
    /// a core's floating-point units busy, so two threads on one core halve.
    @inline(never)
    private static func multiplyAdds(_ iterations: Int, _ seed: Float) -> Float {
        var a = SIMD16<Float>(repeating: seed), b = a + 1, c = a + 2, d = a + 3
        let m = SIMD16<Float>(repeating: 0.999_999), k = SIMD16<Float>(repeating: 1e-7)
        for _ in 0..<iterations {
            a = a * m + k
            b = b * m + k
            c = c * m + k
            d = d * m + k
        }
        return (a + b + c + d).sum()
    }

    /// Keeps a result alive, so the optimiser cannot drop the work behind it.
    @inline(never)
    private static func sink(_ value: Float) { if value.isNaN { print(value) } }
}

/// The probes just before and just after one timed run: the threads' round
/// trip (ns), and the caller's slowdown with the helper busy beside it
/// (`sharedCoreSlowdown`; nil when it was not measured).
public struct RunRoundTrip: Codable, Equatable, Sendable {
    public var before: Double
    public var after: Double
    public var slowdownBefore: Double?
    public var slowdownAfter: Double?

    public init(before: Double, after: Double, slowdownBefore: Double? = nil, slowdownAfter: Double? = nil) {
        self.before = before
        self.after = after
        self.slowdownBefore = slowdownBefore
        self.slowdownAfter = slowdownAfter
    }

    /// Whether both probes found the two threads sharing one core (nil: they disagree).
    var sharesOneCore: Bool? {
        let shared = [slowdownBefore, slowdownAfter].map { ($0 ?? 1) >= CoreRoundTrip.sharedCoreBound }
        return shared[0] == shared[1] ? shared[0] : nil
    }
}

/// One model's runs in one placement of the two threads' cores.
public struct CorePlacementFigure: Codable, Equatable, Sendable {
    /// The median of its runs' round trips (each the mean of before and after), in nanoseconds.
    public var roundTripNanoseconds: Double
    /// Whether the two threads were on the two hardware threads of one core.
    public var sharesOneCore = false
    public var runs: Int
    /// The median and the range of its runs' samples/s.
    public var samplesPerSecond: Double
    public var slowest: Double
    public var fastest: Double
}

extension CoreRoundTrip {
    /// Placements seen in a bench: its round trips sorted and cut wherever one
    /// is more than 1.5× the one before (this machine's two placements differ
    /// 4×, and each keeps within 2× of itself), as closed ranges, nearest first.
    public static func placements(_ roundTrips: [Double]) -> [ClosedRange<Double>] {
        var groups: [ClosedRange<Double>] = []
        for trip in roundTrips.sorted() {
            if let last = groups.last, trip <= last.upperBound * 1.5 {
                groups[groups.count - 1] = last.lowerBound...trip
            } else {
                groups.append(trip...trip)
            }
        }
        return groups
    }

    /// From this slowdown up (`sharedCoreSlowdown`), two threads share one core.
    public static let sharedCoreBound = 1.5

    /// One model's runs split by `placements`, and within one by whether the
    /// threads shared one core: a run belongs to the group that holds both its
    /// probes, and to none when the placement changed during it (counted in
    /// `changed`). Runs without round trips are left out.
    public static func split(figures: [Double], roundTrips: [RunRoundTrip?],
                             placements: [ClosedRange<Double>]) -> (groups: [CorePlacementFigure], changed: Int) {
        // Groups in order: nearest placement first, two cores before one shared.
        var members = Array(repeating: [(figure: Double, trip: Double)](), count: 2 * placements.count), changed = 0
        for (figure, trip) in zip(figures, roundTrips) {
            guard let trip else { continue }
            if let i = placements.firstIndex(where: { $0.contains(trip.before) && $0.contains(trip.after) }),
               let shared = trip.sharesOneCore {
                members[2 * i + (shared ? 1 : 0)].append((figure, (trip.before + trip.after) / 2))
            } else {
                changed += 1
            }
        }
        let groups = members.indices.compactMap { g -> CorePlacementFigure? in
            let runs = members[g]
            guard !runs.isEmpty else { return nil }
            let figures = runs.map(\.figure)
            return CorePlacementFigure(roundTripNanoseconds: median(runs.map(\.trip)), sharesOneCore: g % 2 == 1,
                                       runs: runs.count, samplesPerSecond: median(figures),
                                       slowest: figures.min()!, fastest: figures.max()!)
        }
        return (groups, changed)
    }
}
