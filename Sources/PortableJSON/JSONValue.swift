/// A parsed JSON document, for code that must also run as Embedded Swift (no
/// Foundation, no Codable): `results.json` read in the browser as natively.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in document order.
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The member named `key` of an object (nil for a missing member or a non-object).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// A number, or the spellings `CanonicalJSON` writes for the non-finite ones ("NaN", "Infinity", "-Infinity").
    public var double: Double? {
        switch self {
        case .number(let d): return d
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        default: return nil
        }
    }
    /// A whole number that fits an Int.
    public var int: Int? {
        guard case .number(let d) = self, d == d.rounded(), abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }
}

extension JSONValue {
    /// The number `text` spells in JSON's grammar (`-0.25`, `1e-3`), read exactly; nil for anything else.
    public static func number(_ text: String) -> Double? {
        guard case .number(let d)? = try? JSONParser.parse(Array(text.utf8)) else { return nil }
        return d
    }
}
