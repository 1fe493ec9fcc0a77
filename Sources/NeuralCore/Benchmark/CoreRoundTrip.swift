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
        // 1: the helper joined; -1: the caller gave up waiting for it.
        let joined = Atomic<Int>(0)
        var fastest = Double.infinity
        let limit = DispatchTime.now().uptimeNanoseconds + 50_000_000
        WorkerPool.shared.run(parts: 2) { part in
            if part == 1 {
                guard joined.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return }
                for i in 0..<(blocks * bounces) {
                    while true {
                        let seen = ball.load(ordering: .acquiring)
                        if seen == 2 * i + 1 { break }
                        if seen < 0 { return }
                    }
                    ball.store(2 * i + 2, ordering: .releasing)
                }
                return
            }
            while joined.load(ordering: .acquiring) == 0 {
                if DispatchTime.now().uptimeNanoseconds > limit,
                   joined.compareExchange(expected: 0, desired: -1, ordering: .acquiringAndReleasing).exchanged { return }
            }
            guard joined.load(ordering: .acquiring) == 1 else { return }
            for block in 0..<blocks {
                let start = DispatchTime.now().uptimeNanoseconds
                for j in 0..<bounces {
                    let i = block * bounces + j
                    ball.store(2 * i + 1, ordering: .releasing)
                    var polls = 0
                    while ball.load(ordering: .acquiring) != 2 * i + 2 {
                        polls += 1
                        // A round trip past 50 ms total: the two threads take turns on one CPU.
                        if polls & 4095 == 0, DispatchTime.now().uptimeNanoseconds > limit + 50_000_000 {
                            ball.store(-1, ordering: .releasing)
                            fastest = .infinity
                            return
                        }
                    }
                }
                fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(bounces))
            }
        }
        return fastest.isFinite ? fastest : nil
    }
}

/// The round trips measured just before and just after one timed run.
public struct RunRoundTrip: Codable, Equatable, Sendable {
    public var before: Double
    public var after: Double

    public init(before: Double, after: Double) {
        self.before = before
        self.after = after
    }
}

/// One model's runs in one placement of the two threads' cores.
public struct CorePlacementFigure: Codable, Equatable, Sendable {
    /// The median of its runs' round trips (each the mean of before and after), in nanoseconds.
    public var roundTripNanoseconds: Double
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

    /// One model's runs split by `placements`: a run belongs to the placement
    /// that holds both its round trips, and to none when the placement changed
    /// during it (counted in `changed`). Runs without round trips are left out.
    public static func split(figures: [Double], roundTrips: [RunRoundTrip?],
                             placements: [ClosedRange<Double>]) -> (groups: [CorePlacementFigure], changed: Int) {
        var members = placements.map { _ in [(figure: Double, trip: Double)]() }, changed = 0
        for (figure, trip) in zip(figures, roundTrips) {
            guard let trip else { continue }
            if let i = placements.firstIndex(where: { $0.contains(trip.before) && $0.contains(trip.after) }) {
                members[i].append((figure, (trip.before + trip.after) / 2))
            } else {
                changed += 1
            }
        }
        let groups = members.compactMap { runs -> CorePlacementFigure? in
            guard !runs.isEmpty else { return nil }
            let figures = runs.map(\.figure)
            return CorePlacementFigure(roundTripNanoseconds: median(runs.map(\.trip)), runs: runs.count,
                                       samplesPerSecond: median(figures), slowest: figures.min()!, fastest: figures.max()!)
        }
        return (groups, changed)
    }
}
