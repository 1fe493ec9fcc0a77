import NeuralCore

/// What every metric is computed from: the test split's truth, the run's
/// probabilities and label decisions, and what several metrics share
/// (NeuralCore's scikit-learn-exact summary, the reliability bins), computed once.
public struct TestMeasurement: Sendable {
    public let truth: Tensor
    public let probabilities: Tensor
    public let predictions: Tensor
    public let labels: [String]
    public let summary: EvaluationSummary
    /// Ten equal-width bins over every (image, label) probability.
    public let reliabilityBins: [Metrics.ReliabilityBin]
    /// Micro recall and subset accuracy over the images with ≥ 2 true labels.
    public let multiLabel: (recall: Double, subsetAccuracy: Double)
    /// How training went, epoch by epoch (empty for a run that does not train).
    public let history: [EpochSummary]
    /// Optimizer steps the run took (0 for a run that does not train).
    public let steps: Int
    /// The same summary on the training split (the same model and thresholds), so a
    /// lesson can compare train and test: overfitting. Nil for a run that does not train.
    public let trainSummary: EvaluationSummary?

    public init(truth: Tensor, probabilities: Tensor, predictions: Tensor, labels: [String],
                history: [EpochSummary] = [], steps: Int = 0, train: TrainSplit? = nil) {
        self.truth = truth
        self.probabilities = probabilities
        self.predictions = predictions
        self.labels = labels
        self.history = history
        self.steps = steps
        trainSummary = train.map { EvaluationSummary(yTrue: $0.truth, scores: $0.probabilities, predictions: $0.predictions) }
        summary = EvaluationSummary(yTrue: truth, scores: probabilities, predictions: predictions)
        reliabilityBins = Metrics.reliabilityBins(truth: truth.storage.map { $0 > 0.5 },
                                                  probabilities: probabilities.storage.map(Double.init), bins: 10)
        multiLabel = Self.multiLabelScores(truth: truth, predictions: predictions)
    }

    /// Micro recall and subset accuracy over rows with ≥ 2 true labels (0 when there are
    /// none): what a softmax head, which spreads one unit of probability, cannot reach.
    public static func multiLabelScores(truth: Tensor, predictions: Tensor) -> (recall: Double, subsetAccuracy: Double) {
        let n = truth.shape[0], l = truth.shape[1]
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
}

/// A trained model's outputs on its own training images.
public struct TrainSplit: Sendable {
    public var truth: Tensor, probabilities: Tensor, predictions: Tensor

    public init(truth: Tensor, probabilities: Tensor, predictions: Tensor) {
        self.truth = truth
        self.probabilities = probabilities
        self.predictions = predictions
    }
}

/// One number a finished run is measured by on its test split, described once:
/// `expect` reads it by `name`, tables head it with `heading`, `results.json`
/// stores it under `name`, aggregates summarise it over seeds, and the
/// reference page prints `doc`. The list of them is `MetricCatalog`.
public struct Metric: Sendable {
    /// The Swift member name (`macroF1`): the key everywhere.
    public let name: String
    /// Table and chart text (`macro-F1`).
    public let heading: String
    public let doc: String
    public let higherIsBetter: Bool
    /// False for a number that is neither better nor worse when larger (an epoch
    /// count): tables then mark no run "best" by it.
    public let ranked: Bool
    /// Nil when the metric is undefined for this test split (scikit-learn raises);
    /// it is then left out of `results.json` and reads as NaN.
    let measure: @Sendable (TestMeasurement) -> Double?

    public init(_ name: String, heading: String, higherIsBetter: Bool = true, ranked: Bool = true, doc: String,
                measure: @escaping @Sendable (TestMeasurement) -> Double?) {
        self.name = name
        self.heading = heading
        self.higherIsBetter = higherIsBetter
        self.ranked = ranked
        self.doc = doc
        self.measure = measure
    }

    public func value(of measurement: TestMeasurement) -> Double? { measure(measurement) }
}

/// One number measured per label (`recall("ring")`), described once like `Metric`;
/// the list of them is `LabelMetricCatalog`.
public struct LabelMetric: Sendable {
    public let name: String
    /// Column heading (`AP`) and, with the label, chart text (`AP (ring)`).
    public let heading: String
    public let doc: String
    public let higherIsBetter: Bool
    /// The value for the label at the index; nil when undefined for it.
    let measure: @Sendable (TestMeasurement, Int) -> Double?

    public init(_ name: String, heading: String, higherIsBetter: Bool = true, doc: String,
                measure: @escaping @Sendable (TestMeasurement, Int) -> Double?) {
        self.name = name
        self.heading = heading
        self.higherIsBetter = higherIsBetter
        self.doc = doc
        self.measure = measure
    }

    public func value(of measurement: TestMeasurement, label index: Int) -> Double? { measure(measurement, index) }
}
