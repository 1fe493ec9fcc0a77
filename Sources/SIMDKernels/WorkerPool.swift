#if !hasFeature(Embedded)
// Native only: threads. Embedded Swift (wasm32) uses SerialWorkerPool.swift.
import CThreadPlacement
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads every parallel kernel runs on: the caller plus persistent
/// helpers that spin briefly between jobs before they sleep.
///
/// Why not `DispatchQueue.concurrentPerform`: a training step runs a dozen
/// short parallel loops separated by short serial gaps; Dispatch's workers
/// fall asleep in each gap and waking one cost about 30 µs here, a tenth of
/// an MLP step. A helper that is still spinning starts within microseconds.
///
/// Parts are claimed one by one, so a helper that the OS has not scheduled
/// (a busy machine) is simply not waited for: the caller takes its parts.
/// The caller claims from the first part up and helpers from the last part
/// down, so from step to step each thread tends to get the same parts, and
/// the weights, moments and gradients they write stay in that core's cache
/// (taken in turns, every step moved them between cores).
///
/// A helper that finds itself on the CPU of the caller it is to help moves
/// to another CPU (`lessons_thread_avoid_cpu`): the OS sometimes starts or
/// wakes it there, and two threads sharing one core while the other idles
/// made a run with two threads half as fast as one with one, for a whole run.
/// One job runs at a time; a caller that finds the pool busy (another run in
/// the same process) runs its parts itself. Parts never depend on which
/// thread ran them, so results are the same bits either way.
///
/// A background job (`startBackground`) may run beside a job: a helper busy
/// with it joins the job when it is done, and the caller claims the rest.
///
/// Locking: the pthread `mutex` guards the only mutable non-atomic state, the
/// current job (`body`, `nextPart`, `endPart`) and the unclaimed `backgroundWork`;
/// `generation` is bumped while it is held, so a helper that checks it and then
/// sleeps on the condition `wake` cannot miss the broadcast of a new job. That
/// sleep is why it is not a `Synchronization.Mutex`: `pthread_cond_wait` must
/// release and retake the very mutex the sleeper holds, and `Mutex` has no
/// condition variable. The compiler cannot see that those `var`s are touched
/// only under `mutex`, hence `@unchecked Sendable`; all else is atomic or `let`.
public final class WorkerPool: @unchecked Sendable {
    /// The pool shared by all kernels: `defaultThreadCount` threads in all.
    public static let shared = WorkerPool(helpers: defaultThreadCount - 1)

    /// Threads the kernels use: `LESSONS_GEMM_THREADS` if set, else up to 2,
    /// the cores of the machines we target. Never more helpers than that are
    /// started, so a many-core machine does not get dozens of spinning threads.
    public static let defaultThreadCount: Int = {
        if let raw = ProcessInfo.processInfo.environment["LESSONS_GEMM_THREADS"], let n = Int(raw), n >= 1 {
            return n
        }
        return max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
    }()

    /// How long an idle helper spins for the next job before it sleeps.
    static let spinNanoseconds: UInt64 = 200_000

    private let helpers: Int
    private let busy = Atomic<Bool>(false)
    /// Bumped (under `mutex`) for every job, read without the lock by spinning helpers.
    private let generation = Atomic<Int>(0)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // The current job, guarded by `mutex`.
    private var body: ((Int) -> Void)? = nil
    /// Unclaimed parts of the current job: `nextPart..<endPart`.
    private var nextPart = 0, endPart = 0
    private let finishedParts = Atomic<Int>(0)
    private let sharedJobs = Atomic<Int>(0)
    /// The CPU of the caller of the latest job (-1: unknown).
    private let callerCPU = Atomic<Int>(-1)
    private let placementMoves = Atomic<Int>(0)
    /// The thread that started the pending background job (0: none).
    private let backgroundOwner = Atomic<UInt>(0)
    /// The thread running the background job (0: none); its own loops run serially.
    private let backgroundRunner = Atomic<UInt>(0)
    /// Set from `startBackground` until its job has finished.
    private let backgroundBusy = Atomic<Bool>(false)
    private let backgroundDone = Atomic<Bool>(true)
    // The background job not yet claimed by any thread, guarded by `mutex`.
    private var backgroundWork: (() -> Void)? = nil

    /// A pool with `helpers` threads besides the caller. Helpers live as long
    /// as the process (kernels use `shared`; tests make their own).
    public init(helpers: Int) {
        self.helpers = helpers
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
        for index in 0..<helpers {
            // Helpers keep their pool alive: both last as long as the process.
            let thread = Thread { self.helperLoop() }
            thread.name = "lessons-kernel-\(index + 1)"
            thread.start()
        }
    }

    /// Threads a job can use: the caller and the helpers.
    public var threadCount: Int { helpers + 1 }

    /// Jobs so far that were offered to the helpers (not run by the caller
    /// alone), so tests can tell that a product really was split.
    public var sharedJobCount: Int { sharedJobs.load(ordering: .relaxed) }

    /// How often a helper moved off its caller's CPU.
    public var helperMoves: Int { placementMoves.load(ordering: .relaxed) }

