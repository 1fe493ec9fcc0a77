/// Metrics on the test split, scikit-learn definitions (see NeuralCore's metrics).
public struct TestMetrics: Codable, Hashable, Sendable {
    public var macroF1: Double
    public var microF1: Double
    public var samplesF1: Double
    /// `accuracy_score` on multi-label data: the whole label set must match.
    public var subsetAccuracy: Double
    public var hammingLoss: Double
    /// Macro mean of per-label average precision.
    public var meanAveragePrecision: Double
    /// Macro mean of per-label ROC-AUC over the labels with both values in the test split
    /// (scikit-learn raises for the others; they are left out); nil when no label has both.
    public var macroROCAUC: Double?
    /// Micro recall over test images with at least two true labels.
    public var multiLabelRecall: Double
    /// Subset accuracy over test images with at least two true labels.
    public var multiLabelSubsetAccuracy: Double
    public var expectedCalibrationError: Double
    public var perLabel: [LabelMetrics]
    /// Precision–recall curve points per label, in label order.
    public var precisionRecallCurves: [PrecisionRecallCurve]
    /// Reliability (calibration) bins over every label's probabilities.
    public var reliability: [ReliabilityBin]
    /// Number of test images measured.
    public var testCount: Int

    public init(macroF1: Double, microF1: Double, samplesF1: Double, subsetAccuracy: Double,
                hammingLoss: Double, meanAveragePrecision: Double, macroROCAUC: Double? = nil, multiLabelRecall: Double,
                multiLabelSubsetAccuracy: Double, expectedCalibrationError: Double,
                perLabel: [LabelMetrics], precisionRecallCurves: [PrecisionRecallCurve],
                reliability: [ReliabilityBin], testCount: Int) {
        self.macroF1 = macroF1
        self.microF1 = microF1
        self.samplesF1 = samplesF1
        self.subsetAccuracy = subsetAccuracy
        self.hammingLoss = hammingLoss
        self.meanAveragePrecision = meanAveragePrecision
        self.macroROCAUC = macroROCAUC
        self.multiLabelRecall = multiLabelRecall
        self.multiLabelSubsetAccuracy = multiLabelSubsetAccuracy
        self.expectedCalibrationError = expectedCalibrationError
        self.perLabel = perLabel
        self.precisionRecallCurves = precisionRecallCurves
        self.reliability = reliability
        self.testCount = testCount
    }
}

/// One label's test metrics at the run's threshold (zero_division 0).
public struct LabelMetrics: Codable, Hashable, Sendable {
    public var label: String
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Threshold-free: scikit-learn `average_precision_score` (0 with no positives).
    public var averagePrecision: Double
    /// Threshold-free: scikit-learn `roc_auc_score`; nil when the test split holds only
    /// one value of the label (scikit-learn raises).
    public var rocAUC: Double?
    /// Positives of this label in the test split.
    public var support: Int

    public init(label: String, precision: Double, recall: Double, f1: Double, averagePrecision: Double,
                rocAUC: Double? = nil, support: Int) {
        self.label = label
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.averagePrecision = averagePrecision
        self.rocAUC = rocAUC
        self.support = support
    }
}

/// A label's precision–recall curve (`precision_recall_curve` points, recall descending).
public struct PrecisionRecallCurve: Codable, Hashable, Sendable {
    public var label: String
    public var recall: [Double]
    public var precision: [Double]

    public init(label: String, recall: [Double], precision: [Double]) {
        self.label = label
        self.recall = recall
        self.precision = precision
    }
}

/// One bin of a reliability chart: predicted probabilities in [lower, upper).
public struct ReliabilityBin: Codable, Hashable, Sendable {
    public var lower: Double
    public var upper: Double
    /// Mean predicted probability of the bin's (image, label) pairs.
    public var meanConfidence: Double
    /// Share of those pairs that are true.
    public var observedFrequency: Double
    public var count: Int

    public init(lower: Double, upper: Double, meanConfidence: Double, observedFrequency: Double, count: Int) {
        self.lower = lower
        self.upper = upper
        self.meanConfidence = meanConfidence
        self.observedFrequency = observedFrequency
        self.count = count
    }
}
