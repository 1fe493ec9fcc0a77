/// A multi-layer perceptron: flatten the image, then `Dense` + ReLU layers of the
/// given widths, then a final `Dense` with one output per label and **no
/// activation** — the model outputs logits; the head is applied by the loss.
public struct MLP: Hashable, Sendable {
    /// Widths of the hidden `Dense` layers, input side first (Keras `units`).
    public var hidden: [Int]
    /// Dropout rate after each hidden layer (inactive at inference).
    public var dropout: Double

    #if !hasFeature(Embedded)
    static let description = APITypeDescription.initialiser(
        of: MLP.self, doc: "Flatten, hidden `Dense` + ReLU layers, then a `Dense` layer that outputs logits (no activation).",
        conformsTo: "ModelSpecification", initialiser: "A multi-layer perceptron.", [
            APIArgument("hidden", .array(.int), default: "[64]", limits: APICatalog.widths, doc: "Widths of the hidden layers."),
            APICatalog.dropoutArgument("Dropout rate after each hidden layer."),
        ]) { MLP(hidden: $0.ints("hidden"), dropout: $0.double("dropout")) }
    #endif

    public init(hidden: [Int] = [64], dropout: Double = 0) {
        self.hidden = hidden
        self.dropout = dropout
    }
}

#if !hasFeature(Embedded)
extension MLP: Codable {}
#endif
