/// A value produced by evaluating lesson code: literals, collections, and
/// instances of the described API types (built by their descriptions).
public indirect enum APIValue: Sendable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case array([APIValue])
    /// Keys in source order (duplicates are rejected by the evaluator).
    case dictionary([(key: APIValue, value: APIValue)])
    case none
    /// An instance of an API type (`Loss`, `Run`, `Shapes`, ...).
    case object(APIObject)

    public var int: Int? { if case .int(let v) = self { return v }; return nil }
    public var string: String? { if case .string(let v) = self { return v }; return nil }
    public var bool: Bool? { if case .bool(let v) = self { return v }; return nil }
    /// Numbers as `Double` (an `Int` parameter may feed a `Double` only through a literal,
    /// but after type checking both are plain numbers).
    public var double: Double? {
        switch self {
        case .double(let v): return v
        case .int(let v): return Double(v)
        default: return nil
        }
    }
    public var array: [APIValue]? { if case .array(let v) = self { return v }; return nil }
    public var object: APIObject? { if case .object(let v) = self { return v }; return nil }
    /// The API object of type `T` (`value.object(as: Compare.self)`), nil for any other value.
    public func object<T: DeclaredType>(as type: T.Type) -> T? { object?.value(as: T.self) }
}

/// An instance of an API type, held in a class: Embedded Swift (lessons.wasm) can
/// hold a class, not an `any Sendable`. What the value may be passed as (a dataset, a
/// model) is recorded when it is boxed, for the same reason: a cast to a protocol
/// (`as? any DatasetSpecification`) is not portable either.
public class APIObject: @unchecked Sendable {
    /// The declared type of the value (`Loss`): what a read checks before taking it as that type.
    public let typeName: String
    /// The dataset the value is, when its type is a dataset specification.
    public let dataset: DatasetSource?
    /// The model the value is, when its type is a model specification.
    public let model: Model?

    public init(typeName: String, dataset: DatasetSource?, model: Model?) {
        self.typeName = typeName
        self.dataset = dataset
        self.model = model
    }

    /// The boxed value, when it is a `T`.
    public final func value<T: DeclaredType>(as type: T.Type) -> T? {
        guard typeName == T.typeName else { return nil }
        // The name says it is an `APIBox<T>`. (Embedded Swift cannot emit a checked cast to a
        // generic class specialised in another module: the compiler runs out of memory.)
        return unsafeDowncast(self, to: APIBox<T>.self).value
    }
}

/// One API value of the declared type `Value` (immutable, so sharing it is safe).
public final class APIBox<Value: DeclaredType>: APIObject, @unchecked Sendable {
    public let value: Value

    public init(_ value: Value, dataset: DatasetSource? = nil, model: Model? = nil) {
        self.value = value
        super.init(typeName: Value.typeName, dataset: dataset, model: model)
    }
}

#if !hasFeature(Embedded)
extension APIBox: CustomStringConvertible {
    public var description: String { String(describing: value) }
}
#endif

/// The arguments of one call, defaults filled in, already type-checked against
/// the member's description: the getters cannot fail for described arguments.
public struct APIArguments: Sendable {
    public var values: [String: APIValue]

    public init(_ values: [String: APIValue]) { self.values = values }

    public subscript(_ name: String) -> APIValue {
        guard let v = values[name] else { preconditionFailure("argument '\(name)' is not described") }
        return v
    }
    public func int(_ name: String) -> Int { self[name].int ?? 0 }
    public func double(_ name: String) -> Double { self[name].double ?? 0 }
    public func optionalDouble(_ name: String) -> Double? { self[name].double }
    public func string(_ name: String) -> String { self[name].string ?? "" }
    public func bool(_ name: String) -> Bool { self[name].bool ?? false }
    public func ints(_ name: String) -> [Int] { (self[name].array ?? []).compactMap { $0.int } }
    public func doubles(_ name: String) -> [Double] { (self[name].array ?? []).compactMap { $0.double } }
    public func strings(_ name: String) -> [String] { (self[name].array ?? []).compactMap { $0.string } }
    public func optionalStrings(_ name: String) -> [String]? { self[name].array.map { $0.compactMap { $0.string } } }
    public func optionalString(_ name: String) -> String? { self[name].string }
    public func optionalInt(_ name: String) -> Int? { self[name].int }
    public func stringDictionary(_ name: String) -> [String: String] {
        guard case .dictionary(let pairs) = self[name] else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in pairs { if let k = k.string, let v = v.string { out[k] = v } }
        return out
    }
    /// An API object of type `T` (a `Loss`, `Run`, ...).
    public func object<T: DeclaredType>(_ name: String, as type: T.Type = T.self) -> T {
        guard let v = self[name].object(as: T.self) else { preconditionFailure("argument '\(name)' is not a \(T.self)") }
        return v
    }
    public func objects<T: DeclaredType>(_ name: String, as type: T.Type = T.self) -> [T] {
        (self[name].array ?? []).compactMap { $0.object(as: T.self) }
    }
}
