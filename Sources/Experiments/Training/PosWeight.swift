import NeuralCore

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

    #if !hasFeature(Embedded)
    static let description = APITypeDescription(
        of: PosWeight.self, doc: "Per-label weight of the positive term of binary cross-entropy (TF/PyTorch `pos_weight`).", members: APIMember.plain([
            (PosWeight.none, "Every positive counts once."),
            (PosWeight.balanced, "negatives / positives of each label in the training split."),
        ]) + [
            APIMember("balanced", [APIArgument("scale", .double, limits: .positive(max: 1000), doc: "Multiplies the balanced weight.")],
                      doc: "The balanced weight times `scale`.") { .scaledBalanced(scale: $0.double("scale")) as PosWeight },
            .perLabelWeights("fixed", doc: "Given weights.") { PosWeight.fixed($0) },
        ])
    #endif

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

#if !hasFeature(Embedded)
extension PosWeight: Codable {}
#endif
