import Foundation
import Experiments
import PortableJSON

/// The (run, seed) pairs of a lesson's plan, each with the result `results.json`
/// published for it: what `lessons verify` retrains and compares. Comparisons and
/// sweeps are matched to the document by position, runs by position and name.
public struct VerifyPair: Sendable {
    /// "comparison title" or "sweep title, parameter = value", for messages.
    public var context: String
    public var run: Run
    public var dataset: DatasetSource
    /// The other test sets the run is measured on (`Compare(alsoTestOn:)`).
    public var alsoTestOn: [(name: String, dataset: DatasetSource)] = []
    public var seed: Int
    /// The published result as JSON.
    public var expected: JSONValue

    /// The pairs of `plan` in training order, limited to `run` and `seed` when given.
    public static func pairs(_ plan: ResolvedLesson, document: JSONValue, path: String,
                             run name: String? = nil, seed: Int? = nil) throws -> [VerifyPair] {
        func fail(_ problem: String) -> LessonsError { LessonsError(message: "\(path): \(problem)") }
        var pairs: [VerifyPair] = []
        func add(_ compare: Compare, entries: [JSONValue], context: String) throws {
            guard entries.count == compare.runs.count else {
                throw fail("'\(context)' has \(entries.count) runs, the lesson \(compare.runs.count): was it run with other --set values?")
            }
            for (r, run) in compare.runs.enumerated() {
                let entry = entries[r]
                guard (try? entry.field("name", "").string("")) == run.name else {
                    throw fail("'\(context)' run \(r + 1) is not '\(run.name)' in the results: was it run with other --set values?")
                }
                let seeds = (try? entry.field("seeds", "").array("")) ?? []
                for (i, replica) in compare.replicas.enumerated() {
                    let result: JSONValue
                    do { result = seeds.isEmpty ? try entry.field("result", "") : try seeds[i].field("result", "") } catch {
                        throw fail("'\(context)' run '\(run.name)' has no result for seed \(replica.seed ?? run.seed)")
                    }
                    pairs.append(VerifyPair(context: context, run: replica.runs[r], dataset: replica.dataset,
                                            alsoTestOn: replica.alsoTestOn, seed: replica.seed ?? run.seed, expected: result))
                }
            }
        }
        do {
            let comparisons = try document.field("comparisons", "results").array("comparisons")
            guard comparisons.count == plan.comparisons.count else {
                throw fail("\(comparisons.count) comparisons, the lesson has \(plan.comparisons.count)")
            }
            for (planned, published) in zip(plan.comparisons, comparisons) {
                try add(planned.compare, entries: try published.field("runs", "").array("runs"), context: planned.title)
            }
            let sweeps = try document.optionalField("sweeps", "results")?.array("sweeps") ?? []
            guard sweeps.count == plan.sweeps.count else { throw fail("\(sweeps.count) sweeps, the lesson has \(plan.sweeps.count)") }
            for (planned, published) in zip(plan.sweeps, sweeps) {
                let points = try published.field("points", "").array("points")
                guard points.count == planned.points.count else { throw fail("sweep '\(planned.title)' has another number of points") }
                for (v, (point, entries)) in zip(planned.points, points).enumerated() {
                    let value = v < planned.valueSources.count ? planned.valueSources[v] : String(v)
                    try add(point, entries: try entries.array("points"), context: "\(planned.title), \(planned.sweep.parameter) = \(value)")
                }
            }
        } catch let error as JSONError {
            throw fail("not a results.json this version writes: \(error.description)")
        }
        let chosen = pairs.filter { (name == nil || $0.run.name == name) && (seed == nil || $0.seed == seed) }
        guard !chosen.isEmpty else {
            let names = Array(Set(pairs.map { $0.run.name })).sorted().joined(separator: ", ")
            let seeds = Array(Set(pairs.map { $0.seed })).sorted().map(String.init).joined(separator: ", ")
            throw LessonsError(message: "no (run, seed) pair matches" + (name.map { " --run \($0)" } ?? "")
                               + (seed.map { " --seed \($0)" } ?? "") + "; runs: \(names); seeds: \(seeds)")
        }
        return chosen
    }
}
