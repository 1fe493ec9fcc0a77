import Foundation
import Experiments

/// evaluate → run → check: one lesson from its parsed text to the results its
/// page shows. Bad input stops before anything runs (exit 2, site untouched);
/// failed runs and claims are results, reported as located diagnostics (exit 1)
/// and shown on the page.
public struct LessonPipeline {
    public struct Options: Sendable {
        public var jobs: Int
        public var useCache: Bool
        public var quiet: Bool
        /// nil: `.lessons-cache` next to the course folder (or `LESSONS_CACHE_DIR`).
        public var cacheDirectory: URL?
        /// The site the page is written to: a run whose result matches its published
        /// `results.json` but for the wall clock keeps the published timings (`PublishedTimings`).
        public var site: String?

        public init(jobs: Int = RunScheduler.defaultJobs, useCache: Bool = true, quiet: Bool = false, cacheDirectory: URL? = nil,
                    site: String? = nil) {
            self.jobs = jobs
            self.useCache = useCache
            self.quiet = quiet
            self.cacheDirectory = cacheDirectory
            self.site = site
        }
    }

    /// A lesson's results and what went wrong in them.
    public struct Report {
        public var results: LessonResults
        /// One error per diverged/failed run and failed claim, located in the .md file.
        public var failures: [Diagnostic]
        public var outcome: LessonRunOutcome { results.outcome }
    }

    public var options: Options
    public var progress: ProgressReporter

    public init(options: Options, progress: ProgressReporter) {
        self.options = options
        self.progress = progress
    }

    public func cache(forLessonAt path: String) -> ResultCache {
        if let dir = options.cacheDirectory { return ResultCache(directory: dir) }
        return Self.defaultCache(forLessonAt: path)
    }

    /// `LESSONS_CACHE_DIR` when set, else `.lessons-cache` next to the course folder.
    public static func defaultCache(forLessonAt path: String) -> ResultCache {
        if let env = ProcessInfo.processInfo.environment["LESSONS_CACHE_DIR"], !env.isEmpty {
            return ResultCache(directory: URL(fileURLWithPath: env))
        }
        return ResultCache(directory: ResultCache.defaultDirectory(forLessonAt: path))
    }

    /// Evaluates the lesson's blocks (throwing its diagnostics, exit status 2), then runs and checks it.
    public func run(_ lesson: Lesson, id: String, fileName: String, overrides: [String: String]) throws -> Report {
        let plan = try Self.plan(lesson, overrides: overrides)
        let folder = URL(fileURLWithPath: lesson.path).deletingLastPathComponent().path
        let comparisons = plan.comparisons.map {
            LessonRunner.Comparison(title: $0.title, dataset: $0.dataset, seeds: $0.compare.seeds, runs: $0.runs,
                                    blockIndex: $0.blockIndex, show: $0.compare.show, alsoTestOn: $0.compare.alsoTestOn)
        }
        let sweeps = plan.sweeps.map {
            LessonRunner.SweepJob(title: $0.title, parameter: $0.sweep.parameter, values: $0.valueSources, points: $0.points,
                                  metrics: $0.sweep.metrics, blockIndex: $0.blockIndex, axisLabel: $0.sweep.label)
        }
        let published = options.site.flatMap { ResultsDiff.previousResults(site: $0, lessonID: id) }
        let runner = LessonRunner(options: .init(jobs: options.jobs, useCache: options.useCache,
                                                 cache: cache(forLessonAt: lesson.path), lessonFolder: folder,
                                                 published: published.map { PublishedTimings($0) } ?? PublishedTimings()),
                                  progress: progress, dataSource: LessonRunner.datasetLoader(lessonFolder: folder),
                                  summarize: LessonRunner.summaryWithPreview)
        var outcome: LessonRunOutcome
        do { outcome = try runner.run(comparisons, sweeps: sweeps) } catch let failure as DatasetFailure {
            throw LessonsError(Diagnostic(path: lesson.path, location: Self.location(of: failure, in: plan), message: failure.description),
                               source: lesson.source, exitCode: 2)
        }

        let claims = outcome.check(plan.expectations)
        var failures = claims.filter { !$0.outcome.passed }.map { $0.outcome.diagnostic(path: lesson.path, at: $0.expectation.location) }
        let checked = claims.map { $0.checked }
        var runFailures: [Diagnostic] = []
        for (planned, ran) in zip(plan.comparisons, outcome.comparisons) {
            for (index, series) in ran.series.enumerated() {
                // Point at the run itself, where the lesson wrote it.
                let location = index < planned.runLocations.count ? planned.runLocations[index] : planned.location
                for (seed, run) in zip(series.seeds, series.results) where outcome.isFailure(run) {
                    let name = series.results.count > 1 ? "run '\(run.name)' (seed \(seed))" : "run '\(run.name)'"
                    switch run.outcome {
                    case .completed: continue
                    case let .diverged(_, _, hint):
                        runFailures.append(Diagnostic(path: lesson.path, location: location, message: "\(name): \(hint)"))
                    case .failed(let message):
                        runFailures.append(Diagnostic(path: lesson.path, location: location, message: "\(name) failed: \(message)"))
                    }
                }
            }
        }
        for (planned, ran) in zip(plan.sweeps, outcome.sweeps) {
            for (value, point) in zip(ran.values, ran.points) {
                for series in point {
                    for (seed, run) in zip(series.seeds, series.results) where outcome.isFailure(run) {
                        runFailures.append(Diagnostic(path: lesson.path, location: planned.location,
                                                   message: "sweep '\(ran.title)': run '\(run.name)' at \(ran.parameter) = \(value)"
                                                       + " (seed \(seed)) did not complete"))
                    }
                }
            }
        }
        failures = runFailures + failures
        let parameters = plan.parameters.map {
            ResultsDocument.Parameter(name: $0.name, type: $0.type, value: $0.value, declaredValue: $0.declaredValue,
                                      overridden: $0.overridden)
        }
        let results = LessonResults(lessonFile: fileName, lessonID: id, title: lesson.meta.title, parameters: parameters,
                                    comparisons: comparisons, outcome: outcome, expectations: checked,
                                    headline: lesson.meta.headline, plan: plan.plan)
        return Report(results: results, failures: failures)
    }

    /// Where the failed dataset is written: the path its error is about, or the statement using it.
    static func location(of failure: DatasetFailure, in plan: ResolvedLesson) -> SourceLocation? {
        if let comparison = plan.comparisons.first(where: { $0.dataset == failure.dataset }) {
            return comparison.datasetLocations.location(of: failure.error)
        }
        return plan.sweeps.first { $0.points.contains { $0.dataset == failure.dataset } }?.location ?? plan.comparisons.first?.location
    }

    /// Everything before training: the lesson evaluated (its data files checked from their
    /// headers) and its plan checked against the compute and memory limits. Throws the
    /// located diagnostics (exit status 2).
    public static func plan(_ lesson: Lesson, overrides: [String: String]) throws -> ResolvedLesson {
        let plan: ResolvedLesson
        switch Evaluator.evaluate(lesson, overrides: overrides, checksData: true) {
        case .success(let p): plan = p
        case .failure(let list): throw LessonsError(list.diagnostics, source: lesson.source, exitCode: 2)
        }
        try TrainingBudget(limit: lesson.meta.budget).check(plan, lesson: lesson)
        try MemoryBudget(limit: lesson.meta.memory).check(plan, lesson: lesson)
        return plan
    }
}
