/// The canonical form of every model a `Run` can train (what the runner builds
/// and hashes). Lessons write `MLP(...)`, `CNN(...)` or `PrevalenceBaseline()`; each
/// converts to this.
public enum Model: Hashable, Sendable {
    case mlp(MLP)
    case cnn(CNN)
    /// Not a network: the constant training-prevalence scores (nothing is trained).
    case prevalence(PrevalenceBaseline)
}

#if !hasFeature(Embedded)
extension Model: Codable {}
#endif

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

extension PrevalenceBaseline: ModelSpecification {
    public var model: Model { .prevalence(self) }
}

extension Model: ModelSpecification {
    public var model: Model { self }
}
