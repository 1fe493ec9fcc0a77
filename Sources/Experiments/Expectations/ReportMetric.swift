/// The `RunReport` members an `expect` block may use, for the evaluator's checks
/// and the reference page: `diverged`, `finalLoss`, then every catalog metric
/// (derived from `MetricCatalog` and `LabelMetricCatalog`, never listed here).
public struct ReportMetric: Sendable {
    public var name: String
    public var doc: String
    /// True for `recall("ring")`-style members that take a label.
    public var takesLabel: Bool
    /// True for `diverged`, the one Boolean member.
    public var isBool: Bool
    /// Reads the member (Booleans as 0/1).
    public var read: @Sendable (any RunReport, String?) -> Double

    public init(_ name: String, doc: String, takesLabel: Bool = false, isBool: Bool = false,
                read: @escaping @Sendable (any RunReport, String?) -> Double) {
        self.name = name
        self.doc = doc
        self.takesLabel = takesLabel
        self.isBool = isBool
        self.read = read
    }

    public static let all: [ReportMetric] = [
        ReportMetric("diverged", doc: "True when training stopped on a NaN/∞ loss.", isBool: true) { r, _ in r.diverged ? 1 : 0 },
        ReportMetric("finalLoss", doc: "The last epoch's training loss.") { r, _ in r.finalLoss },
    ] + MetricCatalog.all.map { metric in
        ReportMetric(metric.name, doc: metric.doc) { r, _ in r.value(of: metric) }
    } + LabelMetricCatalog.all.map { metric in
        ReportMetric(metric.name, doc: metric.doc, takesLabel: true) { r, label in r.value(of: metric, label: label ?? "") }
    }

    public static func named(_ name: String) -> ReportMetric? { all.first { $0.name == name } }
}
