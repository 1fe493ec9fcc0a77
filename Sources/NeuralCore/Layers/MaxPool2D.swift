/// Max pooling over non-overlapping windows (pool size = stride, `valid`: a trailing
/// row/column that does not fill a window is dropped, as in Keras and PyTorch).
/// On ties the gradient goes to the first maximum in row-major window order (PyTorch's
/// CPU rule), so a tie never doubles the gradient.
public final class MaxPool2D: Layer {
    public let poolSize: Int
    /// Set by `Sequential` when a `ReLU` directly precedes this layer: the pair
    /// then runs as one pass with the same bits (see `MaxPoolKernel`).
    var absorbsPrecedingReLU = false
    private var height = 0, width = 0, channels = 0, outHeight = 0, outWidth = 0
    private var argmax: [Int32] = []
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty

    public init(poolSize: Int = 2) {
        precondition(poolSize > 0)
        self.poolSize = poolSize
    }

    public func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] {
        precondition(inputShape.count == 3, "MaxPool2D expects [H, W, C] inputs, got \(inputShape)")
        height = inputShape[0]; width = inputShape[1]; channels = inputShape[2]
        outHeight = height / poolSize; outWidth = width / poolSize
        precondition(outHeight > 0 && outWidth > 0, "MaxPool2D(\(poolSize)) larger than its input \(inputShape)")
        return [outHeight, outWidth, channels]
    }

    var kernel: MaxPoolKernel {
        MaxPoolKernel(height: height, width: width, channels: channels, outHeight: outHeight,
                      outWidth: outWidth, poolSize: poolSize, appliesReLU: absorbsPrecedingReLU)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let batch = input.batchSize, c = channels
        output.resize(to: [batch, outHeight, outWidth, c])
        if argmax.count != output.count { argmax = [Int32](repeating: 0, count: output.count) }
        input.storage.withUnsafeBufferPointer { x in
            output.storage.withUnsafeMutableBufferPointer { y in
                argmax.withUnsafeMutableBufferPointer { am in
                    kernel.forward(x.baseAddress!, batch: batch, output: y.baseAddress!, argmax: am.baseAddress!)
                }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        guard needsInputGradient else { return .empty }
        let batch = outputGradient.batchSize
        inputGradient.resize(to: [batch, height, width, channels])
        outputGradient.storage.withUnsafeBufferPointer { dy in
            argmax.withUnsafeBufferPointer { am in
                inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                    kernel.backward(dy.baseAddress!, argmax: am.baseAddress!, batch: batch, inputGradient: dx.baseAddress!)
                }
            }
        }
        return inputGradient
    }
}
