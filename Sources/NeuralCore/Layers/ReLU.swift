/// max(x, 0). The derivative at exactly 0 is taken as 0 (PyTorch, TF).
public final class ReLU: Layer {
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty

    public init() {}

    public func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] { inputShape }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        output.resize(to: input.shape)
        input.storage.withUnsafeBufferPointer { x in
            output.storage.withUnsafeMutableBufferPointer { y in
                ReLUKernel.forward(x.baseAddress!, y.baseAddress!, count: x.count)
            }
        }
        return output
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        guard needsInputGradient else { return .empty }
        inputGradient.resize(to: output.shape)
        outputGradient.storage.withUnsafeBufferPointer { dy in
            output.storage.withUnsafeBufferPointer { y in
                inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                    ReLUKernel.backward(dy.baseAddress!, output: y.baseAddress!, dx.baseAddress!, count: dy.count)
                }
            }
        }
        return inputGradient
    }
}
