/// How probabilities become predicted labels (a label is predicted when its
/// probability is strictly greater than its threshold, as Keras and torchmetrics do).
public enum Threshold: Codable, Hashable, Sendable {
    /// One threshold for every label.
    case fixed(Double)
    /// One threshold per label, in label order.
    case perLabel([Double])
    /// Per-label thresholds chosen on the validation split to maximise `objective`.
    case tuned(maximizing: ThresholdObjective)
    /// The leak, for demonstrating it: per-label thresholds tuned on the test split
    /// itself, so the test metrics are optimistic (never use it for a real estimate).
    case tunedOnTest(maximizing: ThresholdObjective)
    /// The k most probable labels of each image (the softmax recipe).
    case topK(Int)
}

extension Threshold {
    /// True when the thresholds are chosen on the test split (`.tunedOnTest`).
    public var tunesOnTestSplit: Bool {
        if case .tunedOnTest = self { return true }
        return false
    }
}

/// What `.tuned(maximizing:)` maximises per label on the validation split.
public enum ThresholdObjective: String, Codable, Hashable, Sendable, CaseIterable {
    case f1
}
