import NeuralCore

/// How logits become probabilities (applied by the loss and by prediction,
/// never as a layer).
/// Each case is documented once, by its member in `description` below.
public enum Head: String, Codable, Hashable, Sendable, CaseIterable {
    case sigmoid
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
