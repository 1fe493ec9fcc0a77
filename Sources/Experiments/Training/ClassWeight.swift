/// Per-class weights of softmax cross-entropy (PyTorch `CrossEntropyLoss(weight=)`).
public enum ClassWeight: Codable, Hashable, Sendable {
    case none
    /// total / (classes × count of the class) in the training split (sklearn "balanced").
    case balanced
    /// One weight per label, in label order.
    case fixed([Double])
}
