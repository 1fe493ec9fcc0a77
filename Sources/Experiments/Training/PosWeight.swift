import NeuralCore
import PortableJSON

/// Per-label weight of the positive term of sigmoid binary cross-entropy
/// (TF `weighted_cross_entropy_with_logits(pos_weight=)`, PyTorch
/// `BCEWithLogitsLoss(pos_weight=)`).
/// Each case is documented once, by its member in `description` below.
public enum PosWeight: Hashable, Sendable {
    case none, balanced
    case scaledBalanced(scale: Double)
    case fixed([Double])

    /// `.balanced` multiplied by `scale`; the spelling lessons use.
    public static func balanced(scale: Double) -> PosWeight { .scaledBalanced(scale: scale) }
    /// The weights NeuralCore trains with, resolved on the training labels (nil: none).
    func resolve(trainLabels: Tensor, labelNames: [String]) throws(WeightingError) -> [Float]? {
        switch self {
        case .none: return nil
        case .balanced: return try PositiveWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)
        case .scaledBalanced(let scale):
            return try PositiveWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)?.map { $0 * Float(scale) }
        case .fixed(let values): return try PositiveWeighting.fixed(values.map(Float.init)).resolve(labels: trainLabels)
        }
    }
}

extension PosWeight: DeclaredType {
    public static let typeName = "PosWeight"
    static let scale = ArgumentKey<Double>("scale", limits: .positive(max: 1000), doc: "Multiplies the balanced weight.")
    public static let members: [DeclaredMember<PosWeight>] = [
        .plain("none", .none, doc: "Every positive counts once."),
        .plain("balanced", .balanced, doc: "negatives / positives of each label in the training split."),
        DeclaredMember("balanced", [scale.facts], doc: "The balanced weight times `scale`.") { a throws(JSONError) in
            PosWeight.scaledBalanced(scale: try a(scale))
        }.stored(as: "scaledBalanced"),
        .perLabelWeights("fixed", doc: "Given weights.") { .fixed($0) },
    ]

    static let description = APITypeDescription(declared: PosWeight.self, doc: "Per-label weight of the positive term of binary cross-entropy (TF/PyTorch `pos_weight`).")
}

#if !hasFeature(Embedded)
extension PosWeight: Codable {}
#endif
