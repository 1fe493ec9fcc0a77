/// The header of a `.npy` file: a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 28, 28), }`.
///
/// Parsed with a small recursive-descent reader of the literals NumPy writes
/// (strings, True/False, integers, tuples, lists, dicts), never evaluated.
struct NumpyHeader: Equatable {
    var descr: String
    var fortranOrder: Bool
    var shape: [Int]

    indirect enum Literal: Equatable {
        case string(String), integer(Int), boolean(Bool), sequence([Literal]), dictionary([String: Literal])
    }

    struct SyntaxError: Error { var message: String }

    static func parse(_ text: String) throws -> NumpyHeader {
        var reader = Reader(characters: Array(text.unicodeScalars))
        let literal = try reader.value()
        reader.skipSpace()
        guard reader.position == reader.characters.count else { throw SyntaxError(message: "unexpected text after the dict") }
        guard case let .dictionary(entries) = literal else { throw SyntaxError(message: "the header is not a dict") }
        guard case let .string(descr)? = entries["descr"] else {
            if entries["descr"] != nil { throw SyntaxError(message: "structured dtypes are not supported") }
            throw SyntaxError(message: "no 'descr' key")
        }
        guard case let .boolean(fortran)? = entries["fortran_order"] else { throw SyntaxError(message: "no 'fortran_order' key") }
        guard case let .sequence(dims)? = entries["shape"] else { throw SyntaxError(message: "no 'shape' tuple") }
        let shape = try dims.map { d -> Int in
            guard case let .integer(n) = d, n >= 0 else { throw SyntaxError(message: "'shape' holds a non-integer") }
            return n
        }
        return NumpyHeader(descr: descr, fortranOrder: fortran, shape: shape)
    }

    private struct Reader {
        let characters: [Unicode.Scalar]
        var position = 0
        /// Levels of brackets entered; a header nests two (the dict, the shape tuple).
        var depth = 0
        static let maxDepth = 8

        mutating func skipSpace() {
            while position < characters.count, characters[position].properties.isWhitespace { position += 1 }
        }

        mutating func expect(_ c: Unicode.Scalar) throws {
            skipSpace()
            guard position < characters.count, characters[position] == c else {
                throw SyntaxError(message: "expected '\(c)' at character \(position + 1)")
            }
            position += 1
        }

        /// Consumes `c` if it comes next.
        mutating func accept(_ c: Unicode.Scalar) -> Bool {
            skipSpace()
            if position < characters.count, characters[position] == c { position += 1; return true }
            return false
        }

        mutating func value() throws -> Literal {
            skipSpace()
            guard position < characters.count else { throw SyntaxError(message: "the header ends early") }
            let c = characters[position]
            if "([{".unicodeScalars.contains(c) {
                depth += 1
                guard depth <= Self.maxDepth else { throw SyntaxError(message: "brackets nested too deeply") }
            }
            defer { if "([{".unicodeScalars.contains(c) { depth -= 1 } }
            switch c {
            case "'", "\"": return .string(try string())
            case "(": position += 1; return .sequence(try items(until: ")"))
            case "[": position += 1; return .sequence(try items(until: "]"))
            case "{":
                position += 1
                var entries: [String: Literal] = [:]
                while !accept("}") {
                    skipSpace()
                    let key = try string()
                    try expect(":")
                    entries[key] = try value()
                    if !accept(",") { try expect("}"); break }
                }
                return .dictionary(entries)
            default:
                var word = ""
                while position < characters.count,
                      characters[position].properties.isAlphabetic || ("0"..."9").contains(characters[position])
                        || characters[position] == "-" || characters[position] == "_" {
                    word.unicodeScalars.append(characters[position]); position += 1
                }
                if word == "True" { return .boolean(true) }
                if word == "False" { return .boolean(false) }
                if let n = Int(word.hasSuffix("L") ? String(word.dropLast()) : word) { return .integer(n) }
                throw SyntaxError(message: "unexpected '\(word.isEmpty ? String(c) : word)' at character \(position + 1)")
            }
        }

        mutating func items(until close: Unicode.Scalar) throws -> [Literal] {
            var result: [Literal] = []
            while !accept(close) {
                result.append(try value())
                if !accept(",") { try expect(close); break }
            }
            return result
        }

        mutating func string() throws -> String {
            guard position < characters.count else { throw SyntaxError(message: "expected a string") }
            let quote = characters[position]
            guard quote == "'" || quote == "\"" else { throw SyntaxError(message: "expected a quoted string at character \(position + 1)") }
            position += 1
            var text = ""
            while position < characters.count, characters[position] != quote {
                text.unicodeScalars.append(characters[position]); position += 1
            }
            guard position < characters.count else { throw SyntaxError(message: "unterminated string") }
            position += 1
            return text
        }
    }
}
