/// How logits become probabilities (applied by the loss and by prediction,
/// never as a layer).
public enum Head: String, Codable, Hashable, Sendable, CaseIterable {
    /// One independent yes/no per label: right for multi-label data.
    case sigmoid
    /// One distribution over all labels: labels compete for one unit of probability.
    case softmax
}
