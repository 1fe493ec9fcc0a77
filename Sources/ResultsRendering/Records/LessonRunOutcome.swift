import Experiments

/// What running a lesson produced: per comparison its dataset card and runs
/// (each once per seed, in the lesson's order), per sweep its points, plus what
/// the runner had to say.
public struct LessonRunOutcome: Sendable {
    public var comparisons: [ComparisonOutcome]
    public var sweeps: [SweepOutcome] = []
    /// Cache problems that were worked around (each also printed).
    public var warnings: [String]
    /// (run, seed) pairs trained in this invocation (0 on an unchanged rerun).
    public var trainedCount: Int
    /// (run, seed) pairs taken from the cache.
    public var cachedCount: Int
    /// Runs whose divergence a claim that held expects (`expect(results["x"].diverged)`):
    /// their diverged seeds are the lesson's point, not its failure.
    public var expectedToDiverge: Set<String> = []
    /// The fingerprints of the files mosaics were drawn from (`results.json`'s `dataFiles`).
    public var dataFiles: [ResultsDocument.DataFileSet] = []

    public init(comparisons: [ComparisonOutcome], sweeps: [SweepOutcome] = [], warnings: [String], trainedCount: Int,
                cachedCount: Int) {
        self.comparisons = comparisons
        self.sweeps = sweeps
        self.warnings = warnings
        self.trainedCount = trainedCount
        self.cachedCount = cachedCount
    }

    /// Every run by name, for `expect` blocks.
    public var reports: [String: RunSeries] {
        var out: [String: RunSeries] = [:]
        for comparison in comparisons {
            for run in comparison.series {
                out[run.name] = run
                // `results["a", on: "noisy"]`: the run on each other test set it was measured on.
                for name in Set(run.results.flatMap { ($0.alsoTested ?? []).map { $0.name } }) {
                    out[RunSeries.key(run.name, on: name)] = run.on(name)
                }
            }
        }
        return out
    }

    /// Runs (one per seed) that diverged or could not train, sweeps included,
    /// less the divergences a held claim expects.
    public var failedRuns: [RunResult] {
        (comparisons.flatMap { $0.series } + sweeps.flatMap { $0.points.flatMap { $0 } })
            .flatMap { $0.results }.filter(isFailure)
    }

    /// Whether this (run, seed) result fails the lesson.
    public func isFailure(_ run: RunResult) -> Bool {
        switch run.outcome {
        case .completed: return false
        case .diverged: return !expectedToDiverge.contains(run.name)
        case .failed: return true
        }
    }
}

public struct ComparisonOutcome: Sendable {
    public var title: String
    public var blockIndex: Int
    public var dataset: DatasetSummary?
    /// Hash of the dataset description (`results.json`; of the first seed's draw).
    public var datasetHash: String
    /// Each run over its seeds, in the lesson's order.
    public var series: [RunSeries]
    /// Cache key (spec hash) of each run and seed: `[run][seed]`.
    public var specHashes: [[String]]

    public init(title: String, blockIndex: Int, dataset: DatasetSummary?, datasetHash: String, series: [RunSeries],
                specHashes: [[String]]) {
        self.title = title
        self.blockIndex = blockIndex
        self.dataset = dataset
        self.datasetHash = datasetHash
        self.series = series
        self.specHashes = specHashes
    }

    /// The first seed's result of each run (a single-seed comparison's results).
    public var runs: [RunResult] { series.map { $0.results[0] } }

    /// True when the runs were trained with more than one seed.
    public var isMultiSeed: Bool { series.contains { $0.results.count > 1 } }
}

/// A sweep's results: per value, the swept runs over their seeds.
public struct SweepOutcome: Sendable {
    public var title: String
    public var blockIndex: Int
    public var parameter: String
    /// Swift source of each value, in chart order.
    public var values: [String]
    public var runNames: [String]
    /// `points[value][run]`.
    public var points: [[RunSeries]]
    /// What the chart plots (defaults resolved).
    public var metrics: [SweepMetric]
    /// The x axis's label (the parameter's name unless the lesson gave one).
    public var axisLabel: String = ""

    public init(title: String, blockIndex: Int, parameter: String, values: [String], runNames: [String],
                points: [[RunSeries]], metrics: [SweepMetric], axisLabel: String = "") {
        self.title = title
        self.blockIndex = blockIndex
        self.parameter = parameter
        self.values = values
        self.runNames = runNames
        self.points = points
        self.metrics = metrics
        self.axisLabel = axisLabel
    }

    /// The values as numbers, for the chart's x axis.
    public var numericValues: [Double] { values.map { Double($0) ?? .nan } }
}
