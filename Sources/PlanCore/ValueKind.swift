/// The static type of a value in lesson code, as the evaluator checks it and as
/// the reference page spells it (Swift spelling: `[Double]`, `Double?`, `Loss`).
public indirect enum ValueKind: Hashable, Sendable, CustomStringConvertible {
    case int
    case double
    case string
    case bool
    case array(ValueKind)
    case dictionary(ValueKind, ValueKind)
    case optional(ValueKind)
    /// A described API type or protocol, by name (`"Loss"`, `"ModelSpecification"`).
    case api(String)

    public var description: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .string: return "String"
        case .bool: return "Bool"
        case .array(let e): return "[\(e)]"
        case .dictionary(let k, let v): return "[\(k): \(v)]"
        case .optional(let w): return "\(w)?"
        case .api(let name): return name
        }
    }

    /// True for `Int` and `Double`, the types arithmetic applies to.
    public var isNumeric: Bool { self == .int || self == .double }
}
