/// The canonical form of every model a `Run` can train (what the runner builds
/// and hashes). Lessons write `MLP(...)` or `CNN(...)`; both convert to this.
public enum Model: Codable, Hashable, Sendable {
    case mlp(MLP)
    case cnn(CNN)
}

/// A model specification a `Run` accepts for its `model:` argument.
public protocol ModelSpecification: Sendable {
    var model: Model { get }
}

extension MLP: ModelSpecification {
    public var model: Model { .mlp(self) }
}

extension CNN: ModelSpecification {
    public var model: Model { .cnn(self) }
}

extension Model: ModelSpecification {
    public var model: Model { self }
}
