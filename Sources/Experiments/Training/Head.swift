import NeuralCore

/// How logits become probabilities (applied by the loss and by prediction,
/// never as a layer).
public enum Head: String, Codable, Hashable, Sendable, CaseIterable {
    /// One independent yes/no per label: right for multi-label data.
    case sigmoid
    /// One distribution over all labels: labels compete for one unit of probability.
    case softmax
}

extension Head {
    static let description = APITypeDescription("Head", doc: "How logits become probabilities.", members: [
        .plain("sigmoid", Head.sigmoid, doc: "One independent yes/no per label: right for multi-label data."),
        .plain("softmax", Head.softmax, doc: "One distribution over all labels: labels compete for one unit of probability."),
    ])

    /// NeuralCore's head.
    var outputHead: OutputHead {
        switch self {
        case .sigmoid: return .sigmoid
        case .softmax: return .softmax
        }
    }
}
