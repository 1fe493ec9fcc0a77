import Experiments
import ResultsRendering

/// How a run of a lesson becomes its `results.json`: the document from the runner's
/// outcome and the checked claims (natively after training, in WebAssembly after a rerun).
extension ResultsDocument {
    public init(lessonFile: String, title: String, versions: Versions, parameters: [Parameter], outcome: LessonRunOutcome,
                expectations: [ExpectationRecord]) {
        let comparisons = outcome.comparisons.map { comparison in
            Comparison(title: comparison.title, block: comparison.blockIndex,
                       dataset: Self.card(comparison.dataset, hash: comparison.datasetHash),
                       runs: zip(comparison.series, comparison.specHashes).map { Self.entry($0, specs: $1) })
        }
        let sweeps: [SweepRecord]? = outcome.sweeps.isEmpty ? nil : outcome.sweeps.map { sweep in
            SweepRecord(title: sweep.title, block: sweep.blockIndex, parameter: sweep.parameter, values: sweep.values,
                        metrics: sweep.metrics.map { $0.title },
                        points: sweep.points.map { $0.map { Self.entry($0, specs: []) } })
        }
        let ok = outcome.failedRuns.isEmpty && expectations.allSatisfy { $0.passed }
        self.init(lesson: LessonInfo(file: lessonFile, title: title), versions: versions,
                  parameters: parameters, comparisons: comparisons, sweeps: sweeps, expectations: expectations,
                  status: ok ? "passed" : "failed", dataFiles: outcome.dataFiles.isEmpty ? nil : outcome.dataFiles)
    }

    /// A card of `results.json` from a dataset's summary and its key's hash.
    static func card(_ d: DatasetSummary?, hash: String) -> Dataset {
        Dataset(kind: d?.kind ?? "", hash: hash, labels: d?.labels ?? [], train: d?.trainCount ?? 0,
                validation: d?.validationCount ?? 0, test: d?.testCount ?? 0, trainPrevalence: d?.trainPrevalence ?? [],
                testPrevalence: d?.testPrevalence ?? [], labelCountShares: d?.labelCountShares ?? [])
    }

    /// A run's entry: the first seed's spec and result, and every seed's when there are several.
    static func entry(_ series: RunSeries, specs: [String]) -> RunEntry {
        let first = series.results[0]
        var spec = series.run ?? Run(series.name)
        spec.name = series.name
        let many = series.results.count > 1
        return RunEntry(name: series.name, specHash: specs.first ?? "", spec: spec, result: first,
                        seeds: many ? zip(series.seeds, series.results).enumerated().map { i, pair in
                            SeedEntry(seed: pair.0, specHash: i < specs.count ? specs[i] : "", result: pair.1)
                        } : nil,
                        aggregate: series.aggregate)
    }
}
