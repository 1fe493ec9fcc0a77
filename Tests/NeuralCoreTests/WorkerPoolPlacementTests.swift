import CThreadPlacement
import Foundation
import SIMDKernels
import Synchronization
import XCTest

/// Where the kernel pool's parts run: the caller takes parts from the front
/// and helpers from the back (so each thread keeps to its own rows from step
/// to step), and a helper that finds itself on its caller's CPU moves away.
final class WorkerPoolPlacementTests: XCTestCase {
    func testCallerTakesAPrefixAndTheHelperASuffix() {
        let pool = WorkerPool(helpers: 1)
        let ranByCaller = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 16)
        defer { ranByCaller.deallocate() }
        var helperParts = 0
        for round in 0..<400 {
            let callerThread = Thread.current
            ranByCaller.initialize(repeating: false)
            pool.run(parts: 16) { part in
                ranByCaller[part] = Thread.current == callerThread
                for _ in 0..<2000 { _ = Thread.current }   // long enough for the helper to join
            }
            let flags = Array(ranByCaller)
            // Caller parts first, then helper parts: never a helper part before a caller part.
            let firstHelper = flags.firstIndex(of: false) ?? flags.count
            XCTAssertTrue(flags[firstHelper...].allSatisfy { !$0 }, "round \(round): \(flags)")
            helperParts += flags.count - firstHelper
        }
        XCTAssertGreaterThan(helperParts, 0, "the helper never took a part")
    }

    func testHelperLeavesItsCallersCPU() throws {
        guard lessons_current_cpu() >= 0, ProcessInfo.processInfo.activeProcessorCount >= 2 else {
            throw XCTSkip("needs Linux and two CPUs")
        }
        let cpus = Seen()
        // A thread pinned to one CPU makes the pool: its helper starts there too.
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            guard lessons_thread_pin_cpu(0) != 0 else { return }
            defer { lessons_thread_unpin() }
            let pool = WorkerPool(helpers: 1)
            let me = Thread.current
            for _ in 0..<20 {
                let helperRan = Atomic<Bool>(false)
                pool.run(parts: 8) { part in
                    let cpu = lessons_current_cpu()
                    let onCaller = Thread.current == me
                    if !onCaller { helperRan.store(true, ordering: .releasing) }
                    cpus.state.withLock { if onCaller { $0.caller.insert(cpu) } else { $0.helper.insert(cpu) } }
                    // The caller's first part waits (up to 2 s) for the helper to take one, so a
                    // loaded machine cannot let the caller finish every part alone.
                    if onCaller && part == 0 {
                        let deadline = Date().addingTimeInterval(2)
                        while !helperRan.load(ordering: .acquiring) && Date() < deadline { usleep(100) }
                    }
                }
            }
            cpus.state.withLock { $0.moves = pool.helperMoves }
        }
        thread.start()
        done.wait()
        let seen = cpus.state.withLock { $0 }
        guard seen.caller == [0] else { throw XCTSkip("could not pin a thread to CPU 0") }
        XCTAssertGreaterThanOrEqual(seen.moves, 1, "the helper never moved off CPU 0")
        XCTAssertFalse(seen.helper.isEmpty, "the helper ran no part")
        XCTAssertFalse(seen.helper.contains(0), "the helper ran parts on its caller's CPU: \(seen.helper)")
    }

    /// The CPUs the caller's and the helper's parts ran on, and the helper's moves.
    private final class Seen: Sendable {
        let state = Mutex<(caller: Set<Int32>, helper: Set<Int32>, moves: Int)>(([], [], 0))
    }
}
