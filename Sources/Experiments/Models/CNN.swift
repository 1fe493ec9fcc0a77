/// A small convolutional network: per entry of `filters`, a 3×3 `Conv2D`
/// (`same` padding) + ReLU + 2×2 `MaxPool2D`; then `Flatten`, `Dense` + ReLU
/// layers of the widths in `dense`, and a final `Dense` producing logits.
public struct CNN: Codable, Hashable, Sendable {
    /// Output channels of each convolution block, input side first.
    public var filters: [Int]
    /// Widths of the hidden `Dense` layers after flattening.
    public var dense: [Int]
    /// Dropout rate before each hidden `Dense` layer.
    public var dropout: Double
    /// Odd square kernel size of every convolution.
    public var kernelSize: Int

    public init(filters: [Int] = [16, 32], dense: [Int] = [64], dropout: Double = 0, kernelSize: Int = 3) {
        self.filters = filters
        self.dense = dense
        self.dropout = dropout
        self.kernelSize = kernelSize
    }
}
