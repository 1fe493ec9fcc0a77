/// Inverted dropout (Keras/PyTorch): in training each value is zeroed with probability
/// `rate` and the survivors scaled by 1/(1−rate); at inference it is the identity.
/// The mask comes from the layer's own `SeededRNG`, derived at `build`.
public final class Dropout: Layer {
    public let rate: Float
    private var rng = SeededRNG(seed: 0)
    private var mask: [Float] = []
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty

    public init(rate: Float) {
        precondition(rate >= 0 && rate < 1, "Dropout rate must be in [0, 1)")
        self.rate = rate
    }

    public func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] {
        self.rng = SeededRNG(seed: rng.next())
        return inputShape
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        guard training, rate > 0 else { return input }
        let scale = 1 / (1 - rate)
        if mask.count != input.count { mask = [Float](repeating: 0, count: input.count) }
        for i in 0..<mask.count { mask[i] = rng.nextFloat() < rate ? 0 : scale }
        output.resize(to: input.shape)
        input.storage.withUnsafeBufferPointer { x in
            output.storage.withUnsafeMutableBufferPointer { y in
                for i in 0..<x.count { y[i] = x[i] * mask[i] }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        guard needsInputGradient else { return .empty }
        guard rate > 0 else { return outputGradient }
        inputGradient.resize(to: outputGradient.shape)
        outputGradient.storage.withUnsafeBufferPointer { dy in
            inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                for i in 0..<dy.count { dx[i] = dy[i] * mask[i] }
            }
        }
        return inputGradient
    }
}
