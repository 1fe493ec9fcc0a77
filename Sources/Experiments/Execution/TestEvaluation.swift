import NeuralCore

/// Measures a trained model's probabilities and predictions on the test split:
/// every metric of the catalogs, plus what the page draws (precision–recall
/// curves, reliability bins).
enum TestEvaluation {
    /// Curves are thinned by recall to at most this many steps (cells of recall 1/50),
    /// keeping their area, the AP, exactly; a label with at most 50 positives keeps every step.
    static let curveRecallCells = 50

    static func metrics(truth: Tensor, probabilities: Tensor, predictions: Tensor, labels: [String],
                        history: [EpochSummary] = [], steps: Int = 0, train: TrainSplit? = nil) -> TestMetrics {
        let measurement = TestMeasurement(truth: truth, probabilities: probabilities, predictions: predictions, labels: labels,
                                          history: history, steps: steps, train: train)
        var values: [String: Double] = [:]
        for metric in MetricCatalog.all { values[metric.name] = metric.value(of: measurement) }
        let perLabel = labels.indices.map { c in
            var values: [String: Double] = [:]
            for metric in LabelMetricCatalog.all { values[metric.name] = metric.value(of: measurement, label: c) }
            return LabelMetrics(label: labels[c], values: values, support: measurement.summary.support[c])
        }
        let curves = labels.indices.map { c -> PrecisionRecallCurve in
            let steps = Metrics.precisionRecallSteps(truth: ThresholdSelection.column(truth, c).map { $0 > 0.5 },
                                                     scores: ThresholdSelection.column(probabilities, c).map(Double.init))
            let kept = Metrics.thinByRecall(steps, cells: curveRecallCells)
            return PrecisionRecallCurve(label: labels[c], recall: kept.map { $0.recall }, precision: kept.map { $0.precision })
        }
        let reliability = measurement.reliabilityBins.map {
            ReliabilityBin(lower: $0.lower, upper: $0.upper, meanConfidence: $0.meanProbability,
                           observedFrequency: $0.fractionPositive, count: $0.count)
        }
        return TestMetrics(values: values, perLabel: perLabel, precisionRecallCurves: curves, reliability: reliability,
                           testCount: truth.shape[0])
    }
}
