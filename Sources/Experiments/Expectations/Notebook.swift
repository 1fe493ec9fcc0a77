import Foundation

/// The state of a lesson exported as a Swift program (`lessons export`): the
/// comparisons it declared, their reports once run, and failed expectations.
/// The `lessons` tool never uses it — it evaluates the lesson's syntax tree
/// instead — so this exists only to make exported lesson code honest Swift.
public final class Notebook: @unchecked Sendable {
    public static let shared = Notebook()

    /// Trains one comparison's runs and returns a report per run name; set by
    /// the execution layer. Without it, asking for `results` is a usage error.
    public var execute: (@Sendable (Compare) throws -> [String: any RunReport])?

    private let lock = NSLock()
    private var pending: [Compare] = []
    private var reports: [String: any RunReport] = [:]
    private(set) public var failures: [String] = []

    public init() {}

    /// Records a comparison to run when its results are first asked for.
    public func record(_ compare: Compare) {
        lock.lock(); defer { lock.unlock() }
        pending.append(compare)
    }

    /// The report of the run called `name`, running pending comparisons first.
    public func report(named name: String) -> any RunReport {
        lock.lock(); defer { lock.unlock() }
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

/// Claims `value` is within `tolerance` of `target` (inclusive).
public func expect(_ value: Double, approximately target: Double, tolerance: Double,
                   file: StaticString = #fileID, line: UInt = #line) {
    if !(abs(value - target) <= tolerance) {
        Notebook.shared.fail("\(file):\(line): expectation failed: (got \(value) vs \(target) ± \(tolerance))")
    }
}
