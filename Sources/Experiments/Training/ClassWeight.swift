import NeuralCore

/// Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).
/// Each case is documented once, by its member in `description` below.
public enum ClassWeight: Codable, Hashable, Sendable {
    case none
    case balanced
    case fixed([Double])
}


extension ClassWeight {
    static let description = APITypeDescription(
        "ClassWeight", doc: "Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).",
        members: [
            .plain("none", ClassWeight.none, doc: "Every class counts once."),
            .plain("balanced", ClassWeight.balanced, doc: "total / (classes × count of the class), scikit-learn's \"balanced\"."),
            APIMember("fixed", [APIArgument(nil, name: "weights", .array(.double), limits: .weights,
                                            doc: "One weight per label, in label order.")],
                      doc: "Given weights.") { .fixed($0.doubles("weights")) as ClassWeight },
        ])

    /// scikit-learn "balanced": samples / (classes × positives of the class), NeuralCore's tested formula.
    func resolve(trainLabels: Tensor, labelNames: [String]) throws -> [Float]? {
        switch self {
        case .none: return nil
        case .fixed(let values): return values.map(Float.init)
        case .balanced: return try ClassWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)
        }
    }
}
