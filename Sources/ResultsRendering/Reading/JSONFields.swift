import PortableJSON

/// Why a published `results.json` (or the page context beside it) could not be read:
/// the JSON path of the field and what was wrong with it.
public struct ResultsReadError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

/// One JSON value and where it sits in the document (`comparisons[0].runs[1].result`),
/// so every missing or mistyped field is reported by its path.
struct JSONField {
    var value: JSONValue
    var path: String

    func fail(_ what: String) -> ResultsReadError { ResultsReadError("\(path.isEmpty ? "document" : path): \(what)") }

    func member(_ key: String) throws(ResultsReadError) -> JSONField {
        guard let found = value[key] else { throw fail("missing '\(key)'") }
        return JSONField(value: found, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The member, or nil when it is absent or null.
    func optional(_ key: String) -> JSONField? {
        guard let found = value[key], found != .null else { return nil }
        return JSONField(value: found, path: path.isEmpty ? key : "\(path).\(key)")
    }

    func elements() throws(ResultsReadError) -> [JSONField] {
        guard let array = value.array else { throw fail("expected an array") }
        return array.enumerated().map { JSONField(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    func map<T>(_ transform: (JSONField) throws(ResultsReadError) -> T) throws(ResultsReadError) -> [T] {
        var out: [T] = []
        for element in try elements() { out.append(try transform(element)) }
        return out
    }

    func string() throws(ResultsReadError) -> String {
        guard let s = value.string else { throw fail("expected text") }
        return s
    }

    func double() throws(ResultsReadError) -> Double {
        guard let d = value.double else { throw fail("expected a number") }
        return d
    }

    func int() throws(ResultsReadError) -> Int {
        guard let i = value.int else { throw fail("expected a whole number") }
        return i
    }

    func bool() throws(ResultsReadError) -> Bool {
        guard let b = value.bool else { throw fail("expected true or false") }
        return b
    }

    func strings() throws(ResultsReadError) -> [String] { try map { (f: JSONField) throws(ResultsReadError) in try f.string() } }
    func doubles() throws(ResultsReadError) -> [Double] { try map { (f: JSONField) throws(ResultsReadError) in try f.double() } }
    func ints() throws(ResultsReadError) -> [Int] { try map { (f: JSONField) throws(ResultsReadError) in try f.int() } }

    /// The named members that are present, as numbers (a metric left out is undefined).
    func values(named names: [String]) throws(ResultsReadError) -> [String: Double] {
        var out: [String: Double] = [:]
        for name in names { if let field = optional(name) { out[name] = try field.double() } }
        return out
    }
}
