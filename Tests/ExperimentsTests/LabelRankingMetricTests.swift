import Foundation
import NeuralCore
import XCTest
@testable import Experiments

/// The label ranking average precision as a lesson metric: measured for every
/// run, equal to scikit-learn's `label_ranking_average_precision_score` on the
/// shared reference cases, and readable by `expect`, sweeps and aggregates.
final class LabelRankingMetricTests: XCTestCase {
    /// The library reference values the NeuralCore tests read too:
    /// `Tests/NeuralCoreTests/Fixtures/reference/losses-and-metrics.json` (provenance in its README).
    private func reference() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NeuralCoreTests/Fixtures/reference/losses-and-metrics.json")
        let data = try Data(contentsOf: url)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testMatchesScikitLearnOnTheReferenceCases() throws {
        let root = try reference()
        let inputs = try XCTUnwrap(root["inputs"] as? [String: [String: Any]])
        func tensor(_ name: String) throws -> Tensor {
            let a = try XCTUnwrap(inputs[name])
            return Tensor(shape: try XCTUnwrap(a["shape"] as? [Int]), storage: try XCTUnwrap(a["values"] as? [Double]).map(Float.init))
        }
        let cases = try XCTUnwrap(root["cases"] as? [[String: Any]]).filter {
            ($0["op"] as? String) == "sklearn.metrics.label_ranking_average_precision_score"
        }
        XCTAssertGreaterThanOrEqual(cases.count, 2)
        for c in cases {
            let arrays = try XCTUnwrap(c["arrays"] as? [String: String])
            let truth = try tensor(try XCTUnwrap(arrays["y_true"])), scores = try tensor(try XCTUnwrap(arrays["y_score"]))
            let expected = try XCTUnwrap(((c["output"] as? [String: Any])?["values"] as? [Double])?.first)
            let labels = (0..<truth.shape[1]).map { "l\($0)" }
            let m = TestEvaluation.metrics(truth: truth, probabilities: scores, predictions: truth, labels: labels)
            XCTAssertEqual(m.labelRankingAveragePrecision, expected, accuracy: 1e-9 * abs(expected) + 1e-12, c["id"] as? String ?? "")
            let result = RunResult(name: "r", labels: labels, history: [], outcome: .completed, thresholds: nil, metrics: m,
                                   timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
            XCTAssertEqual(result.labelRankingAveragePrecision, m.labelRankingAveragePrecision)
            XCTAssertEqual(ReportMetric.named("labelRankingAveragePrecision")?.read(result, nil), m.labelRankingAveragePrecision)
            let series = RunSeries(name: "r", seeds: [1, 2], results: [result, result])
            XCTAssertEqual(series.aggregate?.metrics["labelRankingAveragePrecision"]?.mean ?? .nan,
                           m.labelRankingAveragePrecision, accuracy: 1e-15)
        }
    }
}
