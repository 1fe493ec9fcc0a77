import Experiments

/// The timings of a page's published results, by spec hash: a run that trains again
/// (a clean clone's `make run`, `--no-cache`) and gives the published result but for its
/// wall clock keeps the published timings, so re-running an unchanged course writes the
/// same bytes (`results.json`, `rerun-data.js`, and any page that shows `trainSeconds`).
/// A result that differs in anything else keeps its own timings.
public struct PublishedTimings: Sendable {
    private var byKey: [String: RunResult] = [:]
    /// Sweep points' results, which results.json writes without a spec hash: matched by content.
    private var unkeyed: [RunResult] = []

    public init() {}

    /// Every (run, seed) result of `document`: comparisons' and sweeps', by spec hash.
    public init(_ document: ResultsDocument) {
        func add(_ entry: ResultsDocument.RunEntry) {
            for (hash, result) in [(entry.specHash, entry.result)] + (entry.seeds ?? []).map({ ($0.specHash, $0.result) }) {
                if hash.isEmpty { unkeyed.append(result) } else { byKey[hash] = result }
            }
        }
        document.comparisons.forEach { $0.runs.forEach(add) }
        document.sweeps?.forEach { $0.points.forEach { $0.forEach(add) } }
    }

    /// `result` of the run with spec hash `key`, with the published timings when the
    /// published result is the same apart from them (and its name).
    public func apply(to result: RunResult, key: String) -> RunResult {
        var published: RunResult
        if let keyed = byKey[key] {
            published = keyed
        } else {
            // A sweep point's: the published result equal to this one but for timings and name.
            let bare = result.withoutTimings
            guard let match = unkeyed.first(where: { var p = $0.withoutTimings; p.name = bare.name; return p == bare }) else { return result }
            published = match
        }
        published.name = result.name
        guard published.withoutTimings == result.withoutTimings else { return result }
        var kept = result
        kept.timings = published.timings
        return kept
    }
}
