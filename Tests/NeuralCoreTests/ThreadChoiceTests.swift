import XCTest
import Foundation
import SIMDKernels
@testable import NeuralCore

/// A run trains on the kernel threads unless its own step times show one thread
/// faster, and it checks again; the choice never changes a bit.
final class ThreadChoiceTests: XCTestCase {
    typealias Mode = ThreadChoice.Mode

    /// The mode of each of `steps` steps when a step takes `time(mode, step)`.
    func modes(_ choice: inout ThreadChoice, steps: Range<Int>, _ time: (Mode, Int) -> UInt64) -> [Mode] {
        steps.map { step in
            let mode = choice.mode
            choice.record(nanoseconds: time(mode, step))
            return mode
        }
    }

    func testOneComparisonAfterTheWarmUpThenTheThreadsWhenTheyAreFaster() {
        var choice = ThreadChoice(enabled: true, window: 2, slowdown: 1.25, recheck: 3)
        let seen = modes(&choice, steps: 0..<40) { mode, _ in mode == .threads ? 100 : 150 }
        // Warm-up window and one window on the threads, one window alone, then the threads.
        XCTAssertEqual(Array(seen.prefix(6)), [.threads, .threads, .threads, .threads, .alone, .alone])
        XCTAssertEqual(Array(seen.dropFirst(6)), [Mode](repeating: .threads, count: 34))
    }

    func testASlowedMachineTrainsAloneAndReturnsToTheThreads() {
        var choice = ThreadChoice(enabled: true, window: 2, slowdown: 1.25, recheck: 3)
        // Threads 100 until step 20, 300 (slowed) until step 60, then 100 again; alone always 150.
        let time: (Mode, Int) -> UInt64 = { mode, step in
            mode == .alone ? 150 : (20..<60).contains(step) ? 300 : 100
        }
        let seen = modes(&choice, steps: 0..<100, time)
        XCTAssertEqual(Array(seen[8..<20]), [Mode](repeating: .threads, count: 12), "steady and fast: no probe")
        XCTAssertTrue(seen[20..<30].contains(.alone), "a slowed window starts a probe alone")
        XCTAssertEqual(Array(seen[30..<60]).filter { $0 == .threads }.count, 2 * 4,
                       "alone, with one window on the threads every three windows: \(seen[30..<60])")
        XCTAssertEqual(Array(seen[70..<100]), [Mode](repeating: .threads, count: 30), "back on the threads")
    }

    func testAProbeThatLosesWaitsBeforeTheNextOne() {
        var choice = ThreadChoice(enabled: true, window: 2, slowdown: 1.25, recheck: 5)
        // Threads slowed from step 10 on (300), yet alone is slower still (400).
        let seen = modes(&choice, steps: 0..<60) { mode, step in mode == .alone ? 400 : step >= 10 ? 300 : 100 }
        let alone = seen.indices.filter { seen[$0] == .alone && $0 >= 10 }
        // Probes of one window (two steps), at least five windows (ten steps) apart.
        XCTAssertFalse(alone.isEmpty)
        for (a, b) in zip(alone, alone.dropFirst()) where b != a + 1 {
            XCTAssertGreaterThanOrEqual(b - a, 10, "\(alone)")
        }
        XCTAssertLessThanOrEqual(Double(alone.count) / 50, 0.2)
    }

    func testDisabledStaysOnTheThreads() {
        var choice = ThreadChoice(enabled: false)
        let seen = modes(&choice, steps: 0..<100) { mode, _ in mode == .threads ? 1_000 : 1 }
        XCTAssertEqual(seen, [Mode](repeating: .threads, count: 100))
    }

    func testAloneRunsEveryPartOnTheCaller() {
        let pool = WorkerPool.shared
        XCTAssertFalse(pool.callerRunsAlone)
        let before = pool.sharedJobCount
        var threads = Set<String>()
        pool.run(alone: true) {
            XCTAssertTrue(pool.callerRunsAlone)
            pool.run(alone: false) { XCTAssertTrue(pool.callerRunsAlone, "an inner run(alone: false) keeps the outer choice") }
            let lock = NSLock()
            pool.run(parts: 8) { _ in
                lock.lock(); threads.insert(Thread.current.description); lock.unlock()
            }
        }
        XCTAssertFalse(pool.callerRunsAlone)
        XCTAssertEqual(pool.sharedJobCount, before, "no job was offered to the helpers")
        XCTAssertEqual(threads, [Thread.current.description])
        if pool.threadCount > 1 {
            pool.run(parts: 8) { _ in }
            XCTAssertEqual(pool.sharedJobCount, before + 1, "outside, the same job is offered to the helpers")
        }
    }
}
