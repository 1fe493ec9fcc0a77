import Foundation

/// The state of a lesson exported as a Swift program (`lessons export`): the
/// comparisons it declared, their reports once run, and failed expectations.
/// The `lessons` tool never uses it — it evaluates the lesson's syntax tree
/// instead — so this exists only to make exported lesson code honest Swift.
public final class Notebook: @unchecked Sendable {
    public static let shared = Notebook()

    /// Trains one comparison's runs and returns a report per run name; set by
    /// the execution layer. Without it, asking for `results` is a usage error.
    public var execute: (@Sendable (Compare) throws -> [String: RunSeries])?

    private let lock = NSLock()
    private var pending: [Compare] = []
    private var reports: [String: RunSeries] = [:]
    /// While a claim is checked seed by seed: which seed `results` reads.
    private var seedIndex: Int?
    /// Seed lists of the runs read while checking the first seed.
    private var seedListsRead: Set<[Int]> = []
    private(set) public var failures: [String] = []

    public init() {}

    /// Records a comparison to run when its results are first asked for.
    public func record(_ compare: Compare) {
        lock.lock(); defer { lock.unlock() }
        pending.append(compare)
    }

    /// The report of the run called `name`, running pending comparisons first:
    /// the mean over its seeds, or one seed's run while a claim is checked per seed.
    public func report(named name: String) -> any RunReport {
        lock.lock(); defer { lock.unlock() }
        let series = series(named: name)
        guard let i = seedIndex else { return series }
        seedListsRead.insert(series.seeds)
        return series.report(seedIndex: min(i, series.results.count - 1))
    }

    /// Checks `condition` once per seed of the runs it reads (paired by seed)
    /// and records a failure unless it held in at least `required` of them.
    public func check(_ condition: () -> Bool, inAtLeast required: Int, claim: String) {
        lock.lock(); seedIndex = 0; seedListsRead = []; lock.unlock()
        var held = [condition()]
        lock.lock()
        let lists = seedListsRead
        lock.unlock()
        let seeds = lists.first ?? [0]
        if lists.count > 1 {
            lock.lock(); seedIndex = nil; lock.unlock()
            fail("\(claim): the runs it reads were trained with different seeds")
            return
        }
        let n = seeds.count
        for i in 1..<max(1, n) {
            lock.lock(); seedIndex = i; lock.unlock()
            held.append(condition())
        }
        lock.lock(); seedIndex = nil; lock.unlock()
        let count = held.filter { $0 }.count
        if count < required {
            let failed = held.indices.filter { !held[$0] }.map { String(seeds[$0]) }.joined(separator: ", ")
            fail("\(claim) (held in \(count) of \(held.count) seeds, needs \(required); failed in seeds \(failed))")
        }
    }

    private func series(named name: String) -> RunSeries {
        if !pending.isEmpty {
            guard let execute else {
                fatalError("results[\"\(name)\"]: no executor; set Notebook.shared.execute before asking for results")
            }
            for compare in pending {
                do {
                    for (run, report) in try execute(compare) { reports[run] = report }
                } catch {
                    fatalError("\(compare.title): \(error)")
                }
            }
            pending = []
        }
        guard let report = reports[name] else {
            fatalError("results has no run named \"\(name)\"; runs: \(reports.keys.sorted())")
        }
        return report
    }

    /// Prints and records a failed claim.
    public func fail(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        failures.append(message)
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Exit status of the program: 0 when every expectation held, 1 otherwise.
    public func finish() -> Int32 {
        lock.lock(); defer { lock.unlock() }
        return failures.isEmpty ? 0 : 1
    }
}

/// `results["run name"]` in `expect` blocks: the finished runs by name.
public struct Results: Sendable {
    public init() {}
    public subscript(_ name: String) -> any RunReport { Notebook.shared.report(named: name) }
}

/// The results of the lesson's runs, by run name.
public let results = Results()

/// Claims a condition about the results, e.g.
/// `expect(results["pos_weight"].recall("ring") > results["plain"].recall("ring"))`.
public func expect(_ condition: Bool, _ claim: String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition { Notebook.shared.fail("\(file):\(line): expectation failed: \(claim)") }
}

/// Claims a condition per seed, paired by seed: it must hold in at least
/// `required` seeds of the runs it reads, e.g.
/// `expect(results["pos_weight"].recall("ring") > results["plain"].recall("ring"), inAtLeast: 4)`.
public func expect(_ condition: @autoclosure () -> Bool, inAtLeast required: Int, _ claim: String = "",
                   file: StaticString = #fileID, line: UInt = #line) {
    Notebook.shared.check(condition, inAtLeast: required, claim: "\(file):\(line): expectation failed" + (claim.isEmpty ? "" : ": " + claim))
}

/// Claims `value` is within `tolerance` of `target` (inclusive).
public func expect(_ value: Double, approximately target: Double, tolerance: Double,
                   file: StaticString = #fileID, line: UInt = #line) {
    if !(abs(value - target) <= tolerance) {
        Notebook.shared.fail("\(file):\(line): expectation failed: (got \(value) vs \(target) ± \(tolerance))")
    }
}
