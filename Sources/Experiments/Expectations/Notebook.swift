import Foundation
import Synchronization

/// The state of a lesson exported as a Swift program (`lessons export`): the
/// comparisons it declared, their reports once run, and failed expectations.
/// The `lessons` tool never uses it — it evaluates the lesson's syntax tree
/// instead — so this exists only to make exported lesson code honest Swift.
public final class Notebook: Sendable {
    public static let shared = Notebook()

    /// Trains one comparison's runs and returns a report per run name; set by
    /// the execution layer. Without it, asking for `results` is a usage error.
    public var execute: (@Sendable (Compare) throws -> [String: RunSeries])? {
        get { state.withLock { $0.execute } }
        set { state.withLock { $0.execute = newValue } }
    }

    private struct State {
        var execute: (@Sendable (Compare) throws -> [String: RunSeries])?
        var pending: [Compare] = []
        var reports: [String: RunSeries] = [:]
        /// While a claim is checked seed by seed: which seed `results` reads.
        var seedIndex: Int?
        /// Seed lists of the runs read while checking the first seed.
        var seedListsRead: Set<[Int]> = []
        var failures: [String] = []
    }
    private let state = Mutex(State())
    public var failures: [String] { state.withLock { $0.failures } }

    public init() {}

    /// Records a comparison to run when its results are first asked for.
    public func record(_ compare: Compare) {
        state.withLock { $0.pending.append(compare) }
    }

    /// The report of the run called `name`, running pending comparisons first:
    /// the mean over its seeds, or one seed's run while a claim is checked per seed.
    public func report(named name: String) -> any RunReport {
        state.withLock { s in
            let series = series(named: name, &s)
            guard let i = s.seedIndex else { return series }
            s.seedListsRead.insert(series.seeds)
            return series.report(seedIndex: min(i, series.results.count - 1))
        }
    }

    /// Checks `condition` once per seed of the runs it reads (paired by seed)
    /// and records a failure unless it held in at least `required` of them.
    public func check(_ condition: () -> Bool, inAtLeast required: Int, claim: String) {
        state.withLock { $0.seedIndex = 0; $0.seedListsRead = [] }
        var held = [condition()]
        let lists = state.withLock { $0.seedListsRead }
        let seeds = lists.first ?? [0]
        if lists.count > 1 {
            state.withLock { $0.seedIndex = nil }
            fail("\(claim): the runs it reads were trained with different seeds")
            return
        }
        let n = seeds.count
        for i in 1..<max(1, n) {
            state.withLock { $0.seedIndex = i }
            held.append(condition())
        }
        state.withLock { $0.seedIndex = nil }
        let count = held.filter { $0 }.count
        if count < required {
            let failed = held.indices.filter { !held[$0] }.map { String(seeds[$0]) }.joined(separator: ", ")
            fail("\(claim) (held in \(count) of \(held.count) seeds, needs \(required); failed in seeds \(failed))")
        }
    }

    private func series(named name: String, _ s: inout State) -> RunSeries {
        if !s.pending.isEmpty {
            guard let execute = s.execute else {
                fatalError("results[\"\(name)\"]: no executor; set Notebook.shared.execute before asking for results")
            }
            for compare in s.pending {
                do {
                    for (run, report) in try execute(compare) { s.reports[run] = report }
                } catch {
                    fatalError("\(compare.title): \(error)")
                }
            }
            s.pending = []
        }
        guard let report = s.reports[name] else {
            fatalError("results has no run named \"\(name)\"; runs: \(s.reports.keys.sorted())")
        }
        return report
    }

    /// Prints and records a failed claim.
    public func fail(_ message: String) {
        state.withLock { s in
            s.failures.append(message)
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }

    /// Exit status of the program: 0 when every expectation held, 1 otherwise.
    public func finish() -> Int32 {
        state.withLock { $0.failures.isEmpty ? 0 : 1 }
    }
}

/// `results["run name"]` in `expect` blocks: the finished runs by name.
public struct Results: Sendable {
    public init() {}
    public subscript(_ name: String) -> any RunReport { Notebook.shared.report(named: name) }
    /// The run measured on another test set of its comparison (`Compare(alsoTestOn:)`).
    public subscript(_ name: String, on testSet: String) -> any RunReport {
        Notebook.shared.report(named: RunSeries.key(name, on: testSet))
    }
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

/// Claims `value` is within `tolerance` of `target` in at least `required` seeds,
/// paired by seed as `expect(_:inAtLeast:)` is, so an exported lesson keeps the claim.
public func expect(_ value: @autoclosure () -> Double, approximately target: @autoclosure () -> Double,
                   tolerance: @autoclosure () -> Double, inAtLeast required: Int,
                   file: StaticString = #fileID, line: UInt = #line) {
    Notebook.shared.check({ abs(value() - target()) <= tolerance() }, inAtLeast: required,
                          claim: "\(file):\(line): expectation failed: approximately")
}
