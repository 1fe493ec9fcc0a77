/// A lexical pre-check run before SwiftParser sees untrusted lesson text. It
/// bounds bracket nesting (the parser's lookahead on nested `[` grows
/// exponentially: depth 16 takes seconds) and refuses characters outside
/// printable ASCII in code (an invalid character before `=` crashes
/// swift-syntax 602's diagnostics generator). Strings and comments are skipped;
/// this only counts brackets and checks characters, it does not parse Swift.
enum SourceGuard {
    enum Violation {
        case squareDepth, depth, angleDepth
        /// A character that may only appear in strings and comments.
        case character(Unicode.Scalar)

        /// What the lesson is told.
        var message: String {
            switch self {
            case .squareDepth: return "brackets '[' are nested too deeply (more than \(SourceGuard.maximumSquareDepth) levels)"
            case .depth: return "brackets are nested too deeply (more than \(SourceGuard.maximumDepth) levels)"
            case .angleDepth: return "generic arguments '<' are nested too deeply (more than \(SourceGuard.maximumDepth) levels)"
            case .character(let c):
                let hex = String(c.value, radix: 16, uppercase: true)
                return "character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed here; "
                    + "outside strings and comments, lesson code is plain ASCII"
            }
        }
    }

    static let maximumSquareDepth = 6
    static let maximumDepth = 32

    /// The UTF-8 offset of the first bracket past the limits, and which limit
    /// (characters are checked only in code that runs).
    static func firstViolation(in text: String, checkingCharacters: Bool = true) -> (offset: Int, kind: Violation)? {
        let bytes = Array(text.utf8)
        var i = 0
        var stack: [UInt8] = []
        var squares = 0
        // `A<B<…` (a `<` right after a name) within a line: SwiftParser takes quadratic time on it.
        var angles = 0
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/"):
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
                continue
            case UInt8(ascii: "\""):
                i = skipString(bytes, from: i)
                continue
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"):
                stack.append(c)
                if c == UInt8(ascii: "[") { squares += 1 }
                if squares > maximumSquareDepth { return (i, .squareDepth) }
                if stack.count > maximumDepth { return (i, .depth) }
            case UInt8(ascii: "<") where i > 0 && isNameByte(bytes[i - 1]):
                angles += 1
                if angles > maximumDepth { return (i, .angleDepth) }
            case UInt8(ascii: ">"):
                angles = max(0, angles - 1)
            case UInt8(ascii: "\n"):
                angles = 0
            case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"):
                if let top = stack.popLast(), top == UInt8(ascii: "[") { squares -= 1 }
            case UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x20..<0x7F:
                break
            default:
                guard checkingCharacters else { break }
                let scalar = String(decoding: bytes[i...].prefix(4), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
                return (i, .character(scalar))
            }
            i += 1
        }
        return nil
    }

    /// A byte of an identifier (a `<` right after one opens generic arguments).
    private static func isNameByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || b >= 0x80 || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }

    /// Index after the string literal starting at `start` (`"`, `"""`), escapes honoured.
    private static func skipString(_ b: [UInt8], from start: Int) -> Int {
        let quote = UInt8(ascii: "\"")
        let triple = start + 2 < b.count && b[start + 1] == quote && b[start + 2] == quote
        var i = start + (triple ? 3 : 1)
        while i < b.count {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if !triple && b[i] == UInt8(ascii: "\n") { return i }
            if b[i] == quote {
                if !triple { return i + 1 }
                if i + 2 < b.count && b[i + 1] == quote && b[i + 2] == quote { return i + 3 }
            }
            i += 1
        }
        return i
    }
}
