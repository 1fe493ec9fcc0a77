/// Line endings and byte-order marks normalised once, so that cmark-gfm, the
/// evaluator and diagnostics all count the same lines.
enum SourceText {
    /// `\r\n` and lone `\r` become `\n` (CommonMark treats all three as line
    /// endings, so line numbers are unchanged); a leading BOM is dropped.
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var first = true
        var pendingCR = false
        while let s = iterator.next() {
            defer { first = false }
            if first && s == "\u{FEFF}" { continue }
            if pendingCR {
                pendingCR = false
                scalars.append("\n")
                if s == "\n" { continue }
            }
            if s == "\r" { pendingCR = true; continue }
            scalars.append(s)
        }
        if pendingCR { scalars.append("\n") }
        return String(scalars)
    }

    /// The lines of normalised text, without their `\n` (a final newline adds no line).
    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// Where the first byte that is not UTF-8 is (its column counts the
    /// characters before it on its line), and the byte.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (location: SourceLocation, byte: UInt8) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, lineStart = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            offset += scalar.count
            if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset
            }
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (SourceLocation(line: line, column: column), offset < bytes.count ? bytes[offset] : 0)
    }
}
