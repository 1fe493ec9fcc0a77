import NeuralCore

/// Measures a trained model's probabilities and predictions on the test split
/// with NeuralCore's scikit-learn-exact metrics, plus what the page draws:
/// precision–recall curves, reliability bins, and metrics on the images with
/// two or more true labels (where a softmax head must fail).
enum TestEvaluation {
    /// Curves keep at most this many points (evenly spread over the curve).
    static let maxCurvePoints = 41

    static func metrics(truth: Tensor, probabilities: Tensor, predictions: Tensor, labels: [String]) -> TestMetrics {
        let summary = EvaluationSummary(yTrue: truth, scores: probabilities, predictions: predictions)
        let l = truth.shape[1], n = truth.shape[0]
        let perLabel = labels.indices.map { c in
            LabelMetrics(label: labels[c], precision: summary.precision[c], recall: summary.recall[c], f1: summary.f1[c],
                         averagePrecision: summary.averagePrecision[c], rocAUC: summary.rocAUCPerLabel[c],
                         support: summary.support[c])
        }
        let curves = labels.indices.map { c -> PrecisionRecallCurve in
            let points = Metrics.precisionRecallCurve(truth: ThresholdSelection.column(truth, c).map { $0 > 0.5 },
                                                      scores: ThresholdSelection.column(probabilities, c).map(Double.init))
            let kept = thin(points)
            return PrecisionRecallCurve(label: labels[c], recall: kept.map(\.recall), precision: kept.map(\.precision))
        }
        let bins = Metrics.reliabilityBins(truth: truth.storage.map { $0 > 0.5 },
                                           probabilities: probabilities.storage.map(Double.init), bins: 10)
        let reliability = bins.map {
            ReliabilityBin(lower: $0.lower, upper: $0.upper, meanConfidence: $0.meanProbability,
                           observedFrequency: $0.fractionPositive, count: $0.count)
        }
        let multi = multiLabelMetrics(truth: truth, predictions: predictions, n: n, l: l)
        return TestMetrics(macroF1: summary.macroF1, microF1: summary.microF1, samplesF1: summary.samplesF1,
                           subsetAccuracy: summary.subsetAccuracy, hammingLoss: summary.hammingLoss,
                           meanAveragePrecision: summary.meanAveragePrecision, macroROCAUC: summary.rocAUC,
                           multiLabelRecall: multi.recall, multiLabelSubsetAccuracy: multi.subsetAccuracy,
                           expectedCalibrationError: Metrics.expectedCalibrationError(bins),
                           perLabel: perLabel, precisionRecallCurves: curves, reliability: reliability, testCount: n)
    }

    /// Micro recall and subset accuracy over rows with ≥2 true labels (0 when there are none).
    static func multiLabelMetrics(truth: Tensor, predictions: Tensor, n: Int, l: Int) -> (recall: Double, subsetAccuracy: Double) {
        var rows = 0, exact = 0, truePositives = 0, positives = 0
        for i in 0..<n {
            let t = (0..<l).map { truth.storage[i * l + $0] > 0.5 }
            guard t.filter({ $0 }).count >= 2 else { continue }
            let p = (0..<l).map { predictions.storage[i * l + $0] > 0.5 }
            rows += 1
            if t == p { exact += 1 }
            for c in 0..<l where t[c] { positives += 1; if p[c] { truePositives += 1 } }
        }
        return (positives == 0 ? 0 : Double(truePositives) / Double(positives), rows == 0 ? 0 : Double(exact) / Double(rows))
    }

    /// Keeps the first and last points and an even spread in between.
    static func thin<Point>(_ points: [Point]) -> [Point] {
        guard points.count > maxCurvePoints else { return points }
        let last = points.count - 1
        return (0..<maxCurvePoints).map { points[$0 * last / (maxCurvePoints - 1)] }
    }
}
