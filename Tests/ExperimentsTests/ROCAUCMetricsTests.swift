import XCTest
import NeuralCore
@testable import Experiments

/// Per-label and macro ROC-AUC of a run's test metrics, against scikit-learn's `roc_auc_score`
/// written as its definition: the share of (positive, negative) pairs ordered correctly, ties ½.
final class ROCAUCMetricsTests: XCTestCase {
    private func pairwiseAUC(_ truth: [Bool], _ scores: [Float]) -> Double {
        var wins = 0.0, pairs = 0.0
        for (t, s) in zip(truth, scores) where t {
            for (u, r) in zip(truth, scores) where !u {
                pairs += 1
                wins += s > r ? 1 : (s == r ? 0.5 : 0)
            }
        }
        return wins / pairs
    }

    func testScikitLearnsDocumentedExample() throws {
        // sklearn docs: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        let m = TestEvaluation.metrics(truth: Tensor(shape: [4, 1], storage: [0, 0, 1, 1]),
                                       probabilities: Tensor(shape: [4, 1], storage: [0.1, 0.4, 0.35, 0.8]),
                                       predictions: Tensor(shape: [4, 1], storage: [0, 0, 0, 1]), labels: ["x"])
        XCTAssertEqual(try XCTUnwrap(m.perLabel[0].rocAUC), 0.75, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.macroROCAUC), 0.75, accuracy: 1e-12)
    }

    func testRandomLabelsWithTiesMatchThePairCount() throws {
        var rng = SeededRNG(seed: 11)
        let n = 60, l = 3
        let truth: [Float] = (0..<(n * l)).map { _ in rng.nextDouble() < 0.3 ? 1 : 0 }
        // Scores on a coarse grid so ties between positives and negatives occur.
        let scores: [Float] = (0..<(n * l)).map { _ in Float((rng.nextDouble() * 10).rounded()) / 10 }
        let m = TestEvaluation.metrics(truth: Tensor(shape: [n, l], storage: truth),
                                       probabilities: Tensor(shape: [n, l], storage: scores),
                                       predictions: Tensor(shape: [n, l], storage: scores.map { $0 > 0.5 ? 1 : 0 }),
                                       labels: ["a", "b", "c"])
        var expected: [Double] = []
        for c in 0..<l {
            let t = (0..<n).map { truth[$0 * l + c] > 0.5 }, s = (0..<n).map { scores[$0 * l + c] }
            expected.append(pairwiseAUC(t, s))
            XCTAssertEqual(try XCTUnwrap(m.perLabel[c].rocAUC), expected[c], accuracy: 1e-12)
        }
        XCTAssertEqual(try XCTUnwrap(m.macroROCAUC), expected.reduce(0, +) / Double(l), accuracy: 1e-12)
    }

    func testALabelWithOneValueHasNoAUCAndLeavesTheMacroMean() throws {
        // Label b has no positive in the test split: sklearn raises for it.
        let m = TestEvaluation.metrics(truth: Tensor(shape: [3, 2], storage: [1, 0, 0, 0, 1, 0]),
                                       probabilities: Tensor(shape: [3, 2], storage: [0.9, 0.2, 0.1, 0.7, 0.3, 0.4]),
                                       predictions: Tensor(shape: [3, 2], storage: [1, 0, 0, 1, 0, 0]), labels: ["a", "b"])
        XCTAssertNil(m.perLabel[1].values["rocAUC"])
        XCTAssertNil(m.perLabel[1].rocAUC)
        XCTAssertEqual(try XCTUnwrap(m.perLabel[0].rocAUC), 1.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.macroROCAUC), 1.0, accuracy: 1e-12)
    }

    func testExpectBlocksCanReadIt() throws {
        let result = RunResult(
            name: "r", labels: ["a"], history: [], outcome: .completed, thresholds: [0.5],
            metrics: TestEvaluation.metrics(truth: Tensor(shape: [4, 1], storage: [0, 0, 1, 1]),
                                            probabilities: Tensor(shape: [4, 1], storage: [0.1, 0.4, 0.35, 0.8]),
                                            predictions: Tensor(shape: [4, 1], storage: [0, 0, 0, 1]), labels: ["a"]),
            timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        XCTAssertEqual(try XCTUnwrap(ReportMetric.named("rocAUC")).read(result, "a"), 0.75, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(ReportMetric.named("macroROCAUC")).read(result, nil), 0.75, accuracy: 1e-12)
        XCTAssertTrue(try XCTUnwrap(ReportMetric.named("rocAUC")).read(result, "missing").isNaN)
    }
}
