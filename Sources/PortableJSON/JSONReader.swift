/// Reads JSON text (RFC 8259) into a `JSONValue`. Numbers are parsed by the
/// standard library (correctly rounded), so the shortest spelling of a Double
/// reads back to its bits. Errors name the byte offset.
extension JSONValue {
    public init(parsing bytes: [UInt8]) throws(JSONError) {
        var reader = JSONReader(bytes: bytes)
        self = try reader.document()
    }

    public init(parsing text: String) throws(JSONError) {
        try self.init(parsing: Array(text.utf8))
    }
}

private struct JSONReader {
    let bytes: [UInt8]
    var position = 0
    /// Nesting limit, so a hostile document cannot exhaust the stack.
    static let maxDepth = 200

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(JSONError) -> JSONValue {
        let value = try self.value(depth: 0)
        skipSpace()
        guard position == bytes.count else { throw failure("unexpected text after the document") }
        return value
    }

    func failure(_ problem: String) -> JSONError { JSONError("JSON at byte \(position): \(problem)") }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func expect(_ literal: String, _ value: JSONValue) throws(JSONError) -> JSONValue {
        let utf8 = Array(literal.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            throw failure("expected \(literal)")
        }
        position += utf8.count
        return value
    }

    mutating func value(depth: Int) throws(JSONError) -> JSONValue {
        guard depth < Self.maxDepth else { throw failure("nested too deeply") }
        skipSpace()
        guard position < bytes.count else { throw failure("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw failure("unterminated array") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { position -= 1; throw failure("expected , or ]") }
            }
        case UInt8(ascii: "{"):
            position += 1
            var fields: [String: JSONValue] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(fields) }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a key") }
                let key = try string()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected :") }
                position += 1
                fields[key] = try value(depth: depth + 1)
                skipSpace()
                guard position < bytes.count else { throw failure("unterminated object") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "}") { return .object(fields) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { position -= 1; throw failure("expected , or }") }
            }
        default: return .number(try number())
        }
    }

    mutating func number() throws(JSONError) -> Double {
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard position > start, let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57),
              let value = Double(text), value.isFinite else {
            position = start
            throw failure("expected a value")
        }
        return value
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    mutating func string() throws(JSONError) -> String {
        position += 1  // the opening quote
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            if !run.isEmpty { scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars); run = [] }
        }
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: "\"") { flush(); return String(scalars) }
            guard b >= 0x20 else { position -= 1; throw failure("control character in a string") }
            guard b == UInt8(ascii: "\\") else { run.append(b); continue }
            flush()
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(e))
            case UInt8(ascii: "b"): scalars.append(Unicode.Scalar(0x08))
            case UInt8(ascii: "f"): scalars.append(Unicode.Scalar(0x0C))
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("unpaired surrogate") }
                scalars.append(scalar)
            default: position -= 1; throw failure("unknown escape")
            }
        }
        throw failure("unterminated string")
    }

    mutating func hex4() throws(JSONError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case 48...57: digit = UInt32(b - 48)
            case 65...70: digit = UInt32(b - 55)
            case 97...102: digit = UInt32(b - 87)
            default: throw failure("bad \\u escape")
            }
            code = code * 16 + digit
            position += 1
        }
        return code
    }
}
