import Foundation
import Experiments
@testable import LessonKit
@testable import ResultsRendering
import XCTest

/// `Compare(..., alsoTestOn: ["noisy": noisy])`: each trained model measured on more test
/// sets without training again, read as `results["a", on: "noisy"]`; a test set the
/// models cannot take is a located error; runs without it keep their cache keys.
final class RunningAlsoTestOnTests: XCTestCase {
    private var cache: URL!

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-also-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: cache) }

    private func lesson(other: String, claim: String = #"expect(results["a", on: "noisy"].macroF1 <= 1)"#) -> String {
        EvaluationFixture.blocks([
            ("experiment", """
            let clean = Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.25], size: 16, train: 64, test: 32)
            let noisy = \(other)
            Compare("t", on: clean, seeds: 2, runs: [Run("a", epochs: 1)], alsoTestOn: ["noisy": noisy])
            """),
            ("expect", claim + "\n" + #"expect(results["a", on: "noisy"].recall("ring") >= 0, inAtLeast: 2)"#),
        ])
    }

    func testClaimsReadTheOtherTestSetAndBadOnesAreLocatedErrors() throws {
        let good = #"Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.25], size: 16, noise: 0.3, train: 64, test: 32)"#
        let plan = try EvaluationFixture.plan(lesson(other: good))
        XCTAssertEqual(plan.comparisons[0].compare.alsoTestOn?.keys.sorted(), ["noisy"])
        XCTAssertEqual(plan.expectations[0].comparedValues(["a": FakeReport(), RunSeries.key("a", on: "noisy"): FakeReport()]).map(\.left),
                       [#"results["a", on: "noisy"].macroF1"#])
        XCTAssertEqual(plan.expectations[1].inAtLeast, 2, "paired by the run's seeds")

        let d = try EvaluationFixture.diagnostics(lesson(other: good, claim: #"expect(results["a", on: "nosy"].macroF1 > 0)"#))
        XCTAssertEqual(d, [#"16:25: run 'a' is not tested on 'nosy'; did you mean 'noisy'? (test sets: noisy)"#])
        let labels = try EvaluationFixture.diagnostics(lesson(other: #"Shapes(labels: ["circle", "square"], prevalence: [0.5, 0.5], size: 16, train: 64, test: 32)"#))
        XCTAssertTrue(labels.contains { $0.hasPrefix("10:") && $0.contains("test set 'noisy' has the labels circle, square") }, "\(labels)")
        let sized = try EvaluationFixture.lesson(lesson(other: #"Shapes(labels: ["circle", "ring"], prevalence: [0.5, 0.25], size: 20, train: 64, test: 32)"#))
        guard case .failure(let list) = Evaluator.evaluate(sized, checksData: true) else { return XCTFail("no error") }
        XCTAssertEqual(list.diagnostics.map { "\($0.location!.line):\($0.location!.column): \($0.message)" }, ["10:86: test set 'noisy' has 2 labels of 20×20×1 images, but the runs train on 2 labels of 16×16×1 images; "
                              + "their models cannot be measured on it"])
    }

    func testOneTrainingMeasuredTwiceAndOtherKeysUnchanged() throws {
        let run = TinyRuns.run("a")
        let key = try DatasetKey(TinyData.shapes())
        XCTAssertFalse(RunSpec(run: run, dataset: key).canonical().contains("alsoTestOn"), "a run without it keeps its key")
        XCTAssertNotEqual(RunSpec(run: run, dataset: key, alsoTestOn: ["same": key]).hash(), RunSpec(run: run, dataset: key).hash())

        // Measured on its own test set again, the other test set's numbers are the test split's.
        let data = try TinyData.shapes().load(relativeTo: nil)
        let result = RunExecutor.execute(run, on: data, alsoTestOn: [("same", data), ("other", try TinyData.shapes(seed: 9).load(relativeTo: nil))])
        XCTAssertEqual(result.alsoTested?.map(\.name), ["same", "other"])
        XCTAssertEqual(result.alsoTested?[0].metrics, result.metrics)
        XCTAssertNotEqual(result.alsoTested?[1].metrics.values["macroF1"], nil)
        XCTAssertEqual(result.on("other").metrics, result.alsoTested?[1].metrics)
        XCTAssertEqual(result.withoutTimings, RunExecutor.execute(run, on: data, alsoTestOn: [("same", data), ("other", try TinyData.shapes(seed: 9).load(relativeTo: nil))]).withoutTimings,
                       "deterministic")
        // The page adds a headline table per other test set.
        let html = ComparisonSection(title: "t", dataset: nil, previewPath: nil, runs: [result], id: "results-1").html()
        XCTAssertTrue(html.contains("id=\"results-1-table-other\""), html)
        XCTAssertTrue(html.contains("Headline test-set metrics per run on the other test set &#39;other&#39;")
                      || html.contains("Headline test-set metrics per run on the other test set 'other'"), html)

        // A test set the model cannot take fails the run with the reason, never crashes it.
        let square = Shapes(labels: ["circle", "square"], prevalence: [0.5, 0.5], size: 16, train: 8, test: 8)
        let refused = RunExecutor.execute(run, on: data, alsoTestOn: [("x", try DatasetSource.shapes(square).load(relativeTo: nil))])
        guard case .failed(let message) = refused.outcome else { return XCTFail("\(refused.outcome)") }
        XCTAssertTrue(message.contains("test set 'x' has 2 labels"), message)

        // Through the runner: one training per pair, the other test set read under its key.
        var comparison = TinyRuns.comparison([run])
        comparison.alsoTestOn = ["same": TinyData.shapes()]
        let counter = LoadCounter()
        let outcome = try TinyRuns.runner(cache: cache, counter: counter).run([comparison])
        let reports = outcome.reports
        XCTAssertEqual(reports[RunSeries.key("a", on: "same")]?.macroF1, reports["a"]?.macroF1)
        XCTAssertEqual(outcome.trainedCount, 1)
        let again = try TinyRuns.runner(cache: cache, counter: counter).run([comparison])
        XCTAssertEqual(again.cachedCount, 1, "cached with its other test sets")
        XCTAssertEqual(again.reports[RunSeries.key("a", on: "same")]?.macroF1, reports["a"]?.macroF1)
    }
}
