/// A trainable tensor and its gradient. A class, so optimizers update the value the
/// layer computes with, and so optimizer state can be keyed by identity.
public final class Parameter {
    public let name: String
    public var value: Tensor
    /// d(loss)/d(value) from the last `backward`; overwritten (not accumulated) each step.
    public var gradient: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor(zeros: value.shape)
    }
}
