/// Batch normalisation over the last axis (the features of [B, F], the channels of NHWC
/// images) with PyTorch's semantics (`BatchNorm1d` / `BatchNorm2d`: momentum 0.1, eps 1e-5):
/// - training: per channel, the batch mean μ and biased variance σ² over the N = B (or B·H·W)
///   values, y = γ·(x − μ)/√(σ² + eps) + β, and the running statistics move by
///   r ← (1 − m)·r + m·s with s = μ and the unbiased variance σ²·N/(N − 1);
/// - inference: y = γ·(x − running mean)/√(running var + eps) + β.
/// Running statistics start at 0 and 1, γ at 1 and β at 0 (no draw from the seed, so adding
/// the layer does not move any other layer's initial weights). Sums are in Double.
/// Keras' `BatchNormalization` differs: momentum 0.99 on the old value, eps 1e-3.
public final class BatchNormalization: Layer {
    public let momentum: Double
    public let epsilon: Double
    public private(set) var channels = 0
    public private(set) var gamma = Parameter(name: "gamma", value: .empty)
    public private(set) var beta = Parameter(name: "beta", value: .empty)
    /// Non-trainable: what inference normalises with.
    public private(set) var runningMean = Parameter(name: "running_mean", value: .empty)
    public private(set) var runningVariance = Parameter(name: "running_var", value: .empty)

    private var normalized = Tensor.empty        // x̂ of the last training forward
    private var inverseDeviation: [Double] = []  // 1/√(σ² + eps) per channel
    private var output = Tensor.empty
    private var inputGradient = Tensor.empty

    public init(momentum: Double = 0.1, epsilon: Double = 1e-5) {
        precondition(momentum >= 0 && momentum <= 1, "BatchNormalization momentum must be in [0, 1]")
        precondition(epsilon > 0, "BatchNormalization epsilon must be > 0")
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] {
        precondition(!inputShape.isEmpty, "BatchNormalization needs inputs with a feature axis")
        channels = inputShape[inputShape.count - 1]
        gamma = Parameter(name: "gamma", value: Tensor(repeating: 1, shape: [channels]))
        beta = Parameter(name: "beta", value: Tensor(zeros: [channels]))
        runningMean = Parameter(name: "running_mean", value: Tensor(zeros: [channels]))
        runningVariance = Parameter(name: "running_var", value: Tensor(repeating: 1, shape: [channels]))
        return inputShape
    }

    public var parameters: [Parameter] { [gamma, beta] }
    public var state: [Parameter] { [runningMean, runningVariance] }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let c = channels, n = input.count / max(c, 1)
        precondition(input.count == n * c && input.shape.last == c, "BatchNormalization(\(c)) got \(input.shape)")
        output.resize(to: input.shape)
        var shift = [Double](repeating: 0, count: c), scale = [Double](repeating: 0, count: c)
        if training {
            normalized.resize(to: input.shape)
            let (mean, variance) = Self.moments(input, channels: c)
            inverseDeviation = variance.map { 1 / ($0 + epsilon).squareRoot() }
            let unbiased = n > 1 ? Double(n) / Double(n - 1) : 1
            for k in 0..<c {
                shift[k] = mean[k]; scale[k] = inverseDeviation[k]
                let rm = Double(runningMean.value.storage[k]), rv = Double(runningVariance.value.storage[k])
                runningMean.value.storage[k] = Float((1 - momentum) * rm + momentum * mean[k])
                runningVariance.value.storage[k] = Float((1 - momentum) * rv + momentum * variance[k] * unbiased)
            }
        } else {
            for k in 0..<c {
                shift[k] = Double(runningMean.value.storage[k])
                scale[k] = 1 / (Double(runningVariance.value.storage[k]) + epsilon).squareRoot()
            }
        }
        input.storage.withUnsafeBufferPointer { x in
            output.storage.withUnsafeMutableBufferPointer { y in
                normalized.storage.withUnsafeMutableBufferPointer { xh in
                    for i in 0..<n {
                        for k in 0..<c {
                            let v = (Double(x[i * c + k]) - shift[k]) * scale[k]
                            if training { xh[i * c + k] = Float(v) }
                            y[i * c + k] = Float(Double(gamma.value.storage[k]) * v + Double(beta.value.storage[k]))
                        }
                    }
                }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor {
        let c = channels, n = outputGradient.count / max(c, 1)
        precondition(normalized.count == outputGradient.count, "BatchNormalization.backward without a matching training forward")
        var sumDy = [Double](repeating: 0, count: c), sumDyXh = [Double](repeating: 0, count: c)
        outputGradient.storage.withUnsafeBufferPointer { dy in
            normalized.storage.withUnsafeBufferPointer { xh in
                for i in 0..<n {
                    for k in 0..<c {
                        sumDy[k] += Double(dy[i * c + k])
                        sumDyXh[k] += Double(dy[i * c + k]) * Double(xh[i * c + k])
                    }
                }
            }
        }
        for k in 0..<c {
            gamma.gradient.storage[k] = Float(sumDyXh[k])
            beta.gradient.storage[k] = Float(sumDy[k])
        }
        guard needsInputGradient else { return .empty }
        inputGradient.resize(to: outputGradient.shape)
        let count = Double(n)
        outputGradient.storage.withUnsafeBufferPointer { dy in
            normalized.storage.withUnsafeBufferPointer { xh in
                inputGradient.storage.withUnsafeMutableBufferPointer { dx in
                    for i in 0..<n {
                        for k in 0..<c {
                            let a = Double(gamma.value.storage[k]) * inverseDeviation[k]
                            let g = Double(dy[i * c + k]) - sumDy[k] / count - Double(xh[i * c + k]) * sumDyXh[k] / count
                            dx[i * c + k] = Float(a * g)
                        }
                    }
                }
            }
        }
        return inputGradient
    }

    /// Per-channel mean and biased variance (two passes, in Double).
    static func moments(_ input: Tensor, channels c: Int) -> (mean: [Double], variance: [Double]) {
        let n = input.count / c
        var mean = [Double](repeating: 0, count: c), variance = mean
        input.storage.withUnsafeBufferPointer { x in
            for i in 0..<n { for k in 0..<c { mean[k] += Double(x[i * c + k]) } }
            for k in 0..<c { mean[k] /= Double(n) }
            for i in 0..<n {
                for k in 0..<c { let d = Double(x[i * c + k]) - mean[k]; variance[k] += d * d }
            }
            for k in 0..<c { variance[k] /= Double(n) }
        }
        return (mean, variance)
    }
}

extension Sequential {
    /// Every layer's non-trainable state (running statistics), layer by layer.
    public var state: [Parameter] { layers.flatMap { $0.state } }
}
