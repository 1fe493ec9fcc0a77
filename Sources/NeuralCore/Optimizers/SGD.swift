/// Stochastic gradient descent with PyTorch's semantics (dampening 0):
/// g ← ∇ + λ·θ (weight decay as L2); with momentum μ: b ← μ·b + g (b = g on the first
/// step), then g ← g + μ·b with Nesterov or g ← b without; θ ← θ − lr·g.
public final class SGD: GradientOptimizer {
    public var learningRate: Float
    public let momentum: Float
    public let nesterov: Bool
    public let weightDecay: Float
    private var buffers: [ObjectIdentifier: [Float]] = [:]

    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false, weightDecay: Float = 0) {
        precondition(!nesterov || momentum > 0, "Nesterov momentum needs momentum > 0")
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter]) {
        for p in parameters {
            let id = ObjectIdentifier(p)
            let fresh = buffers[id] == nil
            var buf = buffers.removeValue(forKey: id) ?? [Float](repeating: 0, count: p.value.count)
            let lr = learningRate, mu = momentum, wd = weightDecay, nest = nesterov
            p.gradient.storage.withUnsafeBufferPointer { g in
                p.value.storage.withUnsafeMutableBufferPointer { theta in
                    buf.withUnsafeMutableBufferPointer { b in
                        for i in 0..<theta.count {
                            var d = g[i] + wd * theta[i]
                            if mu != 0 {
                                b[i] = fresh ? d : mu * b[i] + d
                                d = nest ? d + mu * b[i] : b[i]
                            }
                            theta[i] -= lr * d
                        }
                    }
                }
            }
            if mu != 0 { buffers[id] = buf }
        }
    }
}
