/// Reshapes [N, …] to [N, product(…)] without copying (NHWC order is kept, as in Keras).
public final class Flatten: Layer {
    private var inputShape: [Int] = []

    public init() {}

    public func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] {
        [inputShape.reduce(1, *)]
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        if training { inputShape = input.shape }
        return input.reshaped([input.batchSize, input.itemSize])
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        needsInputGradient ? outputGradient.reshaped(inputShape) : .empty
    }
}
