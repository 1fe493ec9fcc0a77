/// What `expect` blocks read. A diverged run has no test metrics: every metric
/// reads as NaN, so any comparison with it fails (and the page says why).
extension RunResult: RunReport {
    public var diverged: Bool { outcome.isDiverged }

    /// Last finished epoch's training loss; +∞ when not one epoch finished.
    public var finalLoss: Double { history.last?.trainLoss ?? .infinity }

    public var macroF1: Double { metrics?.macroF1 ?? .nan }
    public var microF1: Double { metrics?.microF1 ?? .nan }
    public var samplesF1: Double { metrics?.samplesF1 ?? .nan }
    public var subsetAccuracy: Double { metrics?.subsetAccuracy ?? .nan }
    public var hammingLoss: Double { metrics?.hammingLoss ?? .nan }
    public var meanAveragePrecision: Double { metrics?.meanAveragePrecision ?? .nan }
    public var macroROCAUC: Double { metrics?.macroROCAUC ?? .nan }
    public var multiLabelRecall: Double { metrics?.multiLabelRecall ?? .nan }
    public var multiLabelSubsetAccuracy: Double { metrics?.multiLabelSubsetAccuracy ?? .nan }
    public var expectedCalibrationError: Double { metrics?.expectedCalibrationError ?? .nan }

    public func precision(_ label: String) -> Double { labelMetrics(label)?.precision ?? .nan }
    public func recall(_ label: String) -> Double { labelMetrics(label)?.recall ?? .nan }
    public func f1(_ label: String) -> Double { labelMetrics(label)?.f1 ?? .nan }
    public func averagePrecision(_ label: String) -> Double { labelMetrics(label)?.averagePrecision ?? .nan }
    public func rocAUC(_ label: String) -> Double { labelMetrics(label)?.rocAUC ?? .nan }
}
