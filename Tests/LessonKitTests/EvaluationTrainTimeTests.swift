import Experiments
import Foundation
@testable import LessonKit
import PortableJSON
@testable import ResultsRendering
import XCTest

/// `results["a"].trainSeconds`: training time in claims, sweeps and the claimed chart,
/// read from the result's timings only, so it never reaches a cache key, the catalogs'
/// tables, `--diff` or what `lessons verify` compares.
final class EvaluationTrainTimeTests: XCTestCase {
    private func result(seconds: Double) -> RunResult {
        RunResult(name: "a", labels: ["x"], history: [EpochSummary(epoch: 1, trainLoss: 0.5, validationLoss: nil)], outcome: .completed,
                  thresholds: nil, metrics: nil, timings: RunTimings(trainSeconds: seconds, evaluateSeconds: 0.1))
    }

    func testClaimsReadTheTimeAndSeedsPairIt() throws {
        let claims = try EvaluationFixture.plan(EvaluationFixture.blocks([
            ("experiment", #"Compare("t", on: Shapes(), seeds: 2, runs: [Run("a"), Run("b")])"#),
            ("expect", """
            expect(results["a"].trainSeconds < results["b"].trainSeconds / 2)
            expect(results["a"].trainSeconds < 1.5, inAtLeast: 1)
            """),
        ])).expectations
        XCTAssertTrue(claims[0].evaluate(["a": FakeReport(trainSeconds: 0.9), "b": FakeReport(trainSeconds: 2)]).passed)
        XCTAssertFalse(claims[0].evaluate(["a": FakeReport(trainSeconds: 1.1), "b": FakeReport(trainSeconds: 2)]).passed)
        let series = RunSeries(name: "a", seeds: [1, 2], results: [result(seconds: 1), result(seconds: 3)])
        XCTAssertEqual(series.trainSeconds, 2, "a multi-seed run reads as its mean")
        let perSeed = claims[1].evaluate(["a": series])
        XCTAssertTrue(perSeed.passed)
        XCTAssertEqual(perSeed.seeds?.map(\.detail), ["got 1.000 vs 1.500", "got 3.000 vs 1.500"])
        XCTAssertTrue(ReportMetric.named("trainSeconds")!.doc.contains("Machine-dependent"))
    }

    func testSweepsAndTheClaimedChartReadItAndTheCatalogsDoNot() throws {
        let plan = try EvaluationFixture.plan(EvaluationFixture.blocks([
            ("parameters", "let batch = 32"),
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("a", batchSize: batch)])"#),
            ("experiment", #"Sweep("s", parameter: "batch", values: [8, 64], runs: ["a"], metrics: [.trainSeconds, .macroF1])"#),
        ]))
        let metric = try XCTUnwrap(plan.sweeps.first?.sweep.metrics?.first)
        XCTAssertEqual(metric.title, "training time (s)")
        XCTAssertEqual(metric.read(result(seconds: 4.25)), 4.25)
        let claimed = ClaimedMetric.read(in: [#"results["a"].trainSeconds > 1"#], runs: ["a"])
        XCTAssertEqual(claimed.map(\.title), ["training time (s)"])
        let charts = ResultCharts(runs: [result(seconds: 1)], labels: ["x"], id: "c", aggregates: [nil],
                                  seedResults: [[result(seconds: 1)]])
        XCTAssertEqual(charts.seedValues(claimed[0], run: 0).values, [1])

        // Time lives in `timings` alone: not a catalog metric, not aggregated, and verify skips it.
        XCTAssertNil(MetricCatalog.named("trainSeconds"))
        XCTAssertFalse(RunAggregate.metricNames.contains("trainSeconds"))
        let fast = try JSONValue(parsing: Array(JSONEncoder().encode(result(seconds: 1))))
        let slow = try JSONValue(parsing: Array(JSONEncoder().encode(result(seconds: 9))))
        XCTAssertNil(ResultDifference.first(expected: fast, got: slow))
    }
}
