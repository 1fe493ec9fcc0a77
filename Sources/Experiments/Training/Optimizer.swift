import NeuralCore
import PortableJSON

/// The optimizer and its hyper-parameters (PyTorch/optax epsilon placement:
/// ε is added to √v̂).
public enum Optimizer: Hashable, Sendable {
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

#if !hasFeature(Embedded)
extension Optimizer: Codable {}
#endif

extension Optimizer: DeclaredType {
    public static let typeName = "Optimizer"
    static let learningRateLimits = Limits.positive(max: 1e6)
    static let betaLimits = Limits(min: 0, max: 1, exclusiveMin: false)

    static let adamLearningRate = ArgumentKey<Double>("learningRate", default: 0.001, limits: learningRateLimits, doc: "Step size.")
    static let beta1 = ArgumentKey<Double>("beta1", default: 0.9, limits: betaLimits, doc: "Decay of the first-moment average.")
    static let beta2 = ArgumentKey<Double>("beta2", default: 0.999, limits: betaLimits, doc: "Decay of the second-moment average.")
    static let epsilon = ArgumentKey<Double>("epsilon", default: 1e-8, limits: .positive(max: 1), doc: "Added to √v̂.")
    static let decoupledDecay = ArgumentKey<Double>("weightDecay", default: 0.01, limits: .range(0...1), doc: "Decoupled weight decay.")
    static let sgdLearningRate = ArgumentKey<Double>("learningRate", default: 0.01, limits: learningRateLimits, doc: "Step size.")
    static let momentum = ArgumentKey<Double>("momentum", default: 0, limits: Limits(min: 0, max: 1), doc: "Momentum factor.")
    static let nesterov = ArgumentKey<Bool>("nesterov", default: false, doc: "Nesterov momentum.")
    static let l2Decay = ArgumentKey<Double>("weightDecay", default: 0, limits: .range(0...1), doc: "L2 penalty added to the gradient.")

    public static let members: [DeclaredMember<Optimizer>] = [
        DeclaredMember("adam", [adamLearningRate.facts, beta1.facts, beta2.facts, epsilon.facts], doc: "Adam (Kingma & Ba).") {
            a throws(JSONError) in
            .adam(learningRate: try a(adamLearningRate), beta1: try a(beta1), beta2: try a(beta2), epsilon: try a(epsilon))
        },
        DeclaredMember("adamW", [adamLearningRate.facts, decoupledDecay.facts, beta1.facts, beta2.facts, epsilon.facts],
                       doc: "Adam with decoupled weight decay (Loshchilov & Hutter).") { a throws(JSONError) in
            .adamW(learningRate: try a(adamLearningRate), weightDecay: try a(decoupledDecay), beta1: try a(beta1), beta2: try a(beta2),
                   epsilon: try a(epsilon))
        },
        DeclaredMember("sgd", [sgdLearningRate.facts, momentum.facts, nesterov.facts, l2Decay.facts],
                       doc: "Stochastic gradient descent (PyTorch `SGD`).", check: { a throws(JSONError) in
            let usesNesterov = try a(nesterov), momentumFactor = try a(momentum)
            return usesNesterov && momentumFactor == 0 ? [APIIssue([.argument("nesterov")], "Nesterov momentum needs momentum > 0")] : []
        }) { a throws(JSONError) in
            .sgd(learningRate: try a(sgdLearningRate), momentum: try a(momentum), nesterov: try a(nesterov), weightDecay: try a(l2Decay))
        },
    ]

    static let description = APITypeDescription(declared: Optimizer.self,
                                                doc: "The optimizer (ε added to √v̂, as PyTorch and optax do).")
}

extension Optimizer {
    /// NeuralCore's optimizer.
    var gradientOptimizer: GradientOptimizer {
        switch self {
        case let .adam(lr, b1, b2, eps):
            return Adam(learningRate: Float(lr), beta1: Float(b1), beta2: Float(b2), epsilon: Float(eps))
        case let .adamW(lr, wd, b1, b2, eps):
            return Adam.adamW(learningRate: Float(lr), beta1: Float(b1), beta2: Float(b2), epsilon: Float(eps), weightDecay: Float(wd))
        case let .sgd(lr, momentum, nesterov, wd):
            return SGD(learningRate: Float(lr), momentum: Float(momentum), nesterov: nesterov, weightDecay: Float(wd))
        }
    }
}
