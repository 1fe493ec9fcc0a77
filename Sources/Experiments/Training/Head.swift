import NeuralCore

/// How logits become probabilities (applied by the loss and by prediction,
/// never as a layer). Each case is documented once, in `description`.
public enum Head: String, Hashable, Sendable, CaseIterable {
    case sigmoid
    case softmax

    /// NeuralCore's head.
    var outputHead: OutputHead { self == .sigmoid ? .sigmoid : .softmax }
}

extension Head: DeclaredType {
    public static let typeName = "Head"
    public static let members = DeclaredMember<Head>.plain([
        (Head.sigmoid, "One independent yes/no per label: right for multi-label data."),
        (Head.softmax, "One distribution over all labels: labels compete for one unit of probability."),
    ])

    static let description = APITypeDescription(declared: Head.self, doc: "How logits become probabilities.")
}

#if !hasFeature(Embedded)
extension Head: Codable {}
#endif
