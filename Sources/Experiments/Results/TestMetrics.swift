/// Metrics on the test split, scikit-learn definitions (see NeuralCore's metrics):
/// every `MetricCatalog` metric by name, each label's `LabelMetricCatalog`
/// metrics, and what the page draws. In `results.json` each metric is a field
/// named for it; an undefined one (ROC-AUC of a label with one value) is left out.
@dynamicMemberLookup
public struct TestMetrics: Hashable, Sendable {
    /// `MetricCatalog` values by metric name.
    public var values: [String: Double]
    public var perLabel: [LabelMetrics]
    /// Precision–recall curve points per label, in label order.
    public var precisionRecallCurves: [PrecisionRecallCurve]
    /// Reliability (calibration) bins over every label's probabilities.
    public var reliability: [ReliabilityBin]
    /// Number of test images measured.
    public var testCount: Int

    public init(values: [String: Double], perLabel: [LabelMetrics], precisionRecallCurves: [PrecisionRecallCurve],
                reliability: [ReliabilityBin], testCount: Int) {
        self.values = values
        self.perLabel = perLabel
        self.precisionRecallCurves = precisionRecallCurves
        self.reliability = reliability
        self.testCount = testCount
    }

    /// `metrics.macroF1`: the value, NaN when undefined for this test split.
    public subscript(dynamicMember metric: KeyPath<MetricCatalog, Metric>) -> Double {
        get { values[MetricCatalog.standard[keyPath: metric].name] ?? .nan }
        set { values[MetricCatalog.standard[keyPath: metric].name] = newValue }
    }
}

#if !hasFeature(Embedded)
extension TestMetrics: Codable {
    private enum FixedKey: String, CodingKey { case perLabel, precisionRecallCurves, reliability, testCount }

    public init(from decoder: Decoder) throws {
        let fixed = try decoder.container(keyedBy: FixedKey.self)
        perLabel = try fixed.decode([LabelMetrics].self, forKey: .perLabel)
        precisionRecallCurves = try fixed.decode([PrecisionRecallCurve].self, forKey: .precisionRecallCurves)
        reliability = try fixed.decode([ReliabilityBin].self, forKey: .reliability)
        testCount = try fixed.decode(Int.self, forKey: .testCount)
        values = try MetricKey.decodeValues(from: decoder, names: MetricCatalog.names)
    }

    public func encode(to encoder: Encoder) throws {
        var fixed = encoder.container(keyedBy: FixedKey.self)
        try fixed.encode(perLabel, forKey: .perLabel)
        try fixed.encode(precisionRecallCurves, forKey: .precisionRecallCurves)
        try fixed.encode(reliability, forKey: .reliability)
        try fixed.encode(testCount, forKey: .testCount)
        try MetricKey.encode(values, names: MetricCatalog.names, to: encoder)
    }
}

/// A metric's name as a JSON field beside a type's fixed fields.
struct MetricKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// The named metrics present in the container (an undefined one is absent).
    static func decodeValues<Value: Decodable>(from decoder: Decoder, names: [String]) throws -> [String: Value] {
        let container = try decoder.container(keyedBy: MetricKey.self)
        var values: [String: Value] = [:]
        for name in names {
            if let v = try container.decodeIfPresent(Value.self, forKey: MetricKey(stringValue: name)) { values[name] = v }
        }
        return values
    }

    static func encode<Value: Encodable>(_ values: [String: Value], names: [String], to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: MetricKey.self)
        for name in names {
            if let v = values[name] { try container.encode(v, forKey: MetricKey(stringValue: name)) }
        }
    }
}
#endif

/// A label's precision–recall curve as steps, recall ascending: precision[k] holds on
/// recall (recall[k−1], recall[k]] (from 0 for the first), so Σ Δrecall·precision is the
/// label's average precision exactly (`Metrics.precisionRecallSteps`, thinned by recall).
public struct PrecisionRecallCurve: Hashable, Sendable {
    public var label: String
    public var recall: [Double]
    public var precision: [Double]

    public init(label: String, recall: [Double], precision: [Double]) {
        self.label = label
        self.recall = recall
        self.precision = precision
    }

    /// The area under the steps: the average precision the points were measured with.
    public var stepArea: Double {
        var area = 0.0, previous = 0.0
        for (r, p) in zip(recall, precision) {
            area += (r - previous) * p
            previous = r
        }
        return area
    }

    /// The precision of the step covering recall `r` (0 past the last step).
    public func stepPrecision(atRecall r: Double) -> Double {
        zip(recall, precision).first { $0.0 >= r - 1e-12 }?.1 ?? 0
    }
}

/// One bin of a reliability chart: predicted probabilities in [lower, upper).
public struct ReliabilityBin: Hashable, Sendable {
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

#if !hasFeature(Embedded)
extension PrecisionRecallCurve: Codable {}
extension ReliabilityBin: Codable {}
#endif
