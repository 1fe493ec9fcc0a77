import Experiments

/// What running a lesson produced: per comparison its dataset card and run
/// results (in the lesson's order), plus what the runner had to say.
public struct LessonRunOutcome: Sendable {
    public var comparisons: [ComparisonOutcome]
    /// Cache problems that were worked around (each also printed).
    public var warnings: [String]
    /// Runs trained in this invocation (0 on an unchanged rerun).
    public var trainedCount: Int
    /// Runs taken from the cache.
    public var cachedCount: Int

    /// Every run by name, for `expect` blocks.
    public var reports: [String: any RunReport] {
        var out: [String: any RunReport] = [:]
        for comparison in comparisons { for run in comparison.runs { out[run.name] = run } }
        return out
    }

    /// Runs that diverged or could not train.
    public var failedRuns: [RunResult] {
        comparisons.flatMap(\.runs).filter { $0.outcome != .completed }
    }
}

public struct ComparisonOutcome: Sendable {
    public var title: String
    public var blockIndex: Int
    public var dataset: DatasetSummary?
    /// Hash of the dataset description (`results.json`).
    public var datasetHash: String
    public var runs: [RunResult]
    /// Cache key (spec hash) of each run, in `runs` order.
    public var specHashes: [String]
}
