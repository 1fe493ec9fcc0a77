/// One label's value of every `LabelMetricCatalog` metric, by name, with the
/// label's test support: a run's numbers (`LabelMetrics`) or a multi-seed run's
/// summaries (`LabelAggregate`). In `results.json` each metric is a field named
/// for it beside `label` and `support`; an undefined one is left out.
@dynamicMemberLookup
public struct LabelRecord<Value: Hashable & Sendable, Support: Hashable & Sendable>: Hashable, Sendable {
    public var label: String
    public var values: [String: Value]
    /// Positives of this label in the test split (over seeds: it varies when the seed redraws the data).
    public var support: Support

    public init(label: String, values: [String: Value], support: Support) {
        self.label = label
        self.values = values
        self.support = support
    }

    /// `record.recall`: the value, nil when not measured or undefined for the label.
    public subscript(dynamicMember metric: KeyPath<LabelMetricCatalog, LabelMetric>) -> Value? {
        get { values[LabelMetricCatalog.standard[keyPath: metric].name] }
        set { values[LabelMetricCatalog.standard[keyPath: metric].name] = newValue }
    }

    /// The fields beside the metrics, coded as Swift synthesises them.
}

#if !hasFeature(Embedded)
extension LabelRecord: Codable where Value: Codable, Support: Codable {
    private struct Fields: Codable {
        var label: String
        var support: Support
    }

    public init(from decoder: Decoder) throws {
        let fields = try Fields(from: decoder)
        self.init(label: fields.label, values: try MetricKey.decodeValues(from: decoder, names: LabelMetricCatalog.names),
                  support: fields.support)
    }

    public func encode(to encoder: Encoder) throws {
        try Fields(label: label, support: support).encode(to: encoder)
        try MetricKey.encode(values, names: LabelMetricCatalog.names, to: encoder)
    }
}
#endif

/// One label's test metrics at the run's threshold (zero_division 0).
public typealias LabelMetrics = LabelRecord<Double, Int>
/// One label's metrics summarised over the seeds.
public typealias LabelAggregate = LabelRecord<Summary, Summary>
