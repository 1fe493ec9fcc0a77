import Foundation
import XCTest
import Experiments
@testable import LessonKit

/// Multi-seed comparisons and sweeps in the runner: each (run, seed) pair is its
/// own cache entry, results do not depend on `--jobs`, and a lesson that asks
/// for too much training is refused before anything trains.
final class RunningSeedsTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-seeds-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    private func seeded(_ seeds: Seeds, runs: [Run] = [TinyRuns.run("plain"), TinyRuns.run("other", epochs: 1)]) -> LessonRunner.Comparison {
        LessonRunner.Comparison(title: "t", dataset: TinyData.shapes(), seeds: seeds, runs: runs, blockIndex: 2)
    }

    func testEverySeedTrainsAndAddingOneTrainsOnlyThatSeed() throws {
        let first = try TinyRuns.runner(cache: cache).run([seeded([1, 2])])
        XCTAssertEqual(first.trainedCount, 4)
        let series = first.comparisons[0].series
        XCTAssertEqual(series.map(\.seeds), [[1, 2], [1, 2]])
        XCTAssertNotEqual(series[0].results[0].metrics, series[0].results[1].metrics, "seeds must differ")
        XCTAssertEqual(series[0].aggregate?.seeds, [1, 2])
        let log = LogCapture()
        let second = try TinyRuns.runner(cache: cache, log: log).run([seeded([1, 2, 3])])
        XCTAssertEqual(second.trainedCount, 2)
        XCTAssertEqual(second.cachedCount, 4)
        XCTAssertTrue(log.all.contains("plain · seed 3: training"), log.all)
        XCTAssertTrue(log.all.contains("plain · seed 1: cached"), log.all)
        XCTAssertEqual(second.comparisons[0].series[0].results[..<2].map(\.withoutTimings),
                       series[0].results.map(\.withoutTimings))
    }

    func testJobsDoNotChangeMultiSeedResults() throws {
        let one = try TinyRuns.runner(cache: cache, jobs: 1, useCache: false).run([seeded(3)])
        let two = try TinyRuns.runner(cache: cache, jobs: 2, useCache: false).run([seeded(3)])
        XCTAssertEqual(one.comparisons[0].series.map { $0.results.map(\.withoutTimings) },
                       two.comparisons[0].series.map { $0.results.map(\.withoutTimings) })
        XCTAssertEqual(one.comparisons[0].series.map(\.aggregate?.metrics), two.comparisons[0].series.map(\.aggregate?.metrics))
    }

    func testSweepPointsAreCachedAndShareTheComparisonsRuns() throws {
        let comparison = seeded([1, 2], runs: [TinyRuns.run("plain")])
        let points = [1, 2].map { epochs in
            Compare(title: "s", dataset: TinyData.shapes(), seeds: [1, 2], runs: [TinyRuns.run("plain", epochs: epochs)])
        }
        let sweep = LessonRunner.SweepJob(title: "s", parameter: "epochs", values: ["1", "2"], points: points, metrics: nil,
                                          blockIndex: 3)
        let outcome = try TinyRuns.runner(cache: cache).run([comparison], sweeps: [sweep])
        // epochs 2 is the comparison's own run: 2 pairs for it, 2 new pairs for epochs 1.
        XCTAssertEqual(outcome.trainedCount, 4)
        XCTAssertEqual(outcome.sweeps[0].points[1][0].results.map(\.withoutTimings),
                       outcome.comparisons[0].series[0].results.map(\.withoutTimings))
        XCTAssertEqual(outcome.sweeps[0].metrics, SweepMetric.defaults(rarest: "ring"))
        let again = try TinyRuns.runner(cache: cache).run([comparison], sweeps: [sweep])
        XCTAssertEqual(again.trainedCount, 0)
    }

    func testTooMuchTrainingIsRefusedWithTheEstimate() throws {
        let big = """
        ```swift experiment
        Compare("big", on: Shapes(train: 50_000), seeds: 32, runs: [Run("a", model: CNN(filters: [64, 64]), epochs: 100)])
        ```
        """
        let lesson = try EvaluationFixture.lesson(big)
        let pipeline = LessonPipeline(options: .init(jobs: 1, quiet: true, cacheDirectory: cache),
                                      progress: ProgressReporter(style: .quiet))
        XCTAssertThrowsError(try pipeline.run(lesson, id: "test", fileName: "test.md", overrides: [:])) { error in
            let e = error as? LessonsError
            XCTAssertEqual(e?.exitCode, 2)
            let d = e?.diagnostics.first
            XCTAssertEqual(d?.location?.line, 8)
            XCTAssertTrue(d?.message.contains("multiply-adds of training, more than its budget of 60 × 10¹²") == true, d?.message ?? "")
            XCTAssertTrue(d?.message.contains("Compare(\"big\"): 32 (run, seed) pairs") == true, d?.message ?? "")
            XCTAssertTrue(d?.message.contains("budget: ") == true, d?.message ?? "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "nothing trained, nothing cached")
        // The front matter raises the limit; a bad value is a located error.
        let raised = try Lesson(path: "Lessons/test.md", markdown: "---\ntitle: T\nbudget: 5000\n---\n" + big)
        XCTAssertEqual(raised.meta.budget, 5000)
        guard case .success(let plan) = Evaluator.evaluate(raised) else { return XCTFail("does not evaluate") }
        XCTAssertNoThrow(try TrainingBudget(limit: raised.meta.budget).check(plan, lesson: raised))
        XCTAssertThrowsError(try Lesson(path: "Lessons/test.md", markdown: "---\ntitle: T\nbudget: none\n---\n")) { error in
            let d = (error as? LessonsError)?.diagnostics.first
            XCTAssertEqual(d?.location?.line, 3)
            XCTAssertTrue(d?.message.contains("front matter 'budget' must be a number") == true, d?.message ?? "")
        }
    }
}
