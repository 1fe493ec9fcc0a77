/// What an `expect` block may ask of a finished run: whether it diverged, its
/// final loss, and every catalog metric as a member (`report.macroF1`,
/// `report.recall("ring")`) through dynamic member lookup on the catalogs, so
/// the member set is exactly `MetricCatalog` and `LabelMetricCatalog` (an
/// unknown name does not compile in an exported lesson). Metrics are on the
/// test split, scikit-learn definitions; NaN when the run has no such value.
@dynamicMemberLookup
public protocol RunReport: Sendable {
    /// True when training stopped on a NaN/∞ loss.
    var diverged: Bool { get }
    /// Last epoch's training loss (never NaN).
    var finalLoss: Double { get }
    func value(of metric: Metric) -> Double
    func value(of metric: LabelMetric, label: String) -> Double
}

extension RunReport {
    /// `report.macroF1`.
    public subscript(dynamicMember metric: KeyPath<MetricCatalog, Metric>) -> Double {
        value(of: MetricCatalog.standard[keyPath: metric])
    }

    /// `report.recall("ring")`.
    public subscript(dynamicMember metric: KeyPath<LabelMetricCatalog, LabelMetric>) -> (String) -> Double {
        let metric = LabelMetricCatalog.standard[keyPath: metric]
        return { value(of: metric, label: $0) }
    }
}

extension RunReport {
    /// The member a claim names (`diverged` as 0/1, `finalLoss`, a catalog metric, a
    /// label metric of `label`), as `ReportMetric` reads it; NaN when there is none.
    public func member(_ name: String, label: String?) -> Double {
        if name == "diverged" { return diverged ? 1 : 0 }
        if name == "finalLoss" { return finalLoss }
        if let metric = MetricCatalog.named(name) { return value(of: metric) }
        if let metric = LabelMetricCatalog.named(name) { return value(of: metric, label: label ?? "") }
        return .nan
    }
}
