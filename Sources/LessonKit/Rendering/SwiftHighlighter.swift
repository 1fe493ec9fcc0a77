import SwiftIDEUtils
import SwiftSyntax

/// Swift code to HTML, coloured by SwiftSyntax's own token classification.
///
/// Classes: `kw` keywords, `ty` types (and capitalised names such as `Run`),
/// `num` and `str` literals, `cm` comments, `lbl` argument labels, `at` attributes.
public enum SwiftHighlighter {
    /// Code past the bounds the evaluator puts on lesson code (size, brackets,
    /// depth) is shown without colours: parsing and classifying it could take
    /// minutes or overflow the stack.
    public static func html(for code: String) -> String {
        guard code.utf8.count <= SwiftParsing.maximumBytes, SourceGuard.firstViolation(in: code, checkingCharacters: false) == nil
        else { return escapeHTML(code) }
        let tree = SwiftParsing.parse(code)
        guard SyntaxGuard.firstViolation(in: tree, countingOperators: false) == nil else { return escapeHTML(code) }
        let bytes = Array(code.utf8)
        var out = ""
        var position = 0
        for range in tree.classifications {
            let start = max(range.range.lowerBound.utf8Offset, position)
            let end = min(range.range.upperBound.utf8Offset, bytes.count)
            guard start < end else { continue }
            if position < start { out += escapeHTML(text(bytes, position, start)) }
            let piece = text(bytes, start, end)
            if let cssClass = cssClass(range.kind, piece) {
                out += "<span class=\"\(cssClass)\">\(escapeHTML(piece))</span>"
            } else {
                out += escapeHTML(piece)
            }
            position = end
        }
        if position < bytes.count { out += escapeHTML(text(bytes, position, bytes.count)) }
        return out
    }

    private static func text(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func cssClass(_ kind: SyntaxClassification, _ text: String) -> String? {
        switch kind {
        case .keyword: return "kw"
        case .type: return "ty"
        case .integerLiteral, .floatLiteral: return "num"
        case .stringLiteral, .regexLiteral: return "str"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: return "cm"
        case .argumentLabel: return "lbl"
        case .attribute: return "at"
        case .identifier:
            // Outside type positions SwiftSyntax cannot know `Run(...)` is a type;
            // Swift's naming convention can.
            return text.first?.isUppercase == true ? "ty" : nil
        default: return nil
        }
    }
}
