/// Reads JSON text into a `JSONValue`: the whole of RFC 8259, at most 64 levels
/// deep, with the byte offset of the first problem when the text is not JSON.
public struct JSONReader {
    public struct Failure: Error, Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    private let bytes: [UInt8]
    private var at = 0
    private var depth = 0

    public static func read(_ text: String) throws(Failure) -> JSONValue {
        var reader = JSONReader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.value()
        reader.skipSpace()
        guard reader.at == reader.bytes.count else { throw reader.failure("text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ message: String) -> Failure { Failure(offset: at, message: message) }

    private mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
    }

    private mutating func expect(_ word: String) throws(Failure) {
        for b in word.utf8 {
            guard at < bytes.count, bytes[at] == b else { throw failure("expected '\(word)'") }
            at += 1
        }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard at < bytes.count else { throw failure("unexpected end of the text") }
        switch bytes[at] {
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { throw failure("nested more than 64 levels deep") }
            return bytes[at] == UInt8(ascii: "[") ? try array() : try object()
        default: return .number(try number())
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        at += 1
        var items: [JSONValue] = []
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard at < bytes.count else { throw failure("unfinished array") }
            if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
            guard bytes[at] == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
            at += 1
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        at += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(fields) }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            guard fields[key] == nil else { throw failure("key '\(key)' appears twice") }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            at += 1
            skipSpace()
            fields[key] = try value()
            skipSpace()
            guard at < bytes.count else { throw failure("unfinished object") }
            if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(fields) }
            guard bytes[at] == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
            at += 1
        }
    }

    private mutating func number() throws(Failure) -> String {
        let start = at
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        func digits(_ r: inout JSONReader) -> Int {
            let s = r.at
            while r.at < r.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(r.bytes[r.at]) { r.at += 1 }
            return r.at - s
        }
        guard digits(&self) > 0 else { throw failure("expected a value") }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits(&self) > 0 else { throw failure("expected digits after '.'") }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits(&self) > 0 else { throw failure("expected digits in the exponent") }
        }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    private mutating func string() throws(Failure) -> String {
        at += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            if !run.isEmpty { scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars); run = [] }
        }
        while true {
            guard at < bytes.count else { throw failure("unfinished string") }
            let b = bytes[at]
            at += 1
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw failure("control character in a string") }
            guard b == UInt8(ascii: "\\") else { run.append(b); continue }
            flush()
            guard at < bytes.count else { throw failure("unfinished escape") }
            let e = bytes[at]
            at += 1
            switch e {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    try expect("\\u")
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("unpaired surrogate") }
                scalars.append(scalar)
            default: throw failure("unknown escape")
            }
        }
        flush()
        return String(scalars)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard at + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16) else {
            throw failure("expected four hex digits")
        }
        at += 4
        return v
    }
}
