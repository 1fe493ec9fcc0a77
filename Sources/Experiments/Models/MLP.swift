import PortableJSON

/// A multi-layer perceptron: flatten the image, then `Dense` + ReLU layers of the
/// given widths, then a final `Dense` with one output per label and **no
/// activation** — the model outputs logits; the head is applied by the loss.
public struct MLP: Hashable, Sendable {
    /// Widths of the hidden `Dense` layers, input side first (Keras `units`).
    public var hidden: [Int]
    /// Dropout rate after each hidden layer (inactive at inference).
    public var dropout: Double
    /// `BatchNormalization` after each hidden layer, before its ReLU (PyTorch `BatchNorm` in training and eval
    /// mode); nil for false, so a model without it keeps the cache key it had before it existed.
    public var batchNorm: Bool?

    public init(hidden: [Int] = [64], dropout: Double = 0, batchNorm: Bool = false) {
        self.hidden = hidden
        self.dropout = dropout
        self.batchNorm = batchNorm ? true : nil
    }
}

extension MLP: DeclaredType {
    public static let typeName = "MLP"
    static let hidden = ArgumentKey<[Int]>("hidden", default: [64], limits: ModelArguments.widths, doc: "Widths of the hidden layers.")
    static let dropout = ModelArguments.dropout("Dropout rate after each hidden layer.")
    static let batchNorm = ArgumentKey<Bool>("batchNorm", default: false,
                                             doc: "Batch normalization after each hidden Dense layer, before its ReLU (batch statistics in training, "
                                             + "running averages at evaluation, as PyTorch's `BatchNorm` and Keras' `BatchNormalization`).")

    public static let members = [
        DeclaredMember("init", [hidden.facts, dropout.facts, batchNorm.facts], doc: "A multi-layer perceptron.") { a throws(JSONError) in
            MLP(hidden: try a(hidden), dropout: try a(dropout), batchNorm: try a(batchNorm))
        },
    ]

    static let description = APITypeDescription(
        model: MLP.self, doc: "Flatten, hidden `Dense` + ReLU layers, then a `Dense` layer that outputs logits (no activation).")
}

#if !hasFeature(Embedded)
extension MLP: Codable {}
#endif
