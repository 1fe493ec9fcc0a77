import NeuralCore
import PortableSort

/// Turns probabilities into predicted labels as a run's `Threshold` asks.
/// `.tuned` chooses each label's threshold on the validation split only, so the
/// test metrics stay an honest estimate; `.tunedOnTest` is handed the test split
/// instead (the leak a lesson shows).
enum ThresholdSelection {
    /// Per-label thresholds for threshold-based rules; nil for `.topK`.
    static func thresholds(_ rule: Threshold, labelCount: Int, validationTruth: Tensor?, validationProbabilities: Tensor?) -> [Double]? {
        switch rule {
        case .fixed(let t): return Array(repeating: t, count: labelCount)
        case .perLabel(let ts): return ts
        case .topK: return nil
        case .tuned(.f1), .tunedOnTest(.f1):
            guard let truth = validationTruth, let probabilities = validationProbabilities, truth.batchSize > 0 else {
                return Array(repeating: 0.5, count: labelCount)
            }
            return (0..<labelCount).map { c in
                bestF1Threshold(truth: column(truth, c).map { $0 > 0.5 }, scores: column(probabilities, c))
            }
        }
    }

    static func predictions(_ rule: Threshold, probabilities: Tensor, thresholds: [Double]?) -> Tensor {
        if case .topK(let k) = rule { return OutputHead.topK(probabilities, k: k) }
        return OutputHead.threshold(probabilities, thresholds: (thresholds ?? [0.5]).map(Float.init))
    }

    /// The threshold (strict `>`) maximising F1 on one label: the next lower score
    /// below each distinct score is a candidate; ties keep the highest threshold (fewest
    /// positives). A label without positives keeps 0.5.
    static func bestF1Threshold(truth: [Bool], scores: [Float]) -> Double {
        let positives = truth.filter { $0 }.count
        guard positives > 0 else { return 0.5 }
        let order = stableOrder(count: scores.count) { scores[$0] > scores[$1] }
        var best = (f1: -1.0, threshold: 0.5)
        var tp = 0, fp = 0
        var i = 0
        while i < order.count {
            let score = scores[order[i]]
            while i < order.count && scores[order[i]] == score {
                if truth[order[i]] { tp += 1 } else { fp += 1 }
                i += 1
            }
            // The next lower score itself: `p > next` selects exactly the scores ≥ `score`
            // (a midpoint could round onto `score` in Float and select nothing).
            let threshold = i < order.count ? Double(scores[order[i]]) : 0
            // Predicting "score > threshold" selects exactly the examples counted so far.
            let f1 = 2 * Double(tp) / Double(2 * tp + fp + (positives - tp))
            if f1 > best.f1 { best = (f1, threshold) }
        }
        return best.threshold
    }

    static func column(_ t: Tensor, _ c: Int) -> [Float] {
        let l = t.shape[1]
        return (0..<t.shape[0]).map { t.storage[$0 * l + c] }
    }
}
