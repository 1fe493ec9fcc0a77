/// Updates parameters from their gradients. State (momentum, moments) is kept per
/// parameter, keyed by identity, and created on first use.
public protocol GradientOptimizer: AnyObject {
    /// The step size; a trainer may report it (e.g. in a divergence message), and sets it
    /// before each step when it follows a `LearningRateSchedule`.
    var learningRate: Float { get set }
    /// Applies one update to every parameter from its current gradient.
    func step(_ parameters: [Parameter])
    /// Whether every weight the last `step` wrote is finite, when the optimizer
    /// tracked it while writing them (saving the trainer a pass); nil if not.
    var lastStepWeightsFinite: Bool? { get }
}

extension GradientOptimizer {
    public var lastStepWeightsFinite: Bool? { nil }
}
