/// Per-class weights for the softmax cross-entropies (PyTorch `CrossEntropyLoss(weight=)`).
public enum ClassWeighting: Sendable, Equatable {
    case none
    /// sklearn `compute_class_weight("balanced")` on the positives: N / (L · positives_c).
    case balanced
    case fixed([Float])

    /// The weights for training labels [N, L], or nil for `.none`.
    public func resolve(labels: Tensor, labelNames: [String] = []) throws(WeightingError) -> [Float]? {
        let stats = LabelStatistics(labels)
        switch self {
        case .none: return nil
        case .fixed(let w):
            guard w.count == 1 || w.count == stats.labelCount else {
                throw WeightingError.wrongCount(expected: stats.labelCount, got: w.count)
            }
            return w
        case .balanced:
            return try (0..<stats.labelCount).map { c throws(WeightingError) -> Float in
                guard stats.positives[c] > 0 else {
                    throw WeightingError.noPositives(label: WeightingError.name(c, labelNames))
                }
                return Float(Double(stats.count) / (Double(stats.labelCount) * Double(stats.positives[c])))
            }
        }
    }
}
