import Foundation
import Synchronization
import Experiments

/// Runs a lesson's comparisons and sweeps: every (run, seed) pair comes from
/// the cache when an entry for its exact spec exists, otherwise it is trained
/// (in parallel, `jobs` at a time) and stored as soon as it finishes — so an
/// interrupted lesson keeps the pairs it completed, adding a seed trains only
/// that seed, and the cache never holds a partial entry.
public final class LessonRunner {
    /// One `Compare` of the lesson, in page order.
    public struct Comparison: Sendable {
        public var title: String
        public var dataset: DatasetSource
        public var seeds: Seeds?
        public var runs: [Run]
        /// Index of the lesson block that produced it (where its results go).
        public var blockIndex: Int
        /// What the page shows after the block (`Compare(..., show:)`); nil: the defaults.
        public var show: [ResultView]?
        /// More test sets each model is measured on (`Compare(alsoTestOn:)`).
        public var alsoTestOn: [String: DatasetSource]?

        public init(title: String, dataset: DatasetSource, seeds: Seeds? = nil, runs: [Run], blockIndex: Int,
                    show: [ResultView]? = nil, alsoTestOn: [String: DatasetSource]? = nil) {
            self.title = title
            self.dataset = dataset
            self.seeds = seeds
            self.runs = runs
            self.blockIndex = blockIndex
            self.show = show
            self.alsoTestOn = alsoTestOn
        }

        var compare: Compare { Compare(title: title, dataset: dataset, seeds: seeds, runs: runs, alsoTestOn: alsoTestOn) }
    }

    /// One `Sweep` of the lesson: per value, the swept runs as that value declares them.
    public struct SweepJob: Sendable {
        public var title: String
        public var parameter: String
        /// Swift source of each value.
        public var values: [String]
        public var points: [Compare]
        public var metrics: [SweepMetric]?
        public var blockIndex: Int
        /// The x axis's label; nil: the parameter's name.
        public var axisLabel: String?

        public init(title: String, parameter: String, values: [String], points: [Compare], metrics: [SweepMetric]?,
                    blockIndex: Int, axisLabel: String? = nil) {
            self.title = title
            self.parameter = parameter
            self.values = values
            self.points = points
            self.metrics = metrics
            self.blockIndex = blockIndex
            self.axisLabel = axisLabel
        }
    }

    public struct Options: Sendable {
        public var jobs: Int
        /// Off: every run trains and nothing is read from or written to the cache.
        public var useCache: Bool
        public var cache: ResultCache
        /// Where the lesson lives: relative dataset paths resolve against it.
        public var lessonFolder: String?
        /// The page's published results: a result equal to one of them but for its wall clock keeps its timings.
        public var published: PublishedTimings

        public init(jobs: Int = RunScheduler.defaultJobs, useCache: Bool = true, cache: ResultCache, lessonFolder: String? = nil,
                    published: PublishedTimings = PublishedTimings()) {
            self.jobs = max(1, jobs)
            self.useCache = useCache
            self.cache = cache
            self.lessonFolder = lessonFolder
            self.published = published
        }
    }

    /// Produces a comparison's data from its description (real loaders in the
    /// command, tiny in-memory data in tests).
    public typealias DataSource = @Sendable (DatasetSource) throws -> Dataset

    public let options: Options
    public let progress: ProgressReporter
    private let dataSource: DataSource
    private let summarize: @Sendable (Dataset, String) -> DatasetSummary

    public init(options: Options, progress: ProgressReporter, dataSource: @escaping DataSource,
                summarize: @escaping @Sendable (Dataset, String) -> DatasetSummary = { DatasetSummarizer.summary(of: $0, kind: $1) }) {
        self.options = options
        self.progress = progress
        self.dataSource = dataSource
        self.summarize = summarize
    }

