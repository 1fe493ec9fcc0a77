/// Updates parameters from their gradients. State (momentum, moments) is kept per
/// parameter, keyed by identity, and created on first use.
public protocol Optimizer: AnyObject {
    /// The step size; a trainer may report it (e.g. in a divergence message).
    var learningRate: Float { get }
    /// Applies one update to every parameter from its current gradient.
    func step(_ parameters: [Parameter])
}
