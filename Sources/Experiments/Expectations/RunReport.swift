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
    /// A value at one epoch; NaN past the epochs trained.
    func value(of metric: EpochMetric, atEpoch epoch: Int) -> Double
    /// Epochs that finished (the fewest over the seeds for a mean).
    var epochsTrained: Int { get }
    /// Wall-clock seconds of training (`timings.trainSeconds`): machine-dependent, so never
    /// part of a cache key or of what `lessons verify` compares.
    var trainSeconds: Double { get }
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

    /// `report.validationLoss(atEpoch: 10)`: the validation loss after epoch 10 (NaN if training stopped before it).
    public func validationLoss(atEpoch epoch: Int) -> Double { value(of: EpochMetricCatalog.standard.validationLoss, atEpoch: epoch) }

    /// `report.trainLoss(atEpoch: 10)`: epoch 10's training loss.
    public func trainLoss(atEpoch epoch: Int) -> Double { value(of: EpochMetricCatalog.standard.trainLoss, atEpoch: epoch) }

    /// `report.validationLoss`, spelled out: the method above would otherwise shadow the catalog's member.
    public var validationLoss: Double { value(of: MetricCatalog.standard.validationLoss) }
}

extension RunReport {
    /// The member a claim names (`diverged` as 0/1, `finalLoss`, a catalog metric, a
    /// label metric of `label`), as `ReportMetric` reads it; NaN when there is none.
    public func member(_ name: String, label: String?) -> Double {
        if name == "diverged" { return diverged ? 1 : 0 }
        if name == "finalLoss" { return finalLoss }
        if name == "trainSeconds" { return trainSeconds }
        if let metric = MetricCatalog.named(name) { return value(of: metric) }
        if let metric = LabelMetricCatalog.named(name) { return value(of: metric, label: label ?? "") }
        // An epoch member without `atEpoch:` (`trainLoss`) reads the last epoch trained.
        if let metric = EpochMetricCatalog.named(name) { return value(of: metric, atEpoch: epochsTrained) }
        return .nan
    }
}
