/// A strict JSON parser (RFC 8259) over UTF-8 bytes, with the place of the first
/// problem: a damaged document is an error, never a crash. Nesting is bounded, so
/// hostile input cannot exhaust the stack.
public struct JSONParser {
    public struct Failure: Error, Equatable {
        public var message: String
        /// 1-based line and column of the byte where reading stopped.
        public var line: Int
        public var column: Int

        public var description: String { "\(line):\(column): \(message)" }
    }

    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0

    /// The whole document: one value, surrounded by whitespace only.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the document") }
        return value
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ message: String) -> Failure {
        var line = 1, column = 1
        for b in bytes[..<min(index, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return Failure(message: message, line: line, column: column)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    private mutating func expect(_ word: String) throws(Failure) {
        for b in word.utf8 {
            guard current == b else { throw failure("expected '\(word)'") }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels") }
        guard let b = current else { throw failure("the document ends where a value should be") }
        switch b {
        case 0x7B: return try object(depth: depth)
        case 0x5B: return try array(depth: depth)
        case 0x22: return .string(try string())
        case 0x74: try expect("true"); return .bool(true)
        case 0x66: try expect("false"); return .bool(false)
        case 0x6E: try expect("null"); return .null
        case 0x2D, 0x30...0x39: return .number(try number())
        default: throw failure("unexpected character where a value should be")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if current == 0x7D { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == 0x22 else { throw failure("expected a member name in quotes") }
            let key = try string()
            skipWhitespace()
            guard current == 0x3A else { throw failure("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            if current == 0x2C { index += 1; continue }
            guard current == 0x7D else { throw failure("expected ',' or '}' in an object") }
            index += 1
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == 0x5D { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == 0x2C { index += 1; continue }
            guard current == 0x5D else { throw failure("expected ',' or ']' in an array") }
            index += 1
            return .array(elements)
        }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard let b = current else { throw failure("a string is not closed") }
            index += 1
            switch b {
            case 0x22:
                // Invalid UTF-8 is refused rather than repaired, so no text changes silently.
                guard let text = String(validating: out, as: UTF8.self) else { throw failure("a string is not valid UTF-8") }
                return text
            case 0x5C: try escape(into: &out)
            case 0x00..<0x20: index -= 1; throw failure("a control character inside a string")
            default: out.append(b)
            }
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        guard let b = current else { throw failure("a string ends inside an escape") }
        index += 1
        switch b {
        case 0x22, 0x5C, 0x2F: out.append(b)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard current == 0x5C, index + 1 < bytes.count, bytes[index + 1] == 0x75 else { throw failure("a lone surrogate") }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let s = Unicode.Scalar(scalar) else { throw failure("a lone surrogate") }
            out.append(contentsOf: Array(String(Character(s)).utf8))
        default: throw failure("an unknown escape in a string")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = current else { throw failure("a \\u escape needs four hex digits") }
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw failure("a \\u escape needs four hex digits")
            }
            v = v << 4 | digit
            index += 1
        }
        return v
    }

    private mutating func number() throws(Failure) -> Double {
        let start = index
        if current == 0x2D { index += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.index
            while let b = parser.current, (0x30...0x39).contains(b) { parser.index += 1 }
            return parser.index - from
        }
        let whole = index
        guard digits(&self) > 0 else { throw failure("a number needs digits") }
        if bytes[whole] == 0x30 && index - whole > 1 { index = whole; throw failure("a number has a leading zero") }
        if current == 0x2E {
            index += 1
            guard digits(&self) > 0 else { throw failure("a number needs digits after '.'") }
        }
        if current == 0x65 || current == 0x45 {
            index += 1
            if current == 0x2B || current == 0x2D { index += 1 }
            guard digits(&self) > 0 else { throw failure("a number needs digits in its exponent") }
        }
        let value = DecimalReader.double(bytes[start..<index])
        return value
    }
}
