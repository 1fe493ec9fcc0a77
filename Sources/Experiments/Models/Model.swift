import PortableJSON

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

/// A run's `model:` argument: any `ModelSpecification` in a lesson, the `Model` case in
/// JSON (`{"mlp": {"_0": {...}}}`, as Codable writes it), each read by its model's declaration.
extension Model: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Model {
        let (name, values) = try present(json, path).enumCase(path)
        let p = path + "." + name
        switch name {
        case "mlp": return .mlp(try MLP.read(json: values.field("_0", p), p))
        case "cnn": return .cnn(try CNN.read(json: values.field("_0", p), p))
        case "prevalence": return .prevalence(try PrevalenceBaseline.read(json: values.field("_0", p), p))
        default: throw JSONError("\(path): unknown model '\(name)'")
        }
    }

    public static var argumentKind: ValueKind { .api("ModelSpecification") }
    public static func read(api value: APIValue) -> Model? { value.object?.model }

    #if !hasFeature(Embedded)
    public var swiftSource: String {
        switch self {
        case .mlp(let m): m.swiftSource
        case .cnn(let m): m.swiftSource
        case .prevalence(let m): m.swiftSource
        }
    }
    #endif
}
