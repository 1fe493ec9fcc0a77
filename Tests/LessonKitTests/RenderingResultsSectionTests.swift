import Foundation
import XCTest
import Experiments
@testable import LessonKit
@testable import ResultsRendering

final class RenderingResultsSectionTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-render-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    private func results(_ runs: [Run], seeds: Seeds? = nil,
                         expectations: [LessonResults.CheckedExpectation] = []) throws -> LessonResults {
        var comparison = TinyRuns.comparison(runs)
        comparison.seeds = seeds
        let runner = LessonRunner(options: .init(jobs: 2, cache: ResultCache(directory: cache)),
                                  progress: ProgressReporter(style: .quiet), dataSource: LessonRunner.datasetLoader(lessonFolder: nil),
                                  summarize: LessonRunner.summaryWithPreview)
        let outcome = try runner.run([comparison])
        return LessonResults(lessonFile: "01-tiny.md", lessonID: "01-tiny", title: "Tiny",
                             parameters: [.init(name: "epochs", type: "Int", value: "3", declaredValue: "2", overridden: true)],
                             comparisons: [comparison], outcome: outcome, expectations: expectations)
    }

    /// The page's key result of a multi-seed comparison is the best mean over
    /// the seeds, never the first seed's number.
    func testKeyResultIsTheBestMeanOverSeeds() throws {
        let lesson = try results([TinyRuns.run("plain"), TinyRuns.run("tuned", threshold: .tuned(maximizing: .f1))], seeds: Seeds([1, 2]))
        let best = try XCTUnwrap(lesson.outcome.comparisons[0].series.max { $0.macroF1 < $1.macroF1 })
        XCTAssertEqual(lesson.keyResult, "best macro-F1 \(Markup.number(best.macroF1)) (\(best.name), mean of 2 seeds)")
        XCTAssertNotEqual(best.macroF1, best.results[0].macroF1, "the mean differs from the first seed's value")

        // Front matter `headline:` chooses the metric (lowest wins where lower is better), or none.
        var chosen = lesson
        chosen.headline = .best(metric: "hammingLoss")
        let lowest = try XCTUnwrap(lesson.outcome.comparisons[0].series.min { $0.hammingLoss < $1.hammingLoss })
        XCTAssertEqual(chosen.keyResult, "lowest Hamming loss \(Markup.number(lowest.hammingLoss)) (\(lowest.name), mean of 2 seeds)")
        chosen.headline = Headline.none
        XCTAssertNil(chosen.keyResult)
    }

    func testPageShowsTablesAndChartsWithTheNumbersOfResultsJSON() throws {
        let lesson = try results([TinyRuns.run("plain <b>"), TinyRuns.run("tuned", threshold: .tuned(maximizing: .f1))])
        let extras = try lesson.pageExtras()
        let html = try XCTUnwrap(extras.afterBlock[2]).html
        // Every lesson string is escaped.
        XCTAssertFalse(html.contains("plain <b>"))
        XCTAssertTrue(html.contains("plain &lt;b&gt;"))
        XCTAssertTrue(html.contains("Results: Tiny &lt;comparison&gt;"))
        // Dataset card, comparison table, per-label table, four charts each with a data table.
        XCTAssertTrue(html.contains("class=\"dataset-card\""))
        XCTAssertTrue(html.contains("<img src=\"01-tiny/dataset-"))
        for id in ["results-1-claimed", "results-1-loss", "results-1-per-label", "results-1-pr", "results-1-reliability"] {
            XCTAssertTrue(html.contains("<figure class=\"chart\" id=\"\(id)\""), id)
        }
        // (A long one, the curve points, is marked so print leaves it folded.)
        XCTAssertEqual(html.components(separatedBy: "<details class=\"numbers").count - 1, 5)
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg ").count - 1, 1 + 2 + 3 + 1)
        XCTAssertTrue(html.contains("class=\"num best\""))

        // The numbers on the page are those of results.json.
        let json = try XCTUnwrap(extras.files["results.json"])
        let document = try CanonicalJSON.decoder().decode(ResultsDocument.self, from: json)
        XCTAssertEqual(document.comparisons[0].runs.count, 2)
        for entry in document.comparisons[0].runs {
            let m = try XCTUnwrap(entry.result.metrics)
            for value in [m.macroF1, m.microF1, m.meanAveragePrecision, m.subsetAccuracy, m.hammingLoss] {
                XCTAssertTrue(html.contains(">\(Markup.number(value))<"), "\(entry.name): \(value) not on the page")
            }
            for label in m.perLabel {
                XCTAssertTrue(html.contains("<td class=\"num\" data-label=\"AP\"><span class=\"v\">\(Markup.number(label.averagePrecision ?? .nan))</span></td>"))
            }
            XCTAssertTrue(html.contains(Markup.number(entry.result.history.last!.trainLoss, digits: 4)))
        }
        XCTAssertEqual(document.parameters.first?.overridden, true)
        XCTAssertEqual(extras.status?.state, .passed)
        XCTAssertTrue(extras.files.keys.contains { $0.hasPrefix("dataset-") && $0.hasSuffix(".png") })
        XCTAssertTrue(extras.parametersPanel?.html.contains("<tr class=\"overridden\"><th scope=\"row\"><code>epochs</code></th><td><code>3</code></td><td><code>2</code></td></tr>") == true)
    }

    func testSameInputsGiveSameBytes() throws {
        let runs = [TinyRuns.run("a"), TinyRuns.run("b", epochs: 1)]
        let first = try results(runs).pageExtras()
        try FileManager.default.removeItem(at: cache)
        let second = try results(runs).pageExtras()
        XCTAssertEqual(first.afterBlock, second.afterBlock)
        XCTAssertEqual(first.parametersPanel, second.parametersPanel)
    }

    func testDivergedRunShowsWhatHappened() throws {
        let lesson = try results([TinyRuns.run("fine"), TinyRuns.run("wild", optimizer: .sgd(learningRate: 1e30))])
        let extras = try lesson.pageExtras()
        let html = try XCTUnwrap(extras.afterBlock[2]).html
        XCTAssertTrue(html.contains("<div class=\"diverged\" role=\"alert\"><p><strong>wild</strong> diverged at epoch 1, step"))
        XCTAssertTrue(html.contains("diverged at epoch 1, step"))
        XCTAssertEqual(extras.status?.state, .failed)
        XCTAssertFalse(lesson.passed)
    }

    func testExpectationBoxesShowPassAndFailWithValues() throws {
        let records = [
            LessonResults.CheckedExpectation(blockIndex: 5, record: .init(line: 40, column: 1, source: "a > b && \"<x>\"",
                                                                           passed: true, detail: "got 0.8 vs 0.7")),
            LessonResults.CheckedExpectation(blockIndex: 5, record: .init(line: 41, column: 1, source: "a < b",
                                                                           passed: false, detail: "got 0.41 vs 0.57")),
        ]
        let lesson = try results([TinyRuns.run("a")], expectations: records)
        let extras = try lesson.pageExtras()
        let html = try XCTUnwrap(extras.afterBlock[5]).html
        XCTAssertTrue(html.contains("1 of 2 claims failed."))
        XCTAssertTrue(html.contains("✗ failed</strong> <code>a &lt; b</code> <span class=\"note\">(line 41)</span> — got 0.41 vs 0.57"))
        XCTAssertTrue(html.contains("&quot;&lt;x&gt;&quot;"))
        XCTAssertEqual(extras.status?.state, .failed)
    }
}

final class RenderingResultsFailureTests: XCTestCase {
    func testRunThatCouldNotTrainSaysWhy() {
        let run = RunResult(name: "<bad>", labels: ["a"], history: [], outcome: .failed(message: "label 'a' has no positive <example>"),
                            thresholds: nil, metrics: nil, timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        let html = ComparisonSection(title: "t", dataset: nil, previewPath: nil, runs: [run], id: "r").html()
        XCTAssertTrue(html.contains("<strong>&lt;bad&gt;</strong> could not train: label &#39;a&#39; has no positive &lt;example&gt;"))
        XCTAssertTrue(html.contains(">could not train<"))
        XCTAssertFalse(html.contains("<figure"), "no charts without numbers")
    }
}
