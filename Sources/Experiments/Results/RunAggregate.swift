/// What a run trained with several seeds measured, seed by seed and summed
/// up: every scalar metric, every label's metrics, the loss curves and the
/// precision–recall curves as a mean with a min–max band. Computed over the
/// seeds whose run completed (`seeds`); a table shows `mean ± sd`.
public struct RunAggregate: Hashable, Sendable {
    /// Seeds that completed and are summarised, in order.
    public var seeds: [Int]
    /// Scalar metrics by their `expect` name (`macroF1`, `meanAveragePrecision`, ...).
    public var metrics: [String: Summary]
    public var perLabel: [LabelAggregate]
    /// Epochs every summarised seed finished.
    public var history: [EpochAggregate]
    public var precisionRecall: [CurveBand]
    /// Per-label decision thresholds, when the runs had them.
    public var thresholds: [Summary]?

    /// The scalar metrics summarised: the catalog's, then the final training loss.
    public static let metricNames = MetricCatalog.names + ["finalLoss"]

    public init(seeds: [Int], results: [RunResult]) {
        let done = zip(seeds, results).filter { $0.1.outcome.isCompleted && $0.1.metrics != nil }
        self.seeds = done.map { $0.0 }
        let runs = done.map { $0.1 }
        let measured = runs.compactMap { $0.metrics }
        var metrics: [String: Summary] = [:]
        for name in Self.metricNames {
            if let s = Summary(runs.map { Self.scalar(name, of: $0) }) { metrics[name] = s }
        }
        self.metrics = metrics
        let labels = runs.first?.labels ?? []
        perLabel = labels.indices.compactMap { i in
            let rows = measured.compactMap { i < $0.perLabel.count ? $0.perLabel[i] : nil }
            guard rows.count == measured.count, let support = Summary(rows.map { Double($0.support) }) else { return nil }
            var values: [String: Summary] = [:]
            for name in LabelMetricCatalog.names {
                values[name] = Summary(rows.map { $0.values[name] ?? .nan })
            }
            return LabelAggregate(label: labels[i], values: values, support: support)
        }
        let epochs = runs.map { $0.history.count }.min() ?? 0
        history = (0..<epochs).compactMap { e in
            guard let train = Summary(runs.map { $0.history[e].trainLoss }) else { return nil }
            let validation = runs.compactMap { $0.history[e].validationLoss }
            return EpochAggregate(epoch: e + 1, trainLoss: train,
                                  validationLoss: validation.count == runs.count ? Summary(validation) : nil)
        }
        precisionRecall = labels.indices.compactMap { i in
            let curves = measured.compactMap { i < $0.precisionRecallCurves.count ? $0.precisionRecallCurves[i] : nil }
            guard curves.count == measured.count, !curves.isEmpty else { return nil }
            return CurveBand(label: labels[i], curves: curves)
        }
        let cuts = runs.compactMap { $0.thresholds }
        if cuts.count == runs.count, let width = cuts.first?.count, cuts.allSatisfy({ $0.count == width }) {
            thresholds = (0..<width).compactMap { l in Summary(cuts.map { $0[l] }) }
        } else {
            thresholds = nil
        }
    }

    /// A scalar metric of one run by its `expect` name (NaN for an unknown name).
    public static func scalar(_ name: String, of run: RunResult) -> Double {
        if name == "finalLoss" { return run.finalLoss }
        return MetricCatalog.named(name).map { run.value(of: $0) } ?? .nan
    }

    public func label(_ name: String) -> LabelAggregate? { perLabel.first { $0.label == name } }
}

/// One epoch's losses over the seeds.
public struct EpochAggregate: Hashable, Sendable {
    public var epoch: Int
    public var trainLoss: Summary
    public var validationLoss: Summary?
}

/// A label's precision–recall curves over the seeds, on a grid of recall cells
/// ((j−1)/100, j/100], `recall` holding each cell's right end, ascending: a curve's value
/// in a cell is the mean of its step function over the cell, so the cells' area is the
/// curve's AP exactly, and the band's mean has the seeds' mean AP as its area. Min and
/// max are over the seeds, cell by cell. Drawn as steps.
public struct CurveBand: Hashable, Sendable {
    public static let gridSteps = 100

    public var label: String
    public var recall: [Double]
    public var precisionMean: [Double]
    public var precisionMin: [Double]
    public var precisionMax: [Double]

    public init(label: String, curves: [PrecisionRecallCurve]) {
        self.label = label
        let cells = curves.map { Self.cellMeans($0, cells: Self.gridSteps) }
        recall = (1...Self.gridSteps).map { Double($0) / Double(Self.gridSteps) }
        precisionMean = recall.indices.map { i in cells.reduce(0) { $0 + $1[i] } / Double(cells.count) }
        precisionMin = recall.indices.map { i in cells.map { $0[i] }.min() ?? 0 }
        precisionMax = recall.indices.map { i in cells.map { $0[i] }.max() ?? 0 }
    }

    /// The mean of the curve's step function over each recall cell ((j−1)/n, j/n].
    public static func cellMeans(_ curve: PrecisionRecallCurve, cells n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        var previous = 0.0
        for (r, p) in zip(curve.recall, curve.precision) where r > previous {
            // The step covers (previous, r]: spread p over the cells it overlaps.
            var low = previous
            while low < r - 1e-15 {
                let j = min(n - 1, Int((low * Double(n) + 1e-9).rounded(.down)))
                let high = j == n - 1 ? r : min(r, Double(j + 1) / Double(n))
                out[j] += (high - low) * p * Double(n)
                low = high
            }
            previous = r
        }
        return out
    }

    /// The area under the mean steps: the seeds' mean average precision.
    public var meanArea: Double { precisionMean.reduce(0, +) / Double(Self.gridSteps) }
}

#if !hasFeature(Embedded)
extension RunAggregate: Codable {}
extension EpochAggregate: Codable {}
extension CurveBand: Codable {}
#endif
