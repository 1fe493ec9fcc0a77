/// Typed reads of a `JSONValue`, each naming the path it read (`run.loss`) when the
/// value is missing or of the wrong kind: what the decoders of the run and dataset
/// specs build on, in the shapes Swift's synthesized Codable writes.
extension JSONValue {
    /// The field `key` of this object; `path` names this value in messages.
    public func field(_ key: String, _ path: String) throws(JSONError) -> JSONValue {
        guard case .object(let fields) = self else { throw JSONError("\(path): expected an object") }
        guard let value = fields[key] else { throw JSONError("\(path).\(key): missing") }
        return value
    }

    /// The field `key`, or nil when it is absent or null (an optional Codable writes no key for nil).
    public func optionalField(_ key: String, _ path: String) throws(JSONError) -> JSONValue? {
        guard case .object(let fields) = self else { throw JSONError("\(path): expected an object") }
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    /// A number; also the strings "NaN", "Infinity" and "-Infinity" `CanonicalJSON` writes.
    public func double(_ path: String) throws(JSONError) -> Double {
        switch self {
        case .number(let x): return x
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        default: throw JSONError("\(path): expected a number")
        }
    }

    public func int(_ path: String) throws(JSONError) -> Int {
        guard case .number(let x) = self, x == x.rounded(), abs(x) < 9_007_199_254_740_992 else {
            throw JSONError("\(path): expected a whole number")
        }
        return Int(x)
    }

    public func bool(_ path: String) throws(JSONError) -> Bool {
        guard case .bool(let b) = self else { throw JSONError("\(path): expected true or false") }
        return b
    }

    public func string(_ path: String) throws(JSONError) -> String {
        guard case .string(let s) = self else { throw JSONError("\(path): expected a string") }
        return s
    }

    public func array(_ path: String) throws(JSONError) -> [JSONValue] {
        guard case .array(let items) = self else { throw JSONError("\(path): expected an array") }
        return items
    }

    public func doubles(_ path: String) throws(JSONError) -> [Double] {
        var out: [Double] = []
        for (i, item) in try array(path).enumerated() { out.append(try item.double("\(path)[\(i)]")) }
        return out
    }

    public func ints(_ path: String) throws(JSONError) -> [Int] {
        var out: [Int] = []
        for (i, item) in try array(path).enumerated() { out.append(try item.int("\(path)[\(i)]")) }
        return out
    }

    public func strings(_ path: String) throws(JSONError) -> [String] {
        var out: [String] = []
        for (i, item) in try array(path).enumerated() { out.append(try item.string("\(path)[\(i)]")) }
        return out
    }

    /// An enum case as synthesized Codable writes it: an object with one key, the case
    /// name, whose value holds the associated values (`_0` when unlabelled).
    public func enumCase(_ path: String) throws(JSONError) -> (name: String, values: JSONValue) {
        guard case .object(let fields) = self, fields.count == 1, let name = fields.keys.first else {
            throw JSONError("\(path): expected an object with one key, the case")
        }
        return (name, fields[name]!)
    }

    /// A number as a value, NaN and the infinities as `CanonicalJSON`'s strings (see `text`).
    public static func double(_ x: Double) -> JSONValue {
        if x.isNaN { return .string("NaN") }
        if x.isInfinite { return .string(x > 0 ? "Infinity" : "-Infinity") }
        return .number(x)
    }

    public static func doubles(_ xs: [Double]) -> JSONValue { .array(xs.map { JSONValue.double($0) }) }
}
