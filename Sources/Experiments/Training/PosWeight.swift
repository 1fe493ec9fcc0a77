/// Per-label weight of the positive term of sigmoid binary cross-entropy
/// (TF `weighted_cross_entropy_with_logits(pos_weight=)`, PyTorch
/// `BCEWithLogitsLoss(pos_weight=)`).
public enum PosWeight: Codable, Hashable, Sendable {
    /// Every label's positives count once.
    case none
    /// negatives / positives of each label in the training split.
    case balanced
    /// `.balanced` multiplied by `scale` (0.5 = half the balanced weight).
    case scaledBalanced(scale: Double)
    /// One weight per label, in label order.
    case fixed([Double])

    /// `.balanced` multiplied by `scale`; the spelling lessons use.
    public static func balanced(scale: Double) -> PosWeight { .scaledBalanced(scale: scale) }
}
