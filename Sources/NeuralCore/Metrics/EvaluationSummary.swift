/// Every headline metric of one evaluation, computed once so training history, result
/// tables and expectations read the same numbers.
public struct EvaluationSummary: Sendable, Equatable {
    public var precision: [Double], recall: [Double], f1: [Double], averagePrecision: [Double]
    public var support: [Int]
    public var macroF1: Double, microF1: Double, samplesF1: Double
    public var macroPrecision: Double, macroRecall: Double
    public var subsetAccuracy: Double, hammingLoss: Double
    /// Macro average precision (labels without positives count as 0).
    public var meanAveragePrecision: Double
    public var microAveragePrecision: Double
    /// Macro ROC-AUC over labels with both values; nil if there are none.
    public var rocAUC: Double?
    public var rocAUCSkippedLabels: [Int]
    /// Per-label ROC-AUC; nil for labels with one value only.
    public var rocAUCPerLabel: [Double?]
    public var labelRankingAveragePrecision: Double
    public var coverageError: Double

    /// - Parameters: `scores` are probabilities (or any monotone scores), `predictions` multi-hot.
    public init(yTrue: Tensor, scores: Tensor, predictions: Tensor, zeroDivision: Double = 0) {
        precision = Metrics.precisionPerLabel(yTrue: yTrue, yPred: predictions, zeroDivision: zeroDivision)
        recall = Metrics.recallPerLabel(yTrue: yTrue, yPred: predictions, zeroDivision: zeroDivision)
        f1 = Metrics.f1PerLabel(yTrue: yTrue, yPred: predictions, zeroDivision: zeroDivision)
        averagePrecision = Metrics.averagePrecisionPerLabel(yTrue: yTrue, yScore: scores)
        support = Metrics.counts(yTrue: yTrue, yPred: predictions).support
        macroF1 = f1.isEmpty ? 0 : f1.reduce(0, +) / Double(f1.count)
        microF1 = Metrics.f1(yTrue: yTrue, yPred: predictions, average: .micro, zeroDivision: zeroDivision)
        samplesF1 = Metrics.f1(yTrue: yTrue, yPred: predictions, average: .samples, zeroDivision: zeroDivision)
        macroPrecision = precision.isEmpty ? 0 : precision.reduce(0, +) / Double(precision.count)
        macroRecall = recall.isEmpty ? 0 : recall.reduce(0, +) / Double(recall.count)
        subsetAccuracy = Metrics.subsetAccuracy(yTrue: yTrue, yPred: predictions)
        hammingLoss = Metrics.hammingLoss(yTrue: yTrue, yPred: predictions)
        meanAveragePrecision = averagePrecision.isEmpty ? 0 : averagePrecision.reduce(0, +) / Double(averagePrecision.count)
        microAveragePrecision = Metrics.averagePrecision(yTrue: yTrue, yScore: scores, average: .micro)
        let auc = Metrics.rocAUC(yTrue: yTrue, yScore: scores, average: .macro)
        rocAUC = auc.value
        rocAUCSkippedLabels = auc.skippedLabels
        rocAUCPerLabel = auc.perLabel
        labelRankingAveragePrecision = Metrics.labelRankingAveragePrecision(yTrue: yTrue, yScore: scores)
        coverageError = Metrics.coverageError(yTrue: yTrue, yScore: scores)
    }
}
