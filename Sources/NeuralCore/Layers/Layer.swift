/// A layer of a `Sequential` model: builds its parameters for a per-sample input shape,
/// maps a batch forward, and maps the loss gradient backward while filling its
/// parameters' gradients.
///
/// Buffers: a layer owns its output and input-gradient buffers and reuses them across
/// steps. It keeps a reference to its training-time input until `backward` and then
/// releases it, so the previous layer's buffer is uniquely owned again and is
/// overwritten in place on the next step (no allocation per step).
public protocol Layer: AnyObject {
    /// Creates parameters for inputs of per-sample shape `inputShape` (batch axis
    /// excluded) and returns the per-sample output shape. Draws from `rng` in a fixed order.
    func build(inputShape: [Int], rng: inout SeededRNG) -> [Int]

    /// Forward pass on a batch (first axis = batch). With `training`, caches what
    /// `backward` needs and applies training-only behaviour (dropout).
    func forward(_ input: Tensor, training: Bool) -> Tensor

    /// Given d(loss)/d(output) of the last training forward, sets every parameter's
    /// gradient and returns d(loss)/d(input) (or an empty tensor when
    /// `needsInputGradient` is false, which saves the work for the first layer).
    func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor

    /// Trainable parameters in a stable order (empty for parameter-free layers).
    var parameters: [Parameter] { get }

    /// Non-trainable values inference depends on (BatchNormalization's running statistics),
    /// in a stable order: saved and restored with the weights by early stopping.
    var state: [Parameter] { get }
}

extension Layer {
    public var parameters: [Parameter] { [] }
    public var state: [Parameter] { [] }
}
