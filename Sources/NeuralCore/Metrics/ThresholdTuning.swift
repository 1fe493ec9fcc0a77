/// Choosing a decision threshold per label from validation scores.
extension Metrics {
    public struct TunedThreshold: Sendable, Equatable {
        /// Use with the strict rule `score > threshold`.
        public var threshold: Float
        /// The F1 this threshold reaches on the tuning data.
        public var f1: Double
    }

    /// The threshold maximising F1 for one label. Candidates are the distinct scores:
    /// predicting the k highest score groups is exactly `score > next lower score`, so the
    /// returned threshold reproduces the counted F1 under the strict rule. Ties in F1 go to
    /// the highest threshold (fewest positive predictions). A label without positives gets
    /// the maximum score (predict nothing) and F1 0.
    public static func bestF1Threshold(truth: [Bool], scores: [Float]) -> TunedThreshold {
        let positives = truth.filter { $0 }.count
        let groups = thresholdGroups(truth: truth, scores: scores.map(Double.init))
        guard let top = groups.first else { return TunedThreshold(threshold: 0.5, f1: 0) }
        var best = TunedThreshold(threshold: Float(top.score), f1: 0)
        guard positives > 0 else { return best }
        var tp = 0, fp = 0
        for (k, g) in groups.enumerated() {
            tp += g.positives; fp += g.negatives
            let f1 = Double(2 * tp) / Double(2 * tp + fp + (positives - tp))
            if f1 > best.f1 {
                let next = k + 1 < groups.count ? Float(groups[k + 1].score) : Float(g.score).nextDown
                best = TunedThreshold(threshold: next, f1: f1)
            }
        }
        return best
    }

    /// `bestF1Threshold` for every label of [N, L] labels and scores.
    public static func bestF1Thresholds(yTrue: Tensor, yScore: Tensor) -> [TunedThreshold] {
        let (n, l) = dims(yTrue, yScore)
        return (0..<l).map { k in
            bestF1Threshold(truth: (0..<n).map { yTrue.storage[$0 * l + k] > 0.5 },
                            scores: (0..<n).map { yScore.storage[$0 * l + k] })
        }
    }
}
