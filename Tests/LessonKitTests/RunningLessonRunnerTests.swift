import Foundation
import XCTest
import Experiments
@testable import LessonKit

final class RunningLessonRunnerTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-runner-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    private let runs = [TinyRuns.run("plain"), TinyRuns.run("tuned", threshold: .tuned(maximizing: .f1))]

    func testSecondRunTrainsNothingAndLoadsNoData() throws {
        let first = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison(runs)])
        XCTAssertEqual(first.trainedCount, 2)
        XCTAssertEqual(first.cachedCount, 0)
        let counter = LoadCounter(), log = LogCapture()
        let second = try TinyRuns.runner(cache: cache, counter: counter, log: log).run([TinyRuns.comparison(runs)])
        XCTAssertEqual(second.trainedCount, 0)
        XCTAssertEqual(second.cachedCount, 2)
        XCTAssertEqual(counter.count, 0, "a warm run must not even load the data")
        XCTAssertTrue(log.all.contains("plain: cached"), log.all)
        XCTAssertEqual(first.comparisons[0].runs, second.comparisons[0].runs)
        XCTAssertEqual(first.comparisons[0].dataset, second.comparisons[0].dataset)
    }

    func testResultsAreRealAndMeasured() throws {
        let outcome = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison([TinyRuns.run("long", epochs: 8)])])
        let result = outcome.comparisons[0].runs[0]
        XCTAssertEqual(result.outcome, .completed)
        XCTAssertEqual(result.history.count, 8)
        XCTAssertLessThan(result.history.last!.trainLoss, result.history.first!.trainLoss)
        XCTAssertNotNil(result.history.first!.validationLoss)
        let metrics = try XCTUnwrap(result.metrics)
        XCTAssertGreaterThan(metrics.meanAveragePrecision, 0.6, "bright quadrants are easy to learn")
        XCTAssertEqual(metrics.perLabel.map(\.label), TinyData.labels)
        XCTAssertEqual(metrics.testCount, 48)
        XCTAssertEqual(metrics.reliability.reduce(0) { $0 + $1.count }, 48 * 3)
        XCTAssertEqual(result.recall("square"), metrics.perLabel[1].recall)
        XCTAssertTrue(result.recall("no such label").isNaN)
    }

    func testChangingOneRunRetrainsOnlyThatRun() throws {
        _ = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison(runs)])
        let changed = [runs[0], TinyRuns.run("tuned", epochs: 3, threshold: .tuned(maximizing: .f1))]
        let log = LogCapture()
        let outcome = try TinyRuns.runner(cache: cache, log: log).run([TinyRuns.comparison(changed)])
        XCTAssertEqual(outcome.trainedCount, 1)
        XCTAssertEqual(outcome.cachedCount, 1)
        XCTAssertTrue(log.all.contains("plain: cached"))
        XCTAssertTrue(log.all.contains("tuned: training 3 epochs"), log.all)
        XCTAssertEqual(outcome.comparisons[0].runs[1].history.count, 3)
    }

    /// An entry measured before a metric was added is trained and measured
    /// again (same key: the spec did not change), never read with the metric missing.
    func testAnEntryMeasuredWithFewerMetricsIsRetrained() throws {
        let first = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison([runs[0]])])
        let files = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(files.count, 2, "one run and its dataset card")
        var rewritten = 0
        let store = ResultCache(directory: cache)
        for file in files {
            let entry = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: cache.appendingPathComponent(file)))
                                        as? [String: Any])
            let key = try XCTUnwrap(entry["key"] as? String), spec = try XCTUnwrap(entry["spec"] as? String)
            guard case .hit(var run) = store.load(CachedRun.self, key: key, spec: spec) else { continue }
            run.metrics.removeLast()
            try store.store(run, key: key, spec: spec)
            rewritten += 1
        }
        XCTAssertEqual(rewritten, 1)
        let log = LogCapture()
        let second = try TinyRuns.runner(cache: cache, log: log).run([TinyRuns.comparison([runs[0]])])
        XCTAssertEqual(second.trainedCount, 1)
        XCTAssertEqual(second.cachedCount, 0)
        XCTAssertEqual(first.comparisons[0].runs.map(\.withoutTimings), second.comparisons[0].runs.map(\.withoutTimings))
        XCTAssertEqual(try TinyRuns.runner(cache: cache).run([TinyRuns.comparison([runs[0]])]).cachedCount, 1)
    }

    func testDifferentDatasetNeverReusesAnEntry() throws {
        _ = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison(runs)])
        let outcome = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison(runs, data: TinyData.shapes(seed: 2))])
        XCTAssertEqual(outcome.trainedCount, 2)
    }

    func testRenamedRunReusesItsResultUnderTheNewName() throws {
        _ = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison([TinyRuns.run("old name")])])
        let outcome = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison([TinyRuns.run("new name")])])
        XCTAssertEqual(outcome.trainedCount, 0)
        XCTAssertEqual(outcome.comparisons[0].runs[0].name, "new name")
    }

    func testCorruptedEntryIsRecomputedWithAWarning() throws {
        let first = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison(runs)])
        let key = first.comparisons[0].specHashes[0][0]
        let url = ResultCache(directory: cache).entryURL(key)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: url)
        let log = LogCapture()
        let second = try TinyRuns.runner(cache: cache, log: log).run([TinyRuns.comparison(runs)])
        XCTAssertEqual(second.trainedCount, 1)
        XCTAssertEqual(second.warnings.count, 1)
        XCTAssertTrue(log.all.contains("warning: cache entry"), log.all)
        XCTAssertEqual(second.comparisons[0].runs[0].withoutTimings, first.comparisons[0].runs[0].withoutTimings)
        // The rewritten entry is good again.
        XCTAssertEqual(try TinyRuns.runner(cache: cache).run([TinyRuns.comparison(runs)]).trainedCount, 0)
    }

    func testJobsDoNotChangeResults() throws {
        let many = (0..<4).map { TinyRuns.run("run \($0)", epochs: 1 + $0 % 2) }
        let one = try TinyRuns.runner(cache: cache, jobs: 1, useCache: false).run([TinyRuns.comparison(many)])
        let two = try TinyRuns.runner(cache: cache, jobs: 2, useCache: false).run([TinyRuns.comparison(many)])
        XCTAssertEqual(one.comparisons[0].runs.map(\.withoutTimings), two.comparisons[0].runs.map(\.withoutTimings))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "--no-cache writes nothing")
    }

    func testDivergingRunIsReportedAndOthersComplete() throws {
        let mixed = [TinyRuns.run("fine"), TinyRuns.run("huge lr", optimizer: .sgd(learningRate: 1e30))]
        let outcome = try TinyRuns.runner(cache: cache, jobs: 2).run([TinyRuns.comparison(mixed)])
        XCTAssertEqual(outcome.comparisons[0].runs[0].outcome, .completed)
        let diverged = outcome.comparisons[0].runs[1]
        guard case let .diverged(epoch, step, hint) = diverged.outcome else { return XCTFail("expected divergence, got \(diverged.outcome)") }
        XCTAssertEqual(epoch, 1)
        XCTAssertGreaterThanOrEqual(step, 1)
        XCTAssertTrue(hint.contains("learning rate"), hint)
        XCTAssertTrue(diverged.diverged)
        XCTAssertNil(diverged.metrics)
        XCTAssertEqual(outcome.failedRuns.map(\.name), ["huge lr"])
        // JSON of a diverged result carries no non-finite number.
        let json = try CanonicalJSON.string(diverged)
        XCTAssertFalse(json.contains(":\"NaN\"") || json.contains("Infinity"), json)
    }
}

