/// A JSON document as a value, read and written the same way natively and in the
/// WebAssembly module (Embedded Swift has no Foundation and no Codable). Objects
/// keep their keys sorted when written, as `CanonicalJSON` does.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// `object[key]`, nil when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

/// Why a document or a value in it cannot be read: the place (a path such as
/// `run.loss.focal.gamma`, or a byte offset) and the problem.
public struct JSONError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
