import XCTest
import NeuralCore
@testable import Experiments

final class ExecutionThresholdTests: XCTestCase {
    /// F1 of predicting `score > threshold`, counted directly.
    private func f1(_ truth: [Bool], _ scores: [Float], _ threshold: Double) -> Double {
        var tp = 0, fp = 0, fn = 0
        for (t, s) in zip(truth, scores) {
            let p = Double(s) > threshold
            if p && t { tp += 1 } else if p { fp += 1 } else if t { fn += 1 }
        }
        return tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
    }

    func testTunedThresholdReachesTheBestF1OfAnyThreshold() {
        var rng = SeededRNG(seed: 7)
        for _ in 0..<50 {
            let n = 5 + rng.nextInt(below: 40)
            let truth = (0..<n).map { _ in rng.nextDouble() < 0.3 }
            // Coarse scores so ties occur.
            let scores = truth.map { t in Float((rng.nextDouble() * 0.6 + (t ? 0.3 : 0)) * 10).rounded() / 10 }
            guard truth.contains(true) else { continue }
            let chosen = ThresholdSelection.bestF1Threshold(truth: truth, scores: scores)
            let candidates = [-1.0] + scores.map(Double.init)
            let best = candidates.map { f1(truth, scores, $0) }.max()!
            XCTAssertEqual(f1(truth, scores, chosen), best, accuracy: 1e-12, "\(truth) \(scores) → \(chosen)")
        }
    }

    func testLabelWithoutPositivesKeepsOneHalf() {
        XCTAssertEqual(ThresholdSelection.bestF1Threshold(truth: [false, false], scores: [0.9, 0.1]), 0.5)
    }

    func testRulesGiveThresholdsAndPredictions() {
        let probabilities = Tensor(shape: [2, 3], storage: [0.9, 0.6, 0.1, 0.2, 0.5, 0.7])
        XCTAssertEqual(ThresholdSelection.thresholds(.fixed(0.5), labelCount: 3, validationTruth: nil, validationProbabilities: nil),
                       [0.5, 0.5, 0.5])
        XCTAssertNil(ThresholdSelection.thresholds(.topK(1), labelCount: 3, validationTruth: nil, validationProbabilities: nil))
        let strict = ThresholdSelection.predictions(.fixed(0.5), probabilities: probabilities, thresholds: [0.5, 0.5, 0.5])
        XCTAssertEqual(strict.storage, [1, 1, 0, 0, 0, 1], "a label is predicted when p > threshold, strictly")
        let top = ThresholdSelection.predictions(.topK(1), probabilities: probabilities, thresholds: nil)
        XCTAssertEqual(top.storage, [1, 0, 0, 0, 0, 1])
    }

    func testMultiLabelMetricsCountOnlyImagesWithTwoOrMoreLabels() {
        let truth = Tensor(shape: [3, 3], storage: [1, 1, 0, /* */ 1, 0, 0, /* */ 1, 1, 1])
        let predictions = Tensor(shape: [3, 3], storage: [1, 1, 0, /* */ 0, 0, 0, /* */ 1, 0, 0])
        let m = TestMeasurement.multiLabelScores(truth: truth, predictions: predictions)
        XCTAssertEqual(m.recall, 3.0 / 5.0, accuracy: 1e-12)
        XCTAssertEqual(m.subsetAccuracy, 0.5, accuracy: 1e-12)
    }

    func testStoredCurvesHaveTheirLabelsAPAsArea() {
        var rng = SeededRNG(seed: 9)
        let n = 2000, prevalence: [Float] = [0.4, 0.02]
        let truthValues = (0..<n).flatMap { _ in prevalence.map { rng.nextFloat() < $0 ? Float(1) : 0 } }
        let probabilities = truthValues.map { t in min(1, rng.nextFloat() * 0.7 + t * 0.3) }
        let truth = Tensor(shape: [n, 2], storage: truthValues), scores = Tensor(shape: [n, 2], storage: probabilities)
        let predicted = Tensor(shape: [n, 2], storage: probabilities.map { $0 > 0.5 ? 1 : 0 })
        let m = TestEvaluation.metrics(truth: truth, probabilities: scores, predictions: predicted, labels: ["common", "rare"])
        for (curve, label) in zip(m.precisionRecallCurves, m.perLabel) {
            XCTAssertEqual(curve.stepArea, label.values["averagePrecision"]!, accuracy: 1e-9, curve.label)
            XCTAssertLessThanOrEqual(curve.recall.count, TestEvaluation.curveRecallCells)
        }
    }
}

final class ExecutionCompareTests: XCTestCase {
    func testExportedProgramsGetResultsThroughTheNotebook() throws {
        let notebook = Notebook()
        CompareExecutor.install(on: notebook)
        let shapes = Shapes(labels: ["circle", "square"], prevalence: [0.5, 0.4], size: 16, train: 64, validation: 0, test: 32, seed: 2)
        notebook.record(Compare(title: "t", dataset: shapes.source,
                                runs: [Run("a", model: MLP(hidden: [4]), epochs: 1, batchSize: 16, seed: 1)]))
        let report = notebook.report(named: "a")
        XCTAssertFalse(report.diverged)
        XCTAssertTrue(report.macroF1.isFinite)
        XCTAssertEqual((report as? RunSeries)?.results[0].metrics?.testCount, 32)
    }
}
