/// What a run trained with several seeds measured, seed by seed and summed
/// up: every scalar metric, every label's metrics, the loss curves and the
/// precision–recall curves as a mean with a min–max band. Computed over the
/// seeds whose run completed (`seeds`); a table shows `mean ± sd`.
public struct RunAggregate: Codable, Hashable, Sendable {
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
        self.seeds = done.map(\.0)
        let runs = done.map(\.1)
        let measured = runs.compactMap(\.metrics)
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
        let epochs = runs.map(\.history.count).min() ?? 0
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
        let cuts = runs.compactMap(\.thresholds)
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
public struct EpochAggregate: Codable, Hashable, Sendable {
    public var epoch: Int
    public var trainLoss: Summary
    public var validationLoss: Summary?
}

/// A label's precision–recall curves over the seeds, on one recall grid
/// (0, 0.01, …, 1, listed from 1 down like scikit-learn's curves): at each
/// recall r the interpolated precision of a curve is its highest precision at
/// any recall ≥ r (the usual PR interpolation); the band is the mean, min and
/// max of those over the seeds.
public struct CurveBand: Codable, Hashable, Sendable {
    public static let gridSteps = 100

    public var label: String
    public var recall: [Double]
    public var precisionMean: [Double]
    public var precisionMin: [Double]
    public var precisionMax: [Double]

    public init(label: String, curves: [PrecisionRecallCurve]) {
        self.label = label
        let grid = (0...Self.gridSteps).reversed().map { Double($0) / Double(Self.gridSteps) }
        let interpolated = curves.map { curve in grid.map { Self.interpolatedPrecision(curve, atRecall: $0) } }
        recall = grid
        precisionMean = grid.indices.map { i in interpolated.reduce(0) { $0 + $1[i] } / Double(interpolated.count) }
        precisionMin = grid.indices.map { i in interpolated.map { $0[i] }.min() ?? 0 }
        precisionMax = grid.indices.map { i in interpolated.map { $0[i] }.max() ?? 0 }
    }

    /// Highest precision at recall ≥ r (0 when the curve never reaches r).
    public static func interpolatedPrecision(_ curve: PrecisionRecallCurve, atRecall r: Double) -> Double {
        var best = 0.0
        for (recall, precision) in zip(curve.recall, curve.precision) where recall >= r - 1e-12 {
            best = Swift.max(best, precision)
        }
        return best
    }
}
