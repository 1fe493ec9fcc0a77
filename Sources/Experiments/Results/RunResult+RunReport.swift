/// What `expect` blocks read. A diverged run has no test metrics: every metric
/// reads as NaN, so any comparison with it fails (and the page says why).
extension RunResult: RunReport {
    public var diverged: Bool { outcome.isDiverged }

    /// Last finished epoch's training loss; +∞ when not one epoch finished.
    public var finalLoss: Double { history.last?.trainLoss ?? .infinity }

    public func value(of metric: Metric) -> Double { metrics?.values[metric.name] ?? .nan }

    public func value(of metric: LabelMetric, label: String) -> Double {
        labelMetrics(label)?.values[metric.name] ?? .nan
    }

    public func value(of metric: EpochMetric, atEpoch epoch: Int) -> Double { metric.value(in: history, atEpoch: epoch) ?? .nan }

    public var epochsTrained: Int { history.count }

    public var trainSeconds: Double { timings.trainSeconds }
}
