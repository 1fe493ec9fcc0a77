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

    /// A whole document (`name` says which in an error), its root field.
    static func document(_ bytes: [UInt8], _ name: String) throws(ResultsReadError) -> JSONField {
        do {
            return JSONField(value: try JSONValue(parsing: bytes), path: "")
        } catch {
            throw ResultsReadError("\(name): \(error.description)")
        }
    }

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
        try read { () throws(JSONError) in try value.array(path) }.enumerated().map { JSONField(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    func map<T>(_ transform: (JSONField) throws(ResultsReadError) -> T) throws(ResultsReadError) -> [T] {
        var out: [T] = []
        for element in try elements() { out.append(try transform(element)) }
        return out
    }

    /// A read of PortableJSON's, its error as this document's.
    private func read<T>(_ body: () throws(JSONError) -> T) throws(ResultsReadError) -> T {
        do { return try body() } catch { throw ResultsReadError(error.description) }
    }

    func string() throws(ResultsReadError) -> String { try read { () throws(JSONError) in try value.string(path) } }
    func double() throws(ResultsReadError) -> Double { try read { () throws(JSONError) in try value.double(path) } }
    func int() throws(ResultsReadError) -> Int { try read { () throws(JSONError) in try value.int(path) } }
    func bool() throws(ResultsReadError) -> Bool { try read { () throws(JSONError) in try value.bool(path) } }
    func strings() throws(ResultsReadError) -> [String] { try read { () throws(JSONError) in try value.strings(path) } }
    func doubles() throws(ResultsReadError) -> [Double] { try read { () throws(JSONError) in try value.doubles(path) } }
    func ints() throws(ResultsReadError) -> [Int] { try read { () throws(JSONError) in try value.ints(path) } }

    /// The named members that are present, as numbers (a metric left out is undefined).
    func values(named names: [String]) throws(ResultsReadError) -> [String: Double] {
        var out: [String: Double] = [:]
        for name in names { if let field = optional(name) { out[name] = try field.double() } }
        return out
    }
}
