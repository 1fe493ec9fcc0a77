import Experiments
import PlanCore
@testable import LessonKit
@testable import ResultsRendering
import Foundation
import XCTest

/// `results["a"].validationLoss(atEpoch: k)` and `.trainLoss(atEpoch: k)`: a point of the
/// loss curves in claims, sweeps and the claimed chart; epochs out of range are located
/// errors, and an epoch a seed never reached (early stopping, divergence) fails that seed
/// and says why.
final class EvaluationEpochClaimsTests: XCTestCase {
    private func lesson(_ claims: String, parameters: String = "let k = 4") -> String {
        EvaluationFixture.blocks([
            ("parameters", parameters),
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("plain", epochs: 8), Run("base", model: PrevalenceBaseline())])"#),
            ("expect", claims),
        ])
    }

    func testEpochValuesAreClaimedAndSpelledAsWritten() throws {
        let source = lesson("""
        expect(results["plain"].validationLoss(atEpoch: 2) > results["plain"].validationLoss(atEpoch: k) + 0.1)
        expect(results["plain"].trainLoss(atEpoch: 2), approximately: 0.5, tolerance: 0.001)
        expect(results["plain"].validationLoss > 0)
        """)
        let claims = try EvaluationFixture.plan(source).expectations
        let report: [String: any RunReport] = ["plain": FakeReport(values: ["validationLoss": 0.2])]
        XCTAssertEqual(claims.map { $0.evaluate(report).passed }, [true, true, true])
        XCTAssertEqual(claims[0].evaluate(report).actual, "got 0.600 vs 0.350 + 0.100")
        XCTAssertEqual(claims[0].comparedValues(report).map(\.left), [#"results["plain"].validationLoss(atEpoch: 2)"#])
        // The epoch read from a parameter is a slot of the plan: --set moves it; plan.json keeps it.
        let moved = try EvaluationFixture.plan(source, overrides: ["k": "6"]).expectations
        guard case .condition(.comparison(_, _, .binary(_, .epochMetric(let run, let metric, let epoch), _))) = moved[0].check else {
            return XCTFail("\(moved[0].check)")
        }
        XCTAssertEqual([run, metric], ["plain", "validationLoss"])
        XCTAssertEqual(epoch, .constant(6))
        let q = Quantity.epochMetric(run: run, metric: metric, epoch: .parameter(PlanNode(.parameter("k"), kind: .int, location: SourceLocation(line: 1, column: 1)), 4))
        XCTAssertEqual(try Quantity(planJSON: q.planJSON), q)
        XCTAssertEqual(q.resolved { _ in 6 }, .epochMetric(run: run, metric: metric, epoch: .constant(6)))
    }

    func testAnEpochTrainingNeverReachedFailsAndSaysWhy() throws {
        let claims = try EvaluationFixture.plan(lesson("""
        expect(results["plain"].validationLoss(atEpoch: 6) < 1)
        """)).expectations
        let stopped = claims[0].evaluate(["plain": FakeReport(epochsTrained: 5)])
        XCTAssertFalse(stopped.passed)
        XCTAssertEqual(stopped.actual, "got nan vs 1.000; 'plain' stopped after epoch 5, before epoch 6")
        XCTAssertTrue(claims[0].evaluate(["plain": FakeReport(epochsTrained: 8)]).passed)

        // Per seed: the seed that stopped early fails, named with its reason.
        func result(_ epochs: Int) -> RunResult {
            RunResult(name: "plain", labels: ["a"], history: (1...epochs).map { EpochSummary(epoch: $0, trainLoss: 0.5, validationLoss: 0.4) },
                      outcome: .completed, thresholds: nil, metrics: nil, timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        }
        var perSeed = claims[0]
        perSeed.inAtLeast = 2
        let outcome = perSeed.evaluate(["plain": RunSeries(name: "plain", seeds: [1, 2], results: [result(8), result(5)])])
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.actual, "held in 1 of 2 seeds, needs 2; failed in seed 2")
        XCTAssertEqual(outcome.seeds?.map(\.detail), ["got 0.400 vs 1.000", "got nan vs 1.000; 'plain' stopped after epoch 5, before epoch 6"])
    }

    func testEpochsOutOfRangeAndMisspeltReadsAreLocatedErrors() throws {
        let d = try EvaluationFixture.diagnostics(lesson("""
        expect(results["plain"].validationLoss(atEpoch: 9) > 0)
        expect(results["plain"].trainLoss(atEpoch: 0) > 0)
        expect(results["plain"].trainLoss > 0)
        expect(results["plain"].validationLoss(3) > 0)
        expect(results["base"].trainLoss(atEpoch: 1) > 0)
        expect(results["plain"].trainLoss(atEpoch: k) > 0)
        """), overrides: ["k": "12"])
        XCTAssertEqual(d, [
            "20:49: epoch must be 1...8 (run 'plain' trains 8 epochs), got 9",
            "21:44: epoch must be 1...8 (run 'plain' trains 8 epochs), got 0",
            "22:25: 'trainLoss' needs an epoch: write '.trainLoss(atEpoch: 1)'",
            "23:8: 'validationLoss' takes one epoch, e.g. '.validationLoss(atEpoch: 1)'",
            "24:43: run 'base' does not train, so it has no epochs",
            "25:44: epoch must be 1...8 (run 'plain' trains 8 epochs), got 12 (k is set by --set k=12)",
        ])
    }

    func testSweepsAndTheClaimedChartReadEpochValues() throws {
        let plan = try EvaluationFixture.plan(EvaluationFixture.blocks([
            ("parameters", "let epochs = 3"),
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("plain", epochs: epochs)])"#),
            ("experiment", #"Sweep("s", parameter: "epochs", values: [2, 4], runs: ["plain"], metrics: [.validationLoss(atEpoch: 2), .validationLoss])"#),
        ]))
        let metrics = try XCTUnwrap(plan.sweeps.first?.sweep.metrics)
        XCTAssertEqual(metrics, [SweepMetric(name: "validationLoss", label: nil, epoch: 2), SweepMetric(\.validationLoss)])
        XCTAssertEqual(metrics.map(\.title), ["validation loss at epoch 2", "validation loss"])
        XCTAssertEqual(metrics[0].read(FakeReport()), 0.6, accuracy: 1e-12)
        // The page context keeps the epoch (and a metric without one keeps its old bytes).
        XCTAssertEqual(try JSONDecoder().decode(SweepMetric.self, from: JSONEncoder().encode(metrics[0])), metrics[0])
        XCTAssertFalse(String(decoding: try JSONEncoder().encode(metrics[1]), as: UTF8.self).contains("epoch"))

        let claimed = ClaimedMetric.read(in: [#"results["plain"].validationLoss(atEpoch: 25) > results["plain"].minValidationLoss"#,
                                              #"results["plain"].trainLoss(atEpoch: k) < 1"#], runs: ["plain"])
        XCTAssertEqual(claimed, [ClaimedMetric(name: "validationLoss", epoch: 25), ClaimedMetric(name: "minValidationLoss")])
        XCTAssertEqual(claimed[0].title, "validation loss at epoch 25")
    }
}
