/// The optimizer and its hyper-parameters (PyTorch/optax epsilon placement:
/// ε is added to √v̂).
public enum Optimizer: Codable, Hashable, Sendable {
    case adam(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8)
    case adamW(learningRate: Double = 0.001, weightDecay: Double = 0.01, beta1: Double = 0.9, beta2: Double = 0.999,
               epsilon: Double = 1e-8)
    case sgd(learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false, weightDecay: Double = 0)

    public var learningRate: Double {
        switch self {
        case .adam(let lr, _, _, _), .adamW(let lr, _, _, _, _), .sgd(let lr, _, _, _): return lr
        }
    }
}
