import NeuralCore

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

extension Optimizer {
    static let learningRateLimits = Limits.positive(max: 1e6)
    static let betaLimits = Limits(min: 0, max: 1, exclusiveMin: false)
    static let epsilonLimits = Limits.positive(max: 1)

    static let description = APITypeDescription("Optimizer", doc: "The optimizer (ε added to √v̂, as PyTorch and optax do).", members: [
        APIMember("adam", [
            APIArgument("learningRate", .double, default: "0.001", limits: learningRateLimits, doc: "Step size."),
            APIArgument("beta1", .double, default: "0.9", limits: betaLimits, doc: "Decay of the first-moment average."),
            APIArgument("beta2", .double, default: "0.999", limits: betaLimits, doc: "Decay of the second-moment average."),
            APIArgument("epsilon", .double, default: "1e-8", limits: epsilonLimits, doc: "Added to √v̂."),
        ], doc: "Adam (Kingma & Ba).") {
            .adam(learningRate: $0.double("learningRate"), beta1: $0.double("beta1"), beta2: $0.double("beta2"),
                  epsilon: $0.double("epsilon")) as Optimizer
        },
        APIMember("adamW", [
            APIArgument("learningRate", .double, default: "0.001", limits: learningRateLimits, doc: "Step size."),
            APIArgument("weightDecay", .double, default: "0.01", limits: .range(0...1), doc: "Decoupled weight decay."),
            APIArgument("beta1", .double, default: "0.9", limits: betaLimits, doc: "Decay of the first-moment average."),
            APIArgument("beta2", .double, default: "0.999", limits: betaLimits, doc: "Decay of the second-moment average."),
            APIArgument("epsilon", .double, default: "1e-8", limits: epsilonLimits, doc: "Added to √v̂."),
        ], doc: "Adam with decoupled weight decay (Loshchilov & Hutter).") {
            .adamW(learningRate: $0.double("learningRate"), weightDecay: $0.double("weightDecay"),
                   beta1: $0.double("beta1"), beta2: $0.double("beta2"), epsilon: $0.double("epsilon")) as Optimizer
        },
        APIMember("sgd", [
            APIArgument("learningRate", .double, default: "0.01", limits: learningRateLimits, doc: "Step size."),
            APIArgument("momentum", .double, default: "0", limits: Limits(min: 0, max: 1), doc: "Momentum factor."),
            APIArgument("nesterov", .bool, default: "false", doc: "Nesterov momentum."),
            APIArgument("weightDecay", .double, default: "0", limits: .range(0...1), doc: "L2 penalty added to the gradient."),
        ], doc: "Stochastic gradient descent (PyTorch `SGD`).", check: { a in
            a.bool("nesterov") && a.double("momentum") == 0
                ? [APIIssue([.argument("nesterov")], "Nesterov momentum needs momentum > 0")] : []
        }) {
            .sgd(learningRate: $0.double("learningRate"), momentum: $0.double("momentum"), nesterov: $0.bool("nesterov"),
                 weightDecay: $0.double("weightDecay")) as Optimizer
        },
    ])
}
#endif

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
