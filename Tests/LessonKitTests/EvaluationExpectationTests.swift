import Experiments
@testable import LessonKit
@testable import ResultsRendering
import XCTest

/// A hand-made report, so expectations are checked without training.
struct FakeReport: RunReport {
    var diverged = false
    var finalLoss = 0.3
    var values: [String: Double] = [
        "macroF1": 0.6, "microF1": 0.7, "samplesF1": 0.65, "subsetAccuracy": 0.4, "hammingLoss": 0.1,
        "meanAveragePrecision": 0.55, "macroROCAUC": 0.8, "multiLabelRecall": 0.5, "multiLabelSubsetAccuracy": 0.2,
        "expectedCalibrationError": 0.05,
    ]
    var recalls: [String: Double] = [:]
    func value(of metric: Metric) -> Double { values[metric.name] ?? .nan }
    func value(of metric: LabelMetric, label: String) -> Double {
        switch metric.name {
        case "precision": return 0.9
        case "recall": return recalls[label] ?? 0
        case "f1": return 0.5
        case "averagePrecision": return 0.25
        case "rocAUC": return 0.75
        default: return .nan
        }
    }
    /// Epoch k's loss is 1/k (training) and 1/k + 0.1 (validation), for `epochsTrained` epochs.
    var epochsTrained = 10
    var trainSeconds = 2.0
    func value(of metric: EpochMetric, atEpoch epoch: Int) -> Double {
        guard epoch >= 1, epoch <= epochsTrained else { return .nan }
        return 1 / Double(epoch) + (metric.name == "validationLoss" ? 0.1 : 0)
    }
}

