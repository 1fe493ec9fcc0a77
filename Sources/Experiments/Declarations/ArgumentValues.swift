import PortableJSON

/// The plain types an argument may have, read and spelled as Swift reads and spells them.
extension Int: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Int { try present(json, path).int(path) }
    public static var argumentKind: ValueKind { .int }
    public static func read(api value: APIValue) -> Int? { value.int }
    #if !hasFeature(Embedded)
    public var swiftSource: String { String(self) }
    #endif
}

extension Double: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Double { try present(json, path).double(path) }
    public static var argumentKind: ValueKind { .double }
    public static func read(api value: APIValue) -> Double? { value.double }
    #if !hasFeature(Embedded)
    /// `2` not `2.0` (a literal takes its type from the argument), `0.05` and `1e-8` as written.
    public var swiftSource: String {
        let text = Limits.format(self)
        guard let e = text.firstIndex(of: "e") else { return text }
        let sign = text[text.index(after: e)] == "-" ? "-" : ""
        let digits = text[text.index(e, offsetBy: sign.isEmpty ? 1 : 2)...].drop { $0 == "0" || $0 == "+" }
        return text[..<e] + "e" + sign + digits
    }
    #endif
}

extension Bool: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Bool { try present(json, path).bool(path) }
    public static var argumentKind: ValueKind { .bool }
    public static func read(api value: APIValue) -> Bool? { value.bool }
    #if !hasFeature(Embedded)
    public var swiftSource: String { self ? "true" : "false" }
    #endif
}

extension String: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> String { try present(json, path).string(path) }
    public static var argumentKind: ValueKind { .string }
    public static func read(api value: APIValue) -> String? { value.string }
    #if !hasFeature(Embedded)
    public var swiftSource: String {
        "\"" + unicodeScalars.map { $0 == "\"" || $0 == "\\" ? "\\" + String($0) : $0 == "\n" ? "\\n" : String($0) }.joined() + "\""
    }
    #endif
}

/// Absent (or null) is nil, as Codable writes an optional.
extension Optional: ArgumentValue where Wrapped: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> Wrapped? {
        guard let json, json != .null else { return nil }
        return try Wrapped.read(json: json, path)
    }
    public static var absentIsNil: Bool { true }
    public static var argumentKind: ValueKind { .optional(Wrapped.argumentKind) }
    public static func read(api value: APIValue) -> Wrapped?? {
        if case .none = value { return .some(nil) }
        return Wrapped.read(api: value).map { .some($0) }
    }
    #if !hasFeature(Embedded)
    public var swiftSource: String { map(\.swiftSource) ?? "nil" }
    #endif
}

extension Array: ArgumentValue where Element: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> [Element] {
        var out: [Element] = []
        for (i, item) in try present(json, path).array(path).enumerated() {
            out.append(try Element.read(json: item, path + "[" + String(i) + "]"))
        }
        return out
    }
    public static var argumentKind: ValueKind { .array(Element.argumentKind) }
    public static func read(api value: APIValue) -> [Element]? {
        guard let items = value.array else { return nil }
        let read = items.compactMap(Element.read(api:))
        return read.count == items.count ? read : nil
    }
    #if !hasFeature(Embedded)
    public var swiftSource: String { "[" + map(\.swiftSource).joined(separator: ", ") + "]" }
    #endif
}

/// String keys, as Codable writes a dictionary (an object); `[:]` for none.
extension Dictionary: ArgumentValue where Key == String, Value: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> [String: Value] {
        guard case .object(let fields) = try present(json, path) else { throw JSONError("\(path): expected an object") }
        var out: [String: Value] = [:]
        for (key, item) in fields { out[key] = try Value.read(json: item, path + "." + key) }
        return out
    }
    public static var argumentKind: ValueKind { .dictionary(.string, Value.argumentKind) }
    public static func read(api value: APIValue) -> [String: Value]? {
        guard case .dictionary(let pairs) = value else { return nil }
        var out: [String: Value] = [:]
        for (key, item) in pairs {
            guard let key = key.string, let item = Value.read(api: item) else { return nil }
            out[key] = item
        }
        return out
    }
    #if !hasFeature(Embedded)
    public var swiftSource: String {
        isEmpty ? "[:]" : "[" + sorted { $0.key < $1.key }.map { $0.key.swiftSource + ": " + $0.value.swiftSource }.joined(separator: ", ") + "]"
    }
    #endif
}