    public func run(_ comparisons: [Comparison], sweeps: [SweepJob] = []) throws -> LessonRunOutcome {
        var warnings: [String] = []
        let warn: (String) -> Void = { [progress] in warnings.append($0); progress.message("warning: " + $0) }

        // Units first: a spec that cannot be encoded is a bug, reported before any work.
        var plan = RunUnits(lessonFolder: options.lessonFolder)
        let comparisonGrids = try comparisons.map { try plan.add($0.compare) }
        let sweepGrids = try sweeps.map { sweep in
            try zip(sweep.values, sweep.points).map { value, point in try plan.add(point, context: "\(sweep.parameter) = \(value)") }
        }
        let units = plan.units
        let cardKeys = try comparisons.map { try plan.datasetKey($0.compare.replicas[0].dataset) }

        progress.begin(runs: units.map(\.display))
        var results = [RunResult?](repeating: nil, count: units.count)
        var cachedCount = 0
        for (i, unit) in units.enumerated() where options.useCache {
            switch options.cache.load(CachedRun.self, key: unit.key, spec: unit.canonical) {
            case .hit(let entry) where !entry.isCurrent: break
            case .hit(let entry):
                var result = entry.result
                result.name = unit.run.name
                results[i] = result
                cachedCount += 1
                progress.cached(i)
            case .miss: break
            case .unusable(let reason): warn(reason + "; recomputing")
            }
        }

        // Data: loaded only when a unit must train or a card is missing.
        var datasets: [String: Result<Dataset, Error>] = [:]
        func data(_ source: DatasetSource, key: DatasetKey) -> Result<Dataset, Error> {
            if let loaded = datasets[key.hash] { return loaded }
            let loaded = Result { try dataSource(source) }
            datasets[key.hash] = loaded
            return loaded
        }
        var summaries = [DatasetSummary?](repeating: nil, count: comparisons.count)
        for c in comparisons.indices {
            summaries[c] = card(comparisons[c].compare.replicas[0].dataset, key: cardKeys[c], data: data, warn: warn)
        }

        // Train what is missing, in parallel; each result is stored as soon as it exists.
        var pending: [(index: Int, dataset: Dataset, others: [(name: String, dataset: Dataset)])] = []
        for (i, unit) in units.enumerated() where results[i] == nil {
            var loaded: [Dataset] = []
            for (source, key) in [(unit.dataset, unit.datasetKey)] + unit.alsoTestOn.map({ ($0.dataset, $0.key) }) {
                switch data(source, key: key) {
                case .success(let dataset): loaded.append(dataset)
                case .failure(let error):
                    // Bad data is bad input: nothing trains, and the lesson says where the data is declared.
                    progress.end()
                    throw DatasetFailure(dataset: source, error: error)
                }
            }
            pending.append((i, loaded[0], zip(unit.alsoTestOn, loaded.dropFirst()).map { ($0.name, $1) }))
        }
        datasets = [:]
        let work = pending
        let options = self.options, progress = self.progress
        let storeFailures = Mutex<[String]>([])
        let trained = RunScheduler.map(work.count, jobs: options.jobs) { (w: Int) -> RunResult in
            let job = work[w], unit = units[job.index]
            let observer = Self.observer(progress, index: job.index, epochs: unit.run.epochs)
            let result = RunExecutor.execute(unit.run, on: job.dataset, alsoTestOn: job.others, observer: observer)
            // Failed runs (bad settings) are not cached: fixing the data must not need a `clean`.
            if options.useCache, !Self.isFailed(result) {
                do { try options.cache.store(CachedRun(result), key: unit.key, spec: unit.canonical) } catch {
                    storeFailures.withLock { $0.append("cannot write the cache entry of \(unit.display): \(FileSystemFailure.describe(error))") }
                }
            }
            progress.finished(job.index, summary: Self.headline(result))
            return result
        }
        for warning in storeFailures.withLock({ $0 }) { warn(warning) }
        for (job, result) in zip(work, trained) { results[job.index] = result }
        progress.end()

        let finished = zip(results, units).map { options.published.apply(to: $0!, key: $1.key) }
        func series(_ compare: Compare, _ grid: [[Int]]) -> [RunSeries] {
            zip(compare.replicas[0].runs, grid).map { run, cells in
                RunSeries(name: run.name, run: run, seeds: compare.seedList(for: run),
                          results: cells.map { var r = finished[$0]; r.name = run.name; return r })
            }
        }
        var outcome = LessonRunOutcome(comparisons: [], warnings: warnings, trainedCount: work.count, cachedCount: cachedCount)
        outcome.dataFiles = plan.dataFiles
        for (c, comparison) in comparisons.enumerated() {
            let grid = comparisonGrids[c]
            outcome.comparisons.append(ComparisonOutcome(
                title: comparison.title, blockIndex: comparison.blockIndex, dataset: summaries[c],
                datasetHash: cardKeys[c].hash, series: series(comparison.compare, grid),
                specHashes: grid.map { $0.map { units[$0].key } }))
        }
        for (s, sweep) in sweeps.enumerated() {
            let points = zip(sweep.points, sweepGrids[s]).map { series($0, $1) }
            let labels = points.first?.first?.results.first?.labels ?? []
            let rarest = Self.rarestLabel(sweep.points.first?.dataset, labels: labels)
            outcome.sweeps.append(SweepOutcome(
                title: sweep.title, blockIndex: sweep.blockIndex, parameter: sweep.parameter, values: sweep.values,
                runNames: sweep.points.first?.runs.map(\.name) ?? [], points: points,
                metrics: sweep.metrics ?? SweepMetric.defaults(rarest: rarest), axisLabel: sweep.axisLabel ?? sweep.parameter))
        }
        return outcome
    }