final class EvaluationExpectationTests: XCTestCase {
    func expectations(_ claims: String) throws -> [Expectation] {
        let md = EvaluationFixture.blocks([
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("plain"), Run("weighted")])"#),
            ("expect", claims),
        ])
        return try EvaluationFixture.plan(md).expectations
    }

    func testDetailsKeepTheMarginApartWithThreeDecimals() throws {
        let claims = try expectations("""
        expect(results["weighted"].recall("ring") - results["plain"].recall("ring") > 0.1)
        expect(results["weighted"].recall("ring") > results["plain"].recall("ring") - 0.05)
        expect(results["weighted"].recall("ring") > 0.5)
        """)
        let reports: [String: any RunReport] = ["plain": FakeReport(recalls: ["ring": 0.4]),
                                                "weighted": FakeReport(recalls: ["ring": 0.9])]
        XCTAssertEqual(claims.map { $0.evaluate(reports).actual },
                       ["got 0.900 − 0.400 vs 0.100", "got 0.900 vs 0.400 − 0.050", "got 0.900 vs 0.500"])
        XCTAssertEqual(NumberText.claim(0.00002), "2e-05")
        XCTAssertEqual(NumberText.claim(-0.0), "0.000")
    }

    func testPassAndFailWithActualValues() throws {
        let claims = try expectations("""
        expect(results["weighted"].recall("ring") > results["plain"].recall("ring") + 0.1)
        expect(results["weighted"].macroF1, approximately: 0.5, tolerance: 0.05)
        expect(!results["plain"].diverged && results["plain"].hammingLoss < 0.2)
        expect(results["plain"].subsetAccuracy >= 0.5 || results["plain"].microF1 >= 0.8)
        """)
        let reports: [String: any RunReport] = ["plain": FakeReport(recalls: ["ring": 0.41]),
                                                "weighted": FakeReport(recalls: ["ring": 0.57])]
        let outcomes = claims.map { $0.evaluate(reports) }
        XCTAssertEqual(outcomes.map(\.passed), [true, false, true, false])
        XCTAssertEqual(outcomes[0].actual, "got 0.570 vs 0.410 + 0.100", "the other run's own value, the margin apart")
        XCTAssertEqual(outcomes[1].message,
                       #"expectation failed: results["weighted"].macroF1, approximately: 0.5, tolerance: 0.05 (got 0.600 vs 0.500 ± 0.050)"#)
        XCTAssertEqual(outcomes[3].message,
                       #"expectation failed: results["plain"].subsetAccuracy >= 0.5 || results["plain"].microF1 >= 0.8 (got 0.400 vs 0.500; got 0.700 vs 0.800)"#)

        // The same claim fails when the numbers say the opposite.
        let swapped: [String: any RunReport] = ["plain": FakeReport(recalls: ["ring": 0.57]),
                                                "weighted": FakeReport(recalls: ["ring": 0.41])]
        let failed = claims[0].evaluate(swapped)
        XCTAssertFalse(failed.passed)
        XCTAssertEqual(failed.message,
                       #"expectation failed: results["weighted"].recall("ring") > results["plain"].recall("ring") + 0.1 (got 0.410 vs 0.570 + 0.100)"#)
        let d = failed.diagnostic(path: "Lessons/x.md", at: claims[0].location)
        XCTAssertEqual(d.location, SourceLocation(line: 14, column: 1))

        // A diverged run flips the Boolean claim; a missing report fails with a reason.
        XCTAssertFalse(claims[2].evaluate(["plain": FakeReport(diverged: true), "weighted": FakeReport()]).passed)
        XCTAssertEqual(claims[0].evaluate(["plain": FakeReport()]).actual, "run 'weighted' has no results")
    }

    /// A comment starting "Sanity check" marks the claims after it, up to the next comment.
    func testSanityChecksAreMarkedByTheirComment() throws {
        let claims = try expectations("""
        // Sanity checks (true by construction): the same weights
        // rank the same way.
        expect(results["weighted"].macroF1 >= 0)
        expect(results["plain"].macroF1 >= 0)
        // A claim.
        expect(results["weighted"].macroF1 > results["plain"].macroF1)
        expect(results["weighted"].microF1 > results["plain"].microF1)
        /* sanity check: a block comment counts too */
        expect(results["plain"].microF1 <= 1)
        """)
        XCTAssertEqual(claims.map(\.sanityCheck), [true, true, false, false, true])
    }

    /// The page says in words which claims are sanity checks.
    func testTheClaimsBoxNamesSanityChecks() {
        let records = [ResultsDocument.ExpectationRecord(line: 3, column: 1, source: "a == b", passed: true, detail: "", sanityCheck: true),
                       ResultsDocument.ExpectationRecord(line: 4, column: 1, source: "a > b", passed: true, detail: "")]
        let html = ExpectationBox(records: records).html()
        XCTAssertEqual(html.components(separatedBy: "sanity check, true by construction:").count - 1, 1)
        XCTAssertTrue(html.contains("sanity check, true by construction:</span> <code>a == b</code>"), html)
    }

    /// F4: a divergence that a held claim states is expected; any other still fails the lesson.
    func testAClaimOnDivergedMakesThatDivergenceExpected() throws {
        let claims = try expectations("""
        expect(results["plain"].diverged, inAtLeast: 1)
        expect(!results["weighted"].diverged)
        expect(results["weighted"].diverged || results["plain"].macroF1 > 0.5)
        """)
        XCTAssertEqual(claims.map(\.expectedDivergences), [["plain"], [], ["weighted"]])
        func result(_ name: String, _ outcome: RunOutcome) -> RunResult {
            RunResult(name: name, labels: [], history: [], outcome: outcome, thresholds: nil, metrics: nil,
                      timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        }
        var outcome = LessonRunOutcome(comparisons: [], warnings: [], trainedCount: 0, cachedCount: 0)
        outcome.expectedToDiverge = ["plain"]
        XCTAssertFalse(outcome.isFailure(result("plain", .diverged(epoch: 1, step: 2, hint: "h"))))
        XCTAssertTrue(outcome.isFailure(result("plain", .failed(message: "m"))), "a run that could not train still fails")
        XCTAssertTrue(outcome.isFailure(result("weighted", .diverged(epoch: 1, step: 2, hint: "h"))), "no claim expects this one")
    }
}
