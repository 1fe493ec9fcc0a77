import PortableJSON

/// A small convolutional network: per entry of `filters`, a 3×3 `Conv2D`
/// (`same` padding) + ReLU + 2×2 `MaxPool2D`; then `Flatten`, `Dense` + ReLU
/// layers of the widths in `dense`, and a final `Dense` producing logits.
public struct CNN: Hashable, Sendable {
    /// Output channels of each convolution block, input side first.
    public var filters: [Int]
    /// Widths of the hidden `Dense` layers after flattening.
    public var dense: [Int]
    /// Dropout rate before each hidden `Dense` layer.
    public var dropout: Double
    /// Odd square kernel size of every convolution.
    public var kernelSize: Int
    /// `BatchNormalization` after each hidden layer, before its ReLU (PyTorch `BatchNorm` in training and eval
    /// mode); nil for false, so a model without it keeps the cache key it had before it existed.
    public var batchNorm: Bool?

    public init(filters: [Int] = [16, 32], dense: [Int] = [64], dropout: Double = 0, kernelSize: Int = 3, batchNorm: Bool = false) {
        self.filters = filters
        self.dense = dense
        self.dropout = dropout
        self.kernelSize = kernelSize
        self.batchNorm = batchNorm ? true : nil
    }
}

extension CNN: DeclaredType {
    public static let typeName = "CNN"
    static let filters = ArgumentKey<[Int]>("filters", default: [16, 32], limits: Limits(min: 1, max: 256, minCount: 1, maxCount: 4),
                                            doc: "Channels of each convolution block.")
    static let dense = ArgumentKey<[Int]>("dense", default: [64], limits: ModelArguments.widths, doc: "Widths of the hidden Dense layers.")
    static let dropout = ModelArguments.dropout("Dropout rate before each hidden Dense layer.")
    static let kernelSize = ArgumentKey<Int>("kernelSize", default: 3, limits: .range(1...7), doc: "Odd square kernel size.")
    static let batchNorm = ArgumentKey<Bool>("batchNorm", default: false,
                                             doc: "Batch normalization after each convolution and hidden Dense layer, before its ReLU "
                                             + "(batch statistics in training, running averages at evaluation, as PyTorch's `BatchNorm` "
                                             + "and Keras' `BatchNormalization`).")

    public static let members = [
        DeclaredMember("init", [filters.facts, dense.facts, dropout.facts, kernelSize.facts, batchNorm.facts],
                       doc: "A small convolutional network.", check: { a throws(JSONError) in
            try a(kernelSize) % 2 == 1 ? [] : [APIIssue([.argument("kernelSize")], "kernelSize must be odd")]
        }) { a throws(JSONError) in
            CNN(filters: try a(filters), dense: try a(dense), dropout: try a(dropout), kernelSize: try a(kernelSize),
                batchNorm: try a(batchNorm))
        },
    ]

    static let description = APITypeDescription(
        model: CNN.self, doc: "Conv2D (`same`) + ReLU + 2×2 MaxPool2D blocks, Flatten, hidden Dense + ReLU layers, a logits Dense layer.")
}

#if !hasFeature(Embedded)
extension CNN: Codable {}
#endif