    /// A comparison's dataset card (of its first seed's data), from the cache or computed.
    private func card(_ source: DatasetSource, key: DatasetKey, data: (DatasetSource, DatasetKey) -> Result<Dataset, Error>,
                      warn: (String) -> Void) -> DatasetSummary? {
        // The card depends on the data (files included) and on how this version draws it.
        guard let cardSpec = try? CanonicalJSON.string(["dataset": key.hash, "card": RunSpec.projectVersion]) else { return nil }
        let cacheKey = SHA256.hex("dataset-summary\n" + cardSpec)
        if options.useCache {
            switch options.cache.load(DatasetSummary.self, key: cacheKey, spec: cardSpec) {
            case .hit(let summary): return summary
            case .miss: break
            case .unusable(let reason): warn(reason + "; recomputing")
            }
        }
        guard case .success(let dataset) = data(source, key) else { return nil }
        let summary = summarize(dataset, key.kind)
        if options.useCache {
            do { try options.cache.store(summary, key: cacheKey, spec: cardSpec) } catch { warn("cannot write the cache: \(FileSystemFailure.describe(error))") }
        }
        return summary
    }

    /// The label with the lowest prevalence in the description (the last label when unknown).
    static func rarestLabel(_ source: DatasetSource?, labels: [String]) -> String? {
        SweepMetric.rarestLabel(prevalence: source?.pairData?.prevalence, labels: labels)
    }

    /// Progress callbacks of one run; per-step updates only for the live display.
    static func observer(_ progress: ProgressReporter, index: Int, epochs: Int) -> RunExecutor.Observer {
        var observer = RunExecutor.Observer(
            started: { progress.started(index, epochs: $0) },
            epochEnded: { progress.epoch(index, epoch: $0, of: $1, loss: $2) })
        if progress.style == .live {
            observer.stepEnded = { epoch, done, loss in progress.step(index, epoch: epoch, of: epochs, done: done, loss: loss) }
        }
        return observer
    }

    static func isFailed(_ result: RunResult) -> Bool {
        if case .failed = result.outcome { return true }
        return false
    }

    /// One line for the progress display when a run finishes.
    static func headline(_ result: RunResult) -> String {
        switch result.outcome {
        case .completed:
            let m = result.metrics
            return "done  macro-F1 \(NumberText.fixed(m?.macroF1 ?? .nan))  mAP \(NumberText.fixed(m?.meanAveragePrecision ?? .nan))"
                + "  (\(NumberText.fixed(result.timings.trainSeconds, digits: 1))s)"
        case let .diverged(epoch, step, _): return "DIVERGED at epoch \(epoch), step \(step)"
        case .failed(let message): return "FAILED: \(message)"
        }
    }
}

extension LessonRunner {
    /// The real data, loaded relative to the lesson's folder (the loaders refuse
    /// paths that leave it).
    public static func datasetLoader(lessonFolder: String?) -> DataSource {
        { source in try source.load(relativeTo: lessonFolder) }
    }

    /// Dataset cards with the datasets' own preview grid (16 training images, 8 a row).
    public static func summaryWithPreview(_ dataset: Dataset, kind: String) -> DatasetSummary {
        let grid = try? DatasetSummarizer.previewGrid(of: dataset)
        return DatasetSummarizer.summary(of: dataset, kind: kind, preview: grid.flatMap { grid in
            (try? Preview(grid)).map { (png: $0.png, grid: grid) }
        })
    }
}

/// A dataset that could not be made or read when a run needed it (a file changed
/// since it was checked, or its values are out of range): bad input, so the lesson
/// stops before anything trains.
public struct DatasetFailure: Error, CustomStringConvertible {
    public var dataset: DatasetSource
    public var error: Error
    public var description: String { "\(error)" }
}
