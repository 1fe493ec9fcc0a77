import PortableJSON

/// Why a published `results.json` (or the page context beside it) could not be read:
/// the JSON path of the field and what was wrong with it.
public struct ResultsReadError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

/// The first failed read of a document. Reads do not throw: one that fails is recorded
/// here and gives a placeholder ("", 0, an empty list or `null`), and the reader checks
/// once it is done (`JSONField.check`). The error is the one a `try` at every field would
/// have thrown, and lessons.wasm has no cleanup path at each field (with typed throws,
/// each read carried the release of every value read before it: about 3× the code).
final class ReadFailure {
    var first: ResultsReadError?
}

/// One JSON value and where it sits in the document (`comparisons[0].runs[1].result`),
/// so every missing or mistyped field is reported by its path.
struct JSONField {
    var value: JSONValue
    var path: String
    let failure: ReadFailure

    /// A whole document (`name` says which in an error), its root field.
    static func document(_ bytes: [UInt8], _ name: String) throws(ResultsReadError) -> JSONField {
        do {
            return JSONField(value: try JSONValue(parsing: bytes), path: "", failure: ReadFailure())
        } catch {
            throw ResultsReadError("\(name): \(error.description)")
        }
    }

    /// True once a read of this document has failed: what is read after it is placeholders.
    var failed: Bool { failure.first != nil }

    /// Throws the document's first failed read, if any.
    func check() throws(ResultsReadError) {
        if let first = failure.first { throw first }
    }

    /// Records that this field is not what the reader expected.
    @inline(never)
    func fail(_ what: String) { record(ResultsReadError("\(path.isEmpty ? "document" : path): \(what)")) }

    /// Keeps `error` unless a read failed before it: the first failure is the one reported.
    @inline(never)
    private func record(_ error: ResultsReadError) {
        if failure.first == nil { failure.first = error }
    }

    private func child(_ value: JSONValue, _ path: String) -> JSONField { JSONField(value: value, path: path, failure: failure) }

    /// The member; when it is absent, a recorded failure and `null`.
    @inline(never)
    func member(_ key: String) -> JSONField {
        let found = value[key]
        if found == nil { fail("missing '\(key)'") }
        return child(found ?? .null, path.isEmpty ? key : "\(path).\(key)")
    }

    /// The member, or nil when it is absent or null.
    @inline(never)
    func optional(_ key: String) -> JSONField? {
        guard let found = value[key], found != .null else { return nil }
        return child(found, path.isEmpty ? key : "\(path).\(key)")
    }

    @inline(never)
    func elements() -> [JSONField] {
        read([]) { () throws(JSONError) in try value.array(path) }.enumerated().map { child($0.element, "\(path)[\($0.offset)]") }
    }

    func map<T>(_ transform: (JSONField) -> T) -> [T] {
        var out: [T] = []
        for element in elements() { out.append(transform(element)) }
        return out
    }

    /// A read of PortableJSON's: its value, or the placeholder with its error recorded.
    private func read<T>(_ placeholder: T, _ body: () throws(JSONError) -> T) -> T {
        do { return try body() } catch {
            record(ResultsReadError(error.description))
            return placeholder
        }
    }

    @inline(never) func string() -> String { read("") { () throws(JSONError) in try value.string(path) } }
    @inline(never) func double() -> Double { read(0) { () throws(JSONError) in try value.double(path) } }
    @inline(never) func int() -> Int { read(0) { () throws(JSONError) in try value.int(path) } }
    @inline(never) func bool() -> Bool { read(false) { () throws(JSONError) in try value.bool(path) } }
    @inline(never) func strings() -> [String] { read([]) { () throws(JSONError) in try value.strings(path) } }
    @inline(never) func doubles() -> [Double] { read([]) { () throws(JSONError) in try value.doubles(path) } }
    @inline(never) func ints() -> [Int] { read([]) { () throws(JSONError) in try value.ints(path) } }

    /// The named members that are present, as numbers (a metric left out is undefined).
    func values(named names: [String]) -> [String: Double] {
        var out: [String: Double] = [:]
        for name in names { if let field = optional(name) { out[name] = field.double() } }
        return out
    }
}
