import PortableSort

/// Score-based metrics (no threshold): average precision, ROC-AUC, label ranking.
extension Metrics {
    /// sklearn `average_precision_score` for one label: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct
    /// score thresholds in descending order (tied scores form one threshold; no
    /// interpolation). A label with no positive gives 0 (sklearn warns and returns 0).
    public static func averagePrecision(truth: [Bool], scores: [Double]) -> Double {
        let positives = truth.filter { $0 }.count
        guard positives > 0 else { return 0 }
        var ap = 0.0, tp = 0, fp = 0, previousRecall = 0.0
        for group in thresholdGroups(truth: truth, scores: scores) {
            tp += group.positives; fp += group.negatives
            let recall = Double(tp) / Double(positives)
            ap += (recall - previousRecall) * Double(tp) / Double(tp + fp)
            previousRecall = recall
        }
        return ap
    }

    public static func averagePrecisionPerLabel(yTrue: Tensor, yScore: Tensor) -> [Double] {
        let (_, l) = dims(yTrue, yScore)
        return (0..<l).map { averagePrecision(truth: column(yTrue, $0).map { $0 > 0.5 }, scores: column(yScore, $0)) }
    }

    /// Macro: unweighted mean over labels (labels without positives count as 0); micro: AP of
    /// all cells pooled; samples: mean over rows.
    public static func averagePrecision(yTrue: Tensor, yScore: Tensor, average: Average) -> Double {
        let (n, l) = dims(yTrue, yScore)
        switch average {
        case .macro:
            let v = averagePrecisionPerLabel(yTrue: yTrue, yScore: yScore)
            return v.isEmpty ? 0 : v.reduce(0, +) / Double(l)
        case .micro:
            return averagePrecision(truth: yTrue.storage.map { $0 > 0.5 }, scores: yScore.storage.map(Double.init))
        case .samples:
            guard n > 0 else { return 0 }
            return (0..<n).reduce(0.0) { acc, i in
                acc + averagePrecision(truth: yTrue.row(i).map { $0 > 0.5 }, scores: yScore.row(i).map(Double.init))
            } / Double(n)
        }
    }

    /// ROC-AUC of one label (Mann–Whitney; a tie between a positive and a negative counts ½),
    /// or nil when the label has only one value.
    public static func rocAUC(truth: [Bool], scores: [Double]) -> Double? {
        let positives = truth.filter { $0 }.count, negatives = truth.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        var negativesBelow = 0.0, wins = 0.0
        for group in thresholdGroups(truth: truth, scores: scores).reversed() {   // ascending scores
            wins += Double(group.positives) * (negativesBelow + 0.5 * Double(group.negatives))
            negativesBelow += Double(group.negatives)
        }
        return wins / (Double(positives) * Double(negatives))
    }

    public struct ROCAUCResult: Sendable, Equatable {
        /// The average over the labels used; nil when no label has both values.
        public var value: Double?
        /// Per-label AUC; nil for labels with a single value (sklearn refuses those).
        public var perLabel: [Double?]
        /// Labels left out because they have only one value in `yTrue`.
        public var skippedLabels: [Int]
    }

    /// Macro / per-label ROC-AUC over the labels that have both values (the others are
    /// reported in `skippedLabels`); micro pools all cells.
    public static func rocAUC(yTrue: Tensor, yScore: Tensor, average: Average = .macro) -> ROCAUCResult {
        let (_, l) = dims(yTrue, yScore)
        let per = (0..<l).map { rocAUC(truth: column(yTrue, $0).map { $0 > 0.5 }, scores: column(yScore, $0)) }
        let skipped = per.indices.filter { per[$0] == nil }
        let value: Double?
        switch average {
        case .micro:
            value = rocAUC(truth: yTrue.storage.map { $0 > 0.5 }, scores: yScore.storage.map(Double.init))
        case .macro:
            let used = per.compactMap { $0 }
            value = used.isEmpty ? nil : used.reduce(0, +) / Double(used.count)
        case .samples:
            let n = yTrue.shape[0]
            let rows = (0..<n).compactMap { rocAUC(truth: yTrue.row($0).map { $0 > 0.5 }, scores: yScore.row($0).map(Double.init)) }
            value = rows.isEmpty ? nil : rows.reduce(0, +) / Double(rows.count)
        }
        return ROCAUCResult(value: value, perLabel: per, skippedLabels: skipped)
    }

    /// sklearn `label_ranking_average_precision_score`: per row, the mean over true labels j
    /// of |{k true: s_k ≥ s_j}| / |{k: s_k ≥ s_j}|; rows with no or every label true score 1.
    public static func labelRankingAveragePrecision(yTrue: Tensor, yScore: Tensor) -> Double {
        let (n, l) = dims(yTrue, yScore)
        guard n > 0 else { return 0 }
        var total = 0.0
        for i in 0..<n {
            let truth = yTrue.row(i).map { $0 > 0.5 }, s = yScore.row(i).map(Double.init)
            let trueCount = truth.filter { $0 }.count
            if trueCount == 0 || trueCount == l { total += 1; continue }
            var rowSum = 0.0
            for j in 0..<l where truth[j] {
                var rank = 0, trueRank = 0
                for k in 0..<l where s[k] >= s[j] { rank += 1; if truth[k] { trueRank += 1 } }
                rowSum += Double(trueRank) / Double(rank)
            }
            total += rowSum / Double(trueCount)
        }
        return total / Double(n)
    }

    /// sklearn `coverage_error`: mean over rows of |{k: s_k ≥ min over true j of s_j}|;
    /// a row with no true label counts 0.
    public static func coverageError(yTrue: Tensor, yScore: Tensor) -> Double {
        let (n, l) = dims(yTrue, yScore)
        guard n > 0 else { return 0 }
        var total = 0.0
        for i in 0..<n {
            var lowest = Double.infinity, any = false
            for k in 0..<l where yTrue.storage[i * l + k] > 0.5 { lowest = min(lowest, Double(yScore.storage[i * l + k])); any = true }
            guard any else { continue }
            total += Double((0..<l).filter { Double(yScore.storage[i * l + $0]) >= lowest }.count)
        }
        return total / Double(n)
    }

    struct ThresholdGroup { var score: Double; var positives: Int; var negatives: Int }

    /// Samples grouped by equal score, in descending score order.
    static func thresholdGroups(truth: [Bool], scores: [Double]) -> [ThresholdGroup] {
        precondition(truth.count == scores.count)
        let order = stableOrder(count: scores.count) { scores[$0] > scores[$1] }
        var groups: [ThresholdGroup] = []
        for i in order {
            if groups.isEmpty || groups[groups.count - 1].score != scores[i] {
                groups.append(ThresholdGroup(score: scores[i], positives: 0, negatives: 0))
            }
            if truth[i] { groups[groups.count - 1].positives += 1 } else { groups[groups.count - 1].negatives += 1 }
        }
        return groups
    }
}
