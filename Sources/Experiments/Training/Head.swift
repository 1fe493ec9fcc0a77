import NeuralCore

/// How logits become probabilities (applied by the loss and by prediction,
/// never as a layer). Each case is documented once, in `description`.
public enum Head: String, Hashable, Sendable, CaseIterable {
    case sigmoid
    case softmax

    /// NeuralCore's head.
    var outputHead: OutputHead { self == .sigmoid ? .sigmoid : .softmax }

    #if !hasFeature(Embedded)
    static let description = APITypeDescription("Head", doc: "How logits become probabilities.", members: APIMember.plain([
        (Head.sigmoid, "One independent yes/no per label: right for multi-label data."),
        (Head.softmax, "One distribution over all labels: labels compete for one unit of probability."),
    ]))
    #endif
}

#if !hasFeature(Embedded)
extension Head: Codable {}
#endif
