/// The `RunReport` members an `expect` block may use, for the evaluator's checks
/// and the reference page: `diverged`, `finalLoss`, then every catalog metric
/// (derived from `MetricCatalog` and `LabelMetricCatalog`, never listed here).
public struct ReportMetric: Sendable {
    public var name: String
    public var doc: String
    /// True for `recall("ring")`-style members that take a label.
    public var takesLabel: Bool
    /// True for `validationLoss(atEpoch: 10)`-style members that take an epoch (read at the last epoch without one).
    public var takesEpoch: Bool
    /// True for `diverged`, the one Boolean member.
    public var isBool: Bool
    /// Reads the member (Booleans as 0/1).
    public var read: @Sendable (any RunReport, String?) -> Double

    public init(_ name: String, doc: String, takesLabel: Bool = false, takesEpoch: Bool = false, isBool: Bool = false,
                read: @escaping @Sendable (any RunReport, String?) -> Double) {
        self.name = name
        self.doc = doc
        self.takesLabel = takesLabel
        self.takesEpoch = takesEpoch
        self.isBool = isBool
        self.read = read
    }

    public static let all: [ReportMetric] = runMembers + catalogMembers + labelMembers + epochMembers

    private static let runMembers: [ReportMetric] = [
        ReportMetric("diverged", doc: "True when training stopped on a NaN/∞ loss (with seeds: in any seed). A claim "
                     + "that states it and holds (`expect(results[\"sgd\"].diverged, inAtLeast: 1)`, also inside `&&` or `||`, "
                     + "never under `!`) makes that run's divergence the lesson's point: it no longer fails the lesson.",
                     isBool: true) { r, _ in r.diverged ? 1 : 0 },
        ReportMetric("finalLoss", doc: "The last epoch's training loss.") { r, _ in r.finalLoss },
        ReportMetric("trainSeconds", doc: ReportMetric.trainSecondsDoc) { r, _ in r.trainSeconds },
    ]
    private static let catalogMembers: [ReportMetric] = MetricCatalog.all.map { metric in
        ReportMetric(metric.name, doc: metric.doc) { r, _ in r.value(of: metric) }
    }
    private static let labelMembers: [ReportMetric] = LabelMetricCatalog.all.map { metric in
        ReportMetric(metric.name, doc: metric.doc, takesLabel: true) { r, label in r.value(of: metric, label: label ?? "") }
    }
    private static let epochMembers: [ReportMetric] = EpochMetricCatalog.all.map { metric in
        ReportMetric(metric.name, doc: metric.doc, takesEpoch: true) { r, _ in r.value(of: metric, atEpoch: r.epochsTrained) }
    }

    public static func named(_ name: String) -> ReportMetric? { all.first { $0.name == name } }

    /// Each member name once (`validationLoss` is a property and, with `atEpoch:`, a method).
    public static let names: [String] = all.reduce(into: []) { names, m in if !names.contains(m.name) { names.append(m.name) } }

    /// `trainSeconds` is read from the result's timings, not measured on the test split: a
    /// claim on it holds on one machine and may fail on another.
    public static let trainSecondsDoc = "Wall-clock seconds the run took to train (`timings.trainSeconds`; a cached run keeps "
        + "the time it was trained in). Machine-dependent: a claim on it holds on this machine and load, not on every one; "
        + "prefer ratios between runs of one lesson (`results[\"a\"].trainSeconds < results[\"b\"].trainSeconds / 2`)."
}