    /// Runs `body(part)` for every part in `0..<parts`, on the caller and the
    /// helpers, and returns when all have finished.
    public func run(parts count: Int, _ work: (Int) -> Void) {
        if count <= 1 || helpers == 0 || backgroundRunner.load(ordering: .acquiring) == currentThreadID()
            || callerRunsAlone || !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            for part in 0..<count { work(part) }
            return
        }
        withoutActuallyEscaping(work) { escapable in
            pthread_mutex_lock(mutex)
            body = escapable
            nextPart = 0
            endPart = count
            finishedParts.store(0, ordering: .relaxed)
            callerCPU.store(Int(lessons_current_cpu()), ordering: .relaxed)
            generation.add(1, ordering: .releasing)
            sharedJobs.add(1, ordering: .relaxed)
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(mutex)
            runClaimedParts(fromEnd: false)
            while finishedParts.load(ordering: .acquiring) < count { sched_yield() }
            pthread_mutex_lock(mutex)
            body = nil
            pthread_mutex_unlock(mutex)
        }
        busy.store(false, ordering: .releasing)
    }

    /// Runs `body` with every job this thread starts in it run by this thread
    /// alone when `alone` is true: a trainer whose own step times show one
    /// thread faster than two (another tenant of the machine slowing what two
    /// cores share) trains on one. Parts never depend on the thread that runs
    /// them, so the bits are the same. Other threads' jobs are not affected.
    public func run<R>(alone: Bool, _ body: () -> R) -> R {
        guard alone else { return body() }
        let previous = pthread_getspecific(aloneKey)
        pthread_setspecific(aloneKey, UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(aloneKey, previous) }
        return body()
    }

    /// Whether this thread's jobs run on it alone (inside `run(alone: true)`).
    public var callerRunsAlone: Bool { pthread_getspecific(aloneKey) != nil }

    /// Starts `work` on a helper and returns at once, so the caller's serial
    /// code and later jobs overlap it (the trainer gathers the next batch this
    /// way); the helper joins those jobs when it is done. `finishBackground`
    /// waits for it. Returns false, running nothing, when there is no helper
    /// or a background job is pending: the caller then does the work itself.
    /// Loops inside `work` run serially on the thread that runs it.
    public func startBackground(_ work: @escaping () -> Void) -> Bool {
        guard helpers > 0,
              backgroundBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
        else { return false }
        pthread_mutex_lock(mutex)
        backgroundWork = work
        backgroundDone.store(false, ordering: .relaxed)
        callerCPU.store(Int(lessons_current_cpu()), ordering: .relaxed)
        generation.add(1, ordering: .releasing)
        sharedJobs.add(1, ordering: .relaxed)
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(mutex)
        backgroundOwner.store(currentThreadID(), ordering: .releasing)
        return true
    }

    /// Waits for the calling thread's background job, running it here if no
    /// helper has started it yet; does nothing when there is none.
    public func finishBackground() {
        guard backgroundOwner.load(ordering: .acquiring) == currentThreadID() else { return }
        backgroundOwner.store(0, ordering: .releasing)
        runBackgroundIfUnclaimed()
        while !backgroundDone.load(ordering: .acquiring) { sched_yield() }
        backgroundBusy.store(false, ordering: .releasing)
    }

    /// Claims the background job, if nobody has, and runs it on this thread.
    private func runBackgroundIfUnclaimed() {
        pthread_mutex_lock(mutex)
        let work = backgroundWork
        backgroundWork = nil
        pthread_mutex_unlock(mutex)
        guard let work else { return }
        backgroundRunner.store(currentThreadID(), ordering: .releasing)
        work()
        backgroundRunner.store(0, ordering: .releasing)
        backgroundDone.store(true, ordering: .releasing)
    }

    /// Claims and runs parts of the current job until none are left.
    private func runClaimedParts(fromEnd: Bool) {
        while runOneClaimedPart(fromEnd: fromEnd) {
            finishedParts.add(1, ordering: .releasing)
        }
    }

    /// Runs one claimed part; false when none is left. Its own function so the
    /// claimed copy of the closure is released before the part counts as
    /// finished: the job ends when its last part finishes, and no copy of the
    /// caller's closure may outlive that.
    private func runOneClaimedPart(fromEnd: Bool) -> Bool {
        pthread_mutex_lock(mutex)
        guard let work = body, nextPart < endPart else {
            pthread_mutex_unlock(mutex)
            return false
        }
        let index: Int
        if fromEnd {
            endPart -= 1
            index = endPart
        } else {
            index = nextPart
            nextPart += 1
        }
        pthread_mutex_unlock(mutex)
        work(index)
        return true
    }

    private func helperLoop() {
        var seen = 0
        while true {
            seen = waitForJob(after: seen)
            leaveCallerCPU()
            runBackgroundIfUnclaimed()
            runClaimedParts(fromEnd: true)
        }
    }

    /// Moves this helper off the CPU of the job's caller if it is there.
    private func leaveCallerCPU() {
        let cpu = callerCPU.load(ordering: .relaxed)
        guard cpu >= 0, cpu == Int(lessons_current_cpu()), lessons_thread_avoid_cpu(Int32(cpu)) != 0 else { return }
        placementMoves.add(1, ordering: .relaxed)
    }

    /// Spins until a new job is announced, then sleeps until one is.
    private func waitForJob(after seen: Int) -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        var spins = 0
        while true {
            let current = generation.load(ordering: .acquiring)
            if current != seen { return current }
            spins += 1
            if spins & 63 == 0 && DispatchTime.now().uptimeNanoseconds - start > Self.spinNanoseconds { break }
            sched_yield()
        }
        pthread_mutex_lock(mutex)
        var current = generation.load(ordering: .relaxed)
        while current == seen {
            pthread_cond_wait(wake, mutex)
            current = generation.load(ordering: .relaxed)
        }
        pthread_mutex_unlock(mutex)
        return current
    }
}

/// The thread-specific flag of `WorkerPool.run(alone:)`.
private let aloneKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()

/// The calling thread's identity as a number (`pthread_t` is an integer on
/// Linux and a pointer on Darwin).
@inline(__always)
private func currentThreadID() -> UInt {
    #if canImport(Darwin)
    return UInt(bitPattern: pthread_self())
    #else
    return UInt(pthread_self())
    #endif
}
#endif
