/// The training loss, always computed from logits (`from_logits=True`).
public enum Loss: Codable, Hashable, Sendable {
    /// Sigmoid binary cross-entropy per label (Keras `BinaryCrossentropy(from_logits=True)`,
    /// PyTorch `BCEWithLogitsLoss`), with an optional positive weight per label.
    case binaryCrossEntropy(posWeight: PosWeight = .none)
    /// Softmax cross-entropy on multi-hot targets normalised to sum 1
    /// (Keras `CategoricalCrossentropy(from_logits=True)`).
    case softmaxCrossEntropy(classWeight: ClassWeight = .none)
    /// Softmax cross-entropy on one integer label per image — the first positive
    /// label; every other label of the image is thrown away
    /// (Keras `SparseCategoricalCrossentropy(from_logits=True)`).
    case sparseSoftmaxCrossEntropy(classWeight: ClassWeight = .none)
    /// Sigmoid focal loss (Lin et al. 2017, torchvision `sigmoid_focal_loss`):
    /// down-weights easy examples by (1 − p_t)^γ; `alpha` weights positives
    /// (nil = no class balancing, like Keras without `apply_class_balancing`).
    case focal(alpha: Double? = 0.25, gamma: Double = 2)

    /// The head this loss is defined for.
    public var head: Head {
        switch self {
        case .binaryCrossEntropy, .focal: return .sigmoid
        case .softmaxCrossEntropy, .sparseSoftmaxCrossEntropy: return .softmax
        }
    }
}
