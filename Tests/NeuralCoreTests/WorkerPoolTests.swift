import Dispatch
import SIMDKernels
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
        let sums = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
        defer { sums.deallocate() }
        sums.initialize(repeating: 0)
        DispatchQueue.concurrentPerform(iterations: 2) { caller in
            let cells = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4)
            defer { cells.deallocate() }
            for _ in 0..<3000 {
                cells.initialize(repeating: 0)
                pool.run(parts: 4) { part in cells[part] = part + 1 }
                sums[caller] += cells.reduce(0, +)
            }
        }
        XCTAssertEqual(sums[0], 3000 * 10)
        XCTAssertEqual(sums[1], 3000 * 10)
    }

    /// A background job runs exactly once, by a helper or by its owner when
    /// the owner gets there first, also when the job runs parallel loops of
    /// its own; the owner's next `run` sees its effect.
    func testBackgroundJobsRunOnceAndNeverDeadlock() {
        let pool = WorkerPool(helpers: 1)
        let cells = UnsafeMutableBufferPointer<Int>.allocate(capacity: 3)
        defer { cells.deallocate() }
        for round in 0..<3000 {
            cells.initialize(repeating: 0)
            let started = pool.startBackground {
                cells[0] += 1
                pool.run(parts: 2) { part in cells[1 + part] += 1 }   // nested: runs serially
            }
            XCTAssertTrue(started, "round \(round)")
            if round % 2 == 0 {
                pool.finishBackground()
            } else {
                pool.run(parts: 2) { _ in }   // waits for the background job first
            }
            XCTAssertEqual(Array(cells), [1, 1, 1], "round \(round)")
        }
        pool.finishBackground()   // nothing pending: returns at once
    }
}
