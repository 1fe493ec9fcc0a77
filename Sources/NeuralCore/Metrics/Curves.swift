/// Curve points for charts: precision–recall, ROC and reliability (calibration) bins.
extension Metrics {
    public struct PRPoint: Sendable, Equatable {
        public var threshold: Double, precision: Double, recall: Double
    }

    /// One point per distinct score, descending: predicting "score ≥ threshold" gives this
    /// precision and recall (sklearn `precision_recall_curve`, without its final
    /// (recall 0, precision 1) point). Empty when the label has no positive.
    public static func precisionRecallCurve(truth: [Bool], scores: [Double]) -> [PRPoint] {
        let positives = truth.filter { $0 }.count
        guard positives > 0 else { return [] }
        var tp = 0, fp = 0
        return thresholdGroups(truth: truth, scores: scores).map { g in
            tp += g.positives; fp += g.negatives
            return PRPoint(threshold: g.score, precision: Double(tp) / Double(tp + fp),
                           recall: Double(tp) / Double(positives))
        }
    }

    /// The points of the precision–recall curve at which recall rises (recall ascending):
    /// the curve as a step function, precision pₖ on recall (rₖ₋₁, rₖ]. Its area
    /// Σ (rₖ − rₖ₋₁)·pₖ is exactly `averagePrecision`; the points it leaves out add no area.
    public static func precisionRecallSteps(truth: [Bool], scores: [Double]) -> [PRPoint] {
        var steps: [PRPoint] = [], previous = 0.0
        for point in precisionRecallCurve(truth: truth, scores: scores) where point.recall > previous {
            steps.append(point)
            previous = point.recall
        }
        return steps
    }

    /// Fewer steps by recall, never by rank: consecutive steps whose recall ends in the same
    /// cell of width 1/`cells` become one step, ending at the last one's recall, with their
    /// recall-weighted mean precision. The area (the AP) is kept exactly; a label with few
    /// positives (steps wider than a cell) keeps every step.
    public static func thinByRecall(_ steps: [PRPoint], cells: Int) -> [PRPoint] {
        precondition(cells > 0)
        var out: [PRPoint] = []
        var start = 0.0, area = 0.0, cell = -1
        for (k, step) in steps.enumerated() {
            let previous = k == 0 ? 0 : steps[k - 1].recall
            let c = Int((step.recall * Double(cells) - 1e-9).rounded(.up))
            if c != cell, k > 0 {
                let end = previous
                out.append(PRPoint(threshold: steps[k - 1].threshold, precision: area / (end - start), recall: end))
                start = end; area = 0
            }
            cell = c
            area += (step.recall - previous) * step.precision
        }
        if let last = steps.last {
            out.append(PRPoint(threshold: last.threshold, precision: area / (last.recall - start), recall: last.recall))
        }
        return out
    }

    public struct ROCPoint: Sendable, Equatable {
        public var threshold: Double, falsePositiveRate: Double, truePositiveRate: Double
    }

    /// (0, 0) at threshold +∞, then one point per distinct score, descending (sklearn
    /// `roc_curve` with `drop_intermediate=False`). Empty when the label has one value only.
    public static func rocCurve(truth: [Bool], scores: [Double]) -> [ROCPoint] {
        let positives = truth.filter { $0 }.count, negatives = truth.count - positives
        guard positives > 0, negatives > 0 else { return [] }
        var tp = 0, fp = 0
        var points = [ROCPoint(threshold: .infinity, falsePositiveRate: 0, truePositiveRate: 0)]
        for g in thresholdGroups(truth: truth, scores: scores) {
            tp += g.positives; fp += g.negatives
            points.append(ROCPoint(threshold: g.score, falsePositiveRate: Double(fp) / Double(negatives),
                                   truePositiveRate: Double(tp) / Double(positives)))
        }
        return points
    }

    public struct ReliabilityBin: Sendable, Equatable {
        public var lower: Double, upper: Double
        public var count: Int
        /// Mean predicted probability in the bin (0 when empty).
        public var meanProbability: Double
        /// Fraction of positives in the bin (0 when empty).
        public var fractionPositive: Double
    }

    /// `bins` equal-width bins over [0, 1]; bin i holds probabilities in [i/b, (i+1)/b),
    /// the last one also 1. All cells of all labels are pooled unless a column is passed.
    public static func reliabilityBins(truth: [Bool], probabilities: [Double], bins: Int = 10) -> [ReliabilityBin] {
        precondition(bins > 0 && truth.count == probabilities.count)
        var count = [Int](repeating: 0, count: bins), sumP = [Double](repeating: 0, count: bins)
        var pos = [Int](repeating: 0, count: bins)
        for (t, p) in zip(truth, probabilities) {
            let b = min(bins - 1, max(0, Int(p * Double(bins))))
            count[b] += 1; sumP[b] += p; if t { pos[b] += 1 }
        }
        return (0..<bins).map { b -> ReliabilityBin in
            let n = Double(count[b])
            let meanProbability: Double = count[b] == 0 ? 0 : sumP[b] / n
            let fractionPositive: Double = count[b] == 0 ? 0 : Double(pos[b]) / n
            return ReliabilityBin(lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), count: count[b],
                                  meanProbability: meanProbability, fractionPositive: fractionPositive)
        }
    }

    /// Expected calibration error: Σ_bins (count/N)·|fractionPositive − meanProbability|.
    public static func expectedCalibrationError(_ bins: [ReliabilityBin]) -> Double {
        let n = bins.reduce(0) { $0 + $1.count }
        guard n > 0 else { return 0 }
        return bins.reduce(0.0) { $0 + Double($1.count) / Double(n) * abs($1.fractionPositive - $1.meanProbability) }
    }
}
