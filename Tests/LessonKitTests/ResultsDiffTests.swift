import Foundation
import XCTest
import Experiments
@testable import LessonKit
@testable import ResultsRendering

/// `ResultsDiff`, the one answer to "what changed" for `run --diff` and the preview.
final class ResultsDiffTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-diff-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// One comparison of two tiny runs and one claim, as results.json holds it.
    private func document() throws -> ResultsDocument {
        let comparison = TinyRuns.comparison([TinyRuns.run("plain", epochs: 1), TinyRuns.run("sgd", epochs: 1, optimizer: .sgd(learningRate: 0.1))])
        let outcome = try TinyRuns.runner(cache: folder.appendingPathComponent("cache")).run([comparison])
        let claim = LessonResults.CheckedExpectation(
            blockIndex: 3, record: .init(line: 12, column: 1, source: "results[\"plain\"].macroF1 > bar", passed: true, detail: "got 0.5 vs 0.1"))
        return LessonResults(lessonFile: "01-tiny.md", lessonID: "01-tiny", title: "Tiny",
                             parameters: [.init(name: "bar", type: "Double", value: "0.1", declaredValue: "0.1", overridden: false)],
                             comparisons: [comparison], outcome: outcome, expectations: [claim]).document
    }

    /// A sweep's points are compared run by run, each point under its own heading.
    func testSweepPointsAreComparedByValue() throws {
        var before = try document()
        let entry = before.comparisons[0].runs[0]
        before.sweeps = [.init(title: "How long?", block: 4, parameter: "epochs", values: ["1", "2"], metrics: ["macro-F1"],
                               points: [[entry], [entry]])]
        var after = before
        after.sweeps?[0].points[1][0].result.metrics?.macroF1 += 0.125
        after.sweeps?[0].values.append("4")
        after.sweeps?[0].points.append([entry])
        let diff = ResultsDiff(before: before, after: after)
        XCTAssertEqual(diff.metrics.map(\.comparison), ["How long?: epochs = 2"])
        XCTAssertEqual(diff.metrics.first?.after ?? .nan, (entry.result.metrics?.macroF1 ?? .nan) + 0.125, accuracy: 1e-12)
        XCTAssertEqual(diff.notes, ["How long?: epochs = 4: new point"])
        XCTAssertTrue(diff.text(comparedWith: "r.json").contains("How long?: epochs = 2:"))
        after.sweeps = nil
        XCTAssertEqual(ResultsDiff(before: before, after: after).notes, ["How long?: sweep was removed"])
    }

    func testSameResultsChangeNothing() throws {
        let before = try document()
        let diff = ResultsDiff(before: before, after: before)
        XCTAssertTrue(diff.isEmpty)
        XCTAssertTrue(diff.metrics.isEmpty && diff.parameters.isEmpty && diff.flippedClaims.isEmpty)
        XCTAssertEqual(diff.text(comparedWith: "site/01-tiny/results.json"),
                       "What changed, compared with site/01-tiny/results.json: nothing.\n")
    }

    func testChangedParameterMetricAndFlippedClaim() throws {
        let before = try document()
        var after = before
        after.parameters[0].value = "0.9"
        after.parameters[0].overridden = true
        after.comparisons[0].runs[1].result.metrics?.macroF1 += 0.25
        after.expectations[0].passed = false
        after.expectations[0].detail = "got 0.5 vs 0.9"
        after.comparisons[0].runs[0].result.outcome = .failed(message: "no positives")
        after.comparisons[0].runs[0].result.metrics = nil

        let diff = ResultsDiff(before: before, after: after)
        XCTAssertEqual(diff.parameters, [.init(name: "bar", before: "0.1", after: "0.9")])
        // The failed run has no numbers now: it is a note, not a metric change.
        XCTAssertEqual(diff.metrics.map { "\($0.run) \($0.metric)" }, ["sgd macro-F1"])
        XCTAssertEqual(diff.metrics[0].after - diff.metrics[0].before, 0.25, accuracy: 1e-12)
        XCTAssertEqual(diff.notes, ["Tiny <comparison>: run 'plain': completed → could not train"])
        XCTAssertEqual(diff.flippedClaims.map(\.line), [12])
        let text = diff.text(comparedWith: "prev.json")
        XCTAssertTrue(text.contains("  bar  0.1 → 0.9\n"), text)
        XCTAssertTrue(text.contains("claims: 1 flipped; 0 of 1 hold now\n  line 12: results[\"plain\"].macroF1 > bar  held → failed (got 0.5 vs 0.9)"), text)
    }

    func testRunsMatchedByNameAndClaimsByText() throws {
        let before = try document()
        var after = before
        after.comparisons[0].runs.swapAt(0, 1)
        after.expectations[0].line = 40  // the claim moved down the file: no change
        let diff = ResultsDiff(before: before, after: after)
        XCTAssertTrue(diff.isEmpty, "\(diff)")

        after.comparisons[0].runs.removeLast()
        XCTAssertEqual(ResultsDiff(before: before, after: after).notes, ["Tiny <comparison>: run 'plain' was removed"])
    }

    func testSeveralSeedsCompareTheirMeans() throws {
        let before = try document()
        var after = before
        let first = before.comparisons[0].runs[1].result
        var second = first
        second.metrics?.macroF1 += 0.5
        after.comparisons[0].runs[1].aggregate = RunAggregate(seeds: [3, 4], results: [first, second])
        let diff = ResultsDiff(before: before, after: after)
        XCTAssertEqual(diff.metrics.map { "\($0.run) \($0.metric)" }, ["sgd macro-F1"], "only the mean moved")
        XCTAssertEqual(diff.metrics[0].after, first.metrics!.macroF1 + 0.25, accuracy: 1e-12)
    }

    func testPreviousResultsReadNonFiniteValues() throws {
        var document = try document()
        document.comparisons[0].runs[0].result.metrics?.expectedCalibrationError = .nan
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("01-tiny"), withIntermediateDirectories: true)
        try document.encoded().write(to: site.appendingPathComponent("01-tiny/results.json"))
        let read = try XCTUnwrap(ResultsDiff.previousResults(site: site.path, lessonID: "01-tiny"))
        XCTAssertTrue(ResultsDiff(before: read, after: document).metrics.isEmpty, "NaN equals NaN here")
        XCTAssertNil(ResultsDiff.previousResults(site: site.path, lessonID: "02-none"))
    }

    /// Read from results.json texts (as lessons.wasm reads them), the diff and its box are
    /// those of the documents: parameters, a failed run, a moved metric, a flipped claim,
    /// seed means and a sweep point.
    func testResultsJSONTextsGiveTheDocumentsDiff() throws {
        let before = try document()
        var after = before
        after.parameters[0].value = "0.9"
        after.comparisons[0].runs[1].result.metrics?.macroF1 += 0.25
        after.expectations[0].passed = false
        after.comparisons[0].runs[0].result.outcome = .failed(message: "no positives")
        after.comparisons[0].runs[0].result.metrics = nil
        let first = before.comparisons[0].runs[1].result
        var second = first
        second.metrics?.macroF1 += 0.5
        after.comparisons[0].runs[1].aggregate = RunAggregate(seeds: [3, 4], results: [first, second])
        after.sweeps = [.init(title: "How long?", block: 4, parameter: "epochs", values: ["1"], metrics: ["macro-F1"],
                              points: [[after.comparisons[0].runs[1]]])]
        var withSweep = before
        withSweep.sweeps = [.init(title: "How long?", block: 4, parameter: "epochs", values: ["1"], metrics: ["macro-F1"],
                                  points: [[before.comparisons[0].runs[1]]])]
        for (old, new) in [(before, after), (withSweep, after), (after, before), (before, before)] {
            let expected = ResultsDiff(before: old, after: new)
            let a = [UInt8](try old.encoded()), b = [UInt8](try new.encoded())
            XCTAssertEqual(ResultsDiff(before: try .init(resultsJSON: a), after: try .init(resultsJSON: b)), expected)
            XCTAssertEqual(try WhatChangedView.html(beforeJSON: a, afterJSON: b), WhatChangedView(diff: expected).html())
        }
        XCTAssertFalse(ResultsDiff(before: before, after: after).metrics.isEmpty)
        XCTAssertThrowsError(try WhatChangedView.html(beforeJSON: Array("{\"parameters\": 1}".utf8), afterJSON: [])) { error in
            XCTAssertEqual((error as? ResultsReadError)?.message, "parameters: expected an array")
        }
    }
}
