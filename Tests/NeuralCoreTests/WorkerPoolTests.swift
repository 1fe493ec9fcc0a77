import Dispatch
import SIMDKernels
import Synchronization
import XCTest

/// The kernels' thread pool runs every part of every job exactly once, also
/// when jobs follow each other with no gap, after its helpers fell asleep,
/// and when two threads submit jobs at once (one of them then runs alone).
final class WorkerPoolTests: XCTestCase {
    func testEveryPartRunsExactlyOnce() {
        let pool = WorkerPool(helpers: 2)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 64)
        defer { counts.deallocate() }
        for round in 0..<2000 {
            let parts = 1 + round % 7
            counts.initialize(repeating: 0)
            pool.run(parts: parts) { part in counts[part] += 1 }
            XCTAssertEqual(Array(counts[0..<parts]), [Int](repeating: 1, count: parts), "round \(round)")
            if round % 500 == 499 { usleep(300_000) }  // let the helpers fall asleep
        }
    }

    func testConcurrentCallersBothComplete() {
        let pool = WorkerPool(helpers: 1)
        let sums = Mutex<[Int]>([0, 0])
        DispatchQueue.concurrentPerform(iterations: 2) { caller in
            let cells = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4)
            defer { cells.deallocate() }
            var total = 0
            for _ in 0..<3000 {
                cells.initialize(repeating: 0)
                pool.run(parts: 4) { part in cells[part] = part + 1 }
                total += cells.reduce(0, +)
            }
            sums.withLock { $0[caller] = total }
        }
        XCTAssertEqual(sums.withLock { $0 }, [3000 * 10, 3000 * 10])
    }

    /// A background job runs exactly once, by a helper or by its owner when
    /// the owner gets there first, also when the job runs parallel loops of
    /// its own (serially) and when the owner runs jobs while it is pending;
    /// `finishBackground` makes its effect visible.
    func testBackgroundJobsRunOnceAndNeverDeadlock() {
        let pool = WorkerPool(helpers: 1)
        let cells = UnsafeMutableBufferPointer<Int>.allocate(capacity: 5)
        defer { cells.deallocate() }
        for round in 0..<3000 {
            cells.initialize(repeating: 0)
            let started = pool.startBackground {
                cells[0] += 1
                pool.run(parts: 2) { part in cells[1 + part] += 1 }   // nested: runs serially
            }
            XCTAssertTrue(started, "round \(round)")
            if round % 2 == 1 {
                pool.run(parts: 2) { part in cells[3 + part] += 1 }   // beside the background job
            }
            pool.finishBackground()
            XCTAssertEqual(Array(cells), round % 2 == 1 ? [1, 1, 1, 1, 1] : [1, 1, 1, 0, 0], "round \(round)")
        }
        pool.finishBackground()   // nothing pending: returns at once
    }

    /// A job never waits for a background job: it completes on the caller
    /// while the background job is still running (this one waits for it).
    func testJobsCompleteWhileABackgroundJobRuns() {
        final class Flag: Sendable { let raised = Atomic<Bool>(false) }
        let pool = WorkerPool(helpers: 1)
        for _ in 0..<200 {
            let flag = Flag()
            XCTAssertTrue(pool.startBackground {
                while !flag.raised.load(ordering: .acquiring) { sched_yield() }
            })
            var parts = [Int](repeating: 0, count: 8)
            parts.withUnsafeMutableBufferPointer { cells in
                pool.run(parts: 8) { part in cells[part] += 1 }
            }
            XCTAssertEqual(parts, [Int](repeating: 1, count: 8))
            flag.raised.store(true, ordering: .releasing)
            pool.finishBackground()
        }
    }
}
