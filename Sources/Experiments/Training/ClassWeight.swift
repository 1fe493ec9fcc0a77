import NeuralCore

/// Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).
/// Each case is documented once, by its member in `description` below.
public enum ClassWeight: Hashable, Sendable {
    case none, balanced
    case fixed([Double])

    #if !hasFeature(Embedded)
    static let description = APITypeDescription(
        of: ClassWeight.self, doc: "Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).", members: APIMember.plain([
            (ClassWeight.none, "Every class counts once."),
            (ClassWeight.balanced, "total / (classes × count of the class), scikit-learn's \"balanced\"."),
        ]) + [.perLabelWeights("fixed", doc: "Given weights.") { ClassWeight.fixed($0) }])
    #endif

    /// scikit-learn "balanced": samples / (classes × positives of the class), NeuralCore's tested formula.
    func resolve(trainLabels: Tensor, labelNames: [String]) throws(WeightingError) -> [Float]? {
        switch self {
        case .none: return nil
        case .fixed(let values): return values.map(Float.init)
        case .balanced: return try ClassWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)
        }
    }
}

#if !hasFeature(Embedded)
extension ClassWeight: Codable {}
#endif
