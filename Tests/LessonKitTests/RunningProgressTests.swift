import XCTest
import Experiments
@testable import LessonKit
@testable import ResultsRendering

final class RunningProgressTests: XCTestCase {
    func testPlainStyleWritesOneLinePerEventAndNoEscapes() {
        let log = LogCapture()
        let progress = ProgressReporter(style: .plain, write: log.append)
        progress.begin(runs: ["a", "b"])
        progress.cached(0)
        progress.started(1, epochs: 2)
        progress.step(1, epoch: 1, of: 2, done: 0.25, loss: 0.5)
        progress.epoch(1, epoch: 1, of: 2, loss: 0.5)
        progress.finished(1, summary: "done")
        let lines = log.all.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, "steps are not printed in plain style: \(lines)")
        XCTAssertEqual(lines[0], "a: cached, nothing to train")
        XCTAssertEqual(lines[1], "b: training 2 epochs")
        XCTAssertTrue(lines[2].hasPrefix("b: epoch 1/2  loss 0.5000  ETA "), lines[2])
        XCTAssertEqual(lines[3], "b: done")
        XCTAssertFalse(log.all.contains("\u{1B}"))
    }

    func testLiveStyleRedrawsOneLinePerRunInPlace() {
        let log = LogCapture()
        let progress = ProgressReporter(style: .live, write: log.append)
        progress.begin(runs: ["a", "b"])
        progress.finished(0, summary: "done")
        XCTAssertTrue(log.all.contains("\u{1B}[2F"), "moves up over the two lines")
        XCTAssertTrue(log.all.hasSuffix("\u{1B}[2Ka: done\n\u{1B}[2Kb: waiting\n"))
    }

    func testQuietPrintsNothing() {
        let log = LogCapture()
        let progress = ProgressReporter(style: .quiet, write: log.append)
        progress.begin(runs: ["a"])
        progress.started(0, epochs: 1)
        progress.message("warning: x")
        XCTAssertEqual(log.all, "")
    }

    func testSummaryTableListsEveryRunWithItsHeadlineMetrics() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let outcome = try TinyRuns.runner(cache: cache).run([TinyRuns.comparison([
            TinyRuns.run("plain"), TinyRuns.run("wild", optimizer: .sgd(learningRate: 1e30))])])
        let lines = SummaryTable.text(outcome).split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("run    seeds  status"), lines[0])
        let plain = try XCTUnwrap(outcome.comparisons[0].runs[0].metrics)
        XCTAssertTrue(lines[2].hasPrefix("plain      1  ok"), lines[2])
        XCTAssertTrue(lines[2].contains(Markup.number(plain.macroF1)))
        XCTAssertTrue(lines[3].hasPrefix("wild       1  diverged e1"), lines[3])
        XCTAssertEqual(lines.last, "2 (run, seed) pairs trained, 0 from cache")
    }

    func testSummaryTableShowsMeanAndSpreadOverSeeds() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let outcome = try TinyRuns.runner(cache: cache).run([LessonRunner.Comparison(
            title: "t", dataset: TinyData.shapes(), seeds: [1, 2], runs: [TinyRuns.run("plain")], blockIndex: 0)])
        let lines = SummaryTable.text(outcome).split(separator: "\n").map(String.init)
        let f1 = try XCTUnwrap(outcome.comparisons[0].series[0].aggregate?.metrics["macroF1"])
        XCTAssertTrue(lines[2].hasPrefix("plain      2  ok"), lines[2])
        XCTAssertTrue(lines[2].contains(Markup.number(f1.mean) + " ± " + Markup.number(f1.sd)), lines[2])
    }
}
