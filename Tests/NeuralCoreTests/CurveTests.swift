import XCTest
@testable import NeuralCore

/// Curve points, cross-checked against the scalar metrics they must integrate to.
final class CurveTests: XCTestCase {
    private let truth = [true, false, true, true, false, false, true, false]
    private let scores = [0.9, 0.8, 0.8, 0.6, 0.4, 0.4, 0.3, 0.1]   // ties at 0.8 and 0.4

    func testPRCurvePointsAndAP() {
        let pr = Metrics.precisionRecallCurve(truth: truth, scores: scores)
        XCTAssertEqual(pr.map(\.threshold), [0.9, 0.8, 0.6, 0.4, 0.3, 0.1], "one point per distinct score")
        XCTAssertEqual(pr[1].precision, 2.0 / 3); XCTAssertEqual(pr[1].recall, 0.5)
        var ap = 0.0, previous = 0.0
        for p in pr { ap += (p.recall - previous) * p.precision; previous = p.recall }
        XCTAssertEqual(ap, Metrics.averagePrecision(truth: truth, scores: scores), accuracy: 1e-15)
        XCTAssertEqual(ap, 0.25 * 1 + 0.25 * 2 / 3 + 0.25 * 3 / 4 + 0.25 * 4 / 7, accuracy: 1e-15)
    }

    func testPRStepsAndTheirRecallThinningKeepTheAPExactly() {
        let steps = Metrics.precisionRecallSteps(truth: truth, scores: scores)
        XCTAssertEqual(steps.map(\.recall), [0.25, 0.5, 0.75, 1], "one point per rise in recall")
        XCTAssertEqual(steps.map(\.precision), [1, 2.0 / 3, 3.0 / 4, 4.0 / 7])
        func area(_ points: [Metrics.PRPoint]) -> Double {
            var a = 0.0, previous = 0.0
            for p in points { a += (p.recall - previous) * p.precision; previous = p.recall }
            return a
        }
        // A large, rare-and-common mix with ties: thinning by recall keeps the area to 1e-12.
        var rng = SeededRNG(seed: 5)
        for prevalence in [0.01, 0.4] {
            let t = (0..<3000).map { _ in rng.nextFloat() < Float(prevalence) }
            let s = t.map { Double(Int((rng.nextFloat() * 0.7 + ($0 ? 0.3 : 0)) * 400)) / 400 }
            let ap = Metrics.averagePrecision(truth: t, scores: s)
            let all = Metrics.precisionRecallSteps(truth: t, scores: s)
            XCTAssertEqual(area(all), ap, accuracy: 1e-12)
            let thin = Metrics.thinByRecall(all, cells: 50)
            XCTAssertEqual(area(thin), ap, accuracy: 1e-12)
            XCTAssertLessThanOrEqual(thin.count, 50)
            XCTAssertEqual(thin.last?.recall, 1)
            if all.count <= 50 { XCTAssertEqual(thin, all, "steps wider than a cell are all kept") }
            // Each kept step ends where an original one ends: recall is never invented.
            XCTAssertTrue(thin.allSatisfy { k in all.contains { $0.recall == k.recall } })
        }
        XCTAssertEqual(Metrics.thinByRecall([], cells: 10), [])
    }

    func testROCCurveTrapezoidEqualsAUC() {
        let roc = Metrics.rocCurve(truth: truth, scores: scores)
        XCTAssertEqual(roc.first?.truePositiveRate, 0)
        XCTAssertEqual(roc.last?.falsePositiveRate, 1); XCTAssertEqual(roc.last?.truePositiveRate, 1)
        var area = 0.0
        for (a, b) in zip(roc, roc.dropFirst()) {
            area += (b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate) / 2
        }
        XCTAssertEqual(area, Metrics.rocAUC(truth: truth, scores: scores)!, accuracy: 1e-15)
        XCTAssertNil(Metrics.rocAUC(truth: [true, true], scores: [0.1, 0.2]))
    }

    func testReliabilityBins() {
        let bins = Metrics.reliabilityBins(truth: [true, false, true, true], probabilities: [0.05, 0.15, 0.95, 1.0], bins: 10)
        XCTAssertEqual(bins.count, 10)
        XCTAssertEqual(bins[0].count, 1); XCTAssertEqual(bins[1].count, 1); XCTAssertEqual(bins[9].count, 2, "1.0 falls in the last bin")
        XCTAssertEqual(bins[9].meanProbability, 0.975, accuracy: 1e-12)
        XCTAssertEqual(bins[9].fractionPositive, 1)
        XCTAssertEqual(Metrics.expectedCalibrationError(bins), (0.95 + 0.15 + 0.025 * 2) / 4, accuracy: 1e-12)
    }
}

final class ThresholdTuningTests: XCTestCase {
    func testBestF1ThresholdReproducesItsF1UnderTheStrictRule() {
        var rng = SeededRNG(seed: 31)
        let n = 200
        let truth = (0..<n).map { _ in rng.nextFloat() < 0.2 }
        // Scores correlated with the truth, on a coarse grid so there are many ties.
        let scores = truth.map { t -> Float in (Float(Int((rng.nextFloat() * 0.6 + (t ? 0.35 : 0)) * 20)) / 20) }
        let tuned = Metrics.bestF1Threshold(truth: truth, scores: scores)
        let yTrue = Tensor(shape: [n, 1], storage: truth.map { $0 ? 1 : 0 })
        let yScore = Tensor(shape: [n, 1], storage: scores)
        let predicted = OutputHead.threshold(yScore, thresholds: [tuned.threshold])
        XCTAssertEqual(Metrics.f1(yTrue: yTrue, yPred: predicted, average: .macro), tuned.f1, accuracy: 1e-12)
        // No other threshold on the grid does better.
        for t in stride(from: Float(-0.05), through: 1, by: 0.025) {
            let f1 = Metrics.f1(yTrue: yTrue, yPred: OutputHead.threshold(yScore, thresholds: [t]), average: .macro)
            XCTAssertLessThanOrEqual(f1, tuned.f1 + 1e-12, "threshold \(t)")
        }
        XCTAssertEqual(Metrics.bestF1Threshold(truth: [false, false], scores: [0.2, 0.7]).f1, 0)
    }

    func testBalancedClassWeights() throws {
        let labels = Tensor(shape: [4, 2], storage: [1, 0, 1, 0, 1, 0, 0, 1])
        XCTAssertEqual(try ClassWeighting.balanced.resolve(labels: labels), [Float(4.0 / 6), 2])
        XCTAssertThrowsError(try ClassWeighting.balanced.resolve(labels: Tensor(zeros: [2, 2]), labelNames: ["a", "b"]))
    }
}
