import NeuralCore
import PortableJSON

/// Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).
/// Each case is documented once, by its member in `description` below.
public enum ClassWeight: Hashable, Sendable {
    case none, balanced
    case fixed([Double])
    /// scikit-learn "balanced": samples / (classes × positives of the class), NeuralCore's tested formula.
    func resolve(trainLabels: Tensor, labelNames: [String]) throws(WeightingError) -> [Float]? {
        switch self {
        case .none: return nil
        case .fixed(let values): return values.map(Float.init)
        case .balanced: return try ClassWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)
        }
    }
}

extension ClassWeight: DeclaredType {
    public static let typeName = "ClassWeight"
    public static let members: [DeclaredMember<ClassWeight>] = [
        .plain("none", .none, doc: "Every class counts once."),
        .plain("balanced", .balanced, doc: "total / (classes × count of the class), scikit-learn's \"balanced\"."),
        .perLabelWeights("fixed", doc: "Given weights.") { .fixed($0) },
    ]

    static let description = APITypeDescription(declared: ClassWeight.self, doc: "Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).")
}

#if !hasFeature(Embedded)
extension ClassWeight: Codable {}
#endif
