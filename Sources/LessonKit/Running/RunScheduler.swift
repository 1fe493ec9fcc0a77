import Foundation
import Synchronization

/// Runs independent jobs on up to `jobs` threads and returns their results in
/// input order. Each job owns its model and RNG and only reads shared data, so the
/// results are the same whatever `jobs` is; only the wall clock changes.
public enum RunScheduler {
    /// The default `--jobs`: the machine's active cores.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func map<Result: Sendable>(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let box = ResultBox<Result>(count: count)
        let workers = max(1, min(jobs, count))
        if workers == 1 {
            for i in 0..<count { box.set(i, body(i)) }
            return box.values()
        }
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            // Threads (not a dispatch pool) so `jobs` is exactly the number of workers,
            // with stacks large enough for deep training code.
            let thread = Thread {
                while let i = box.claim() { box.set(i, body(i)) }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return box.values()
    }

    /// The next job to claim and the results so far.
    private final class ResultBox<Result: Sendable>: Sendable {
        private let state: Mutex<(next: Int, slots: [Result?])>

        init(count: Int) { state = Mutex((next: 0, slots: Array(repeating: nil, count: count))) }

        func claim() -> Int? {
            state.withLock { s in
                guard s.next < s.slots.count else { return nil }
                s.next += 1
                return s.next - 1
            }
        }

        func set(_ index: Int, _ value: Result) { state.withLock { $0.slots[index] = value } }

        func values() -> [Result] { state.withLock { $0.slots.map { $0! } } }
    }
}
