import Foundation
import Experiments

/// Runs a lesson's comparisons: each run comes from the cache when an entry for
/// its exact spec exists, otherwise it is trained (in parallel, `jobs` at a time)
/// and stored as soon as it finishes — so an interrupted lesson keeps the runs it
/// completed and the cache never holds a partial entry.
public final class LessonRunner {
    /// One `Compare` of the lesson, in page order.
    public struct Comparison: Sendable {
        public var title: String
        public var dataset: DatasetSource
        public var runs: [Run]
        /// Index of the lesson block that produced it (where its results go).
        public var blockIndex: Int
        /// What the page shows after the block (`Compare(..., show:)`); nil: the defaults.
        public var show: [ResultView]?

        public init(title: String, dataset: DatasetSource, runs: [Run], blockIndex: Int, show: [ResultView]? = nil) {
            self.title = title
            self.dataset = dataset
            self.runs = runs
            self.blockIndex = blockIndex
            self.show = show
        }
    }

    public struct Options: Sendable {
        public var jobs: Int
        /// Off: every run trains and nothing is read from or written to the cache.
        public var useCache: Bool
        public var cache: ResultCache
        /// Where the lesson lives: relative dataset paths resolve against it.
        public var lessonFolder: String?

        public init(jobs: Int = RunScheduler.defaultJobs, useCache: Bool = true, cache: ResultCache, lessonFolder: String? = nil) {
            self.jobs = max(1, jobs)
            self.useCache = useCache
            self.cache = cache
            self.lessonFolder = lessonFolder
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

    public func run(_ comparisons: [Comparison]) throws -> LessonRunOutcome {
        var warnings: [String] = []
        let warn: (String) -> Void = { [progress] in warnings.append($0); progress.message("warning: " + $0) }

        // Keys first: a spec that cannot be encoded is a bug, reported before any work.
        let datasetKeys = try comparisons.map { try DatasetKey($0.dataset, lessonFolder: self.options.lessonFolder) }
        let specs = zip(comparisons, datasetKeys).map { comparison, key in
            comparison.runs.map { RunSpec(run: $0, dataset: key) }
        }
        let keys = try specs.map { try $0.map { try $0.hash() } }
        let canonical = try specs.map { try $0.map { try $0.canonical() } }

        // Flatten runs in page order; look each up in the cache.
        struct Slot { var comparison: Int; var run: Int }
        let slots = comparisons.indices.flatMap { c in comparisons[c].runs.indices.map { Slot(comparison: c, run: $0) } }
        progress.begin(runs: slots.map { comparisons[$0.comparison].runs[$0.run].name })
        var results = [RunResult?](repeating: nil, count: slots.count)
        var cachedCount = 0
        for (index, slot) in slots.enumerated() where options.useCache {
            let run = comparisons[slot.comparison].runs[slot.run]
            switch options.cache.load(RunResult.self, key: keys[slot.comparison][slot.run], spec: canonical[slot.comparison][slot.run]) {
            case .hit(var result):
                result.name = run.name
                results[index] = result
                cachedCount += 1
                progress.cached(index)
            case .miss: break
            case .unusable(let reason): warn(reason + "; recomputing")
            }
        }

        // Data and dataset cards: loaded only when a run must train or a card is missing.
        var summaries = [DatasetSummary?](repeating: nil, count: comparisons.count)
        var datasets: [String: Result<Dataset, Error>] = [:]
        func data(_ c: Int) -> Result<Dataset, Error> {
            let id = datasetKeys[c].hash
            if let loaded = datasets[id] { return loaded }
            let loaded = Result { try dataSource(comparisons[c].dataset) }
            datasets[id] = loaded
            return loaded
        }
        for c in comparisons.indices {
            // The card depends on the data (files included) and on how this version draws it.
            let cardSpec = try CanonicalJSON.string(["dataset": datasetKeys[c].hash, "card": RunSpec.projectVersion])
            let key = SHA256.hex("dataset-summary\n" + cardSpec)
            if options.useCache {
                switch options.cache.load(DatasetSummary.self, key: key, spec: cardSpec) {
                case .hit(let summary): summaries[c] = summary; continue
                case .miss: break
                case .unusable(let reason): warn(reason + "; recomputing")
                }
            }
            guard case .success(let dataset) = data(c) else { continue }
            let summary = summarize(dataset, datasetKeys[c].kind)
            summaries[c] = summary
            if options.useCache {
                do { try options.cache.store(summary, key: key, spec: cardSpec) } catch { warn("cannot write the cache: \(error)") }
            }
        }

        // Train what is missing, in parallel; each result is stored as soon as it exists.
        var pending: [(index: Int, run: Run, dataset: Dataset)] = []
        for (index, slot) in slots.enumerated() where results[index] == nil {
            let run = comparisons[slot.comparison].runs[slot.run]
            switch data(slot.comparison) {
            case .success(let dataset): pending.append((index, run, dataset))
            case .failure(let error):
                results[index] = RunResult(name: run.name, labels: [], history: [],
                                           outcome: .failed(message: "\(error)"), thresholds: nil, metrics: nil,
                                           timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
                progress.finished(index, summary: "failed: \(error)")
            }
        }
        let work = pending
        let options = self.options, progress = self.progress
        let storeFailures = WarningBox()
        let trained = RunScheduler.map(work.count, jobs: options.jobs) { (i: Int) -> RunResult in
            let job = work[i]
            let observer = Self.observer(progress, index: job.index, epochs: job.run.epochs)
            let result = RunExecutor.execute(job.run, on: job.dataset, observer: observer)
            let slot = slots[job.index]
            // Failed runs (bad settings) are not cached: fixing the data must not need a `clean`.
            if options.useCache, !Self.isFailed(result) {
                do {
                    try options.cache.store(result, key: keys[slot.comparison][slot.run], spec: canonical[slot.comparison][slot.run])
                } catch {
                    storeFailures.append("cannot write the cache entry of \(job.run.name): \(error)")
                }
            }
            progress.finished(job.index, summary: Self.headline(result))
            return result
        }
        for warning in storeFailures.all { warn(warning) }
        for (job, result) in zip(work, trained) { results[job.index] = result }
        progress.end()

        var outcome = LessonRunOutcome(comparisons: [], warnings: warnings, trainedCount: work.count, cachedCount: cachedCount)
        var flat = 0
        for (c, comparison) in comparisons.enumerated() {
            let runs = comparison.runs.indices.map { _ -> RunResult in defer { flat += 1 }; return results[flat]! }
            outcome.comparisons.append(ComparisonOutcome(
                title: comparison.title, blockIndex: comparison.blockIndex, dataset: summaries[c],
                datasetHash: datasetKeys[c].hash, runs: runs, specHashes: keys[c]))
        }
        return outcome
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
            return "done  macro-F1 \(Markup.number(m?.macroF1 ?? .nan))  mAP \(Markup.number(m?.meanAveragePrecision ?? .nan))"
                + "  (\(Markup.number(result.timings.trainSeconds, digits: 1))s)"
        case let .diverged(epoch, step, _): return "DIVERGED at epoch \(epoch), step \(step)"
        case .failed(let message): return "FAILED: \(message)"
        }
    }

    private final class WarningBox: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
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
        let preview = try? dataset.preview(split: .train, count: 16, columns: 8, scale: 2, padding: 2)
        return DatasetSummarizer.summary(
            of: dataset, kind: kind,
            preview: preview.map { p in (p.png, p.columns, p.cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }.map(\.labels)) })
    }
}
