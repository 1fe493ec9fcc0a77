import SwiftParser
import SwiftSyntax

/// A parsed Swift block and the map from its syntax positions to the lesson
/// file's line and column (block offset plus position inside the block).
struct BlockSource {
    /// Deepest bracket nesting the parser accepts before it gives up with a diagnostic.
    static let maximumNestingLevel = 64

    let index: Int
    let block: LessonBlock
    let tree: SourceFileSyntax
    let converter: SourceLocationConverter
    private let lines: [Substring]
    /// When set, every location is this one (an override given on the command line
    /// has no place in the file; its errors point at the parameter it overrides).
    let fixedLocation: SourceLocation?

    /// Text past the bounds of `SourceGuard` (before parsing) or `SyntaxGuard`
    /// (after), at a UTF-8 offset of the block's text; the caller reports it.
    struct Refusal: Error {
        var offset: Int
        var message: String
    }

    init(index: Int, block: LessonBlock, fixedLocation: SourceLocation? = nil) throws(Refusal) {
        if let v = SourceGuard.firstViolation(in: block.text) { throw Refusal(offset: v.offset, message: v.kind.message) }
        switch ParseCache.tree(for: block.text) {
        case .refused(let offset, let message): throw Refusal(offset: offset, message: message)
        case .tree(let tree, let converter): (self.tree, self.converter) = (tree, converter)
        }
        self.index = index
        self.block = block
        self.fixedLocation = fixedLocation
        lines = block.text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// File location of a UTF-8 offset of `block`'s text, before any parse.
    static func location(ofOffset offset: Int, in block: LessonBlock) -> SourceLocation {
        let prefix = block.text.utf8.prefix(offset)
        let text = String(decoding: prefix, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return block.fileLocation(line: lines.count, column: (lines.last?.count ?? 0) + 1)
    }

    /// File location of a position (columns counted in characters, not bytes).
    func location(_ position: AbsolutePosition) -> SourceLocation {
        if let fixedLocation { return fixedLocation }
        let l = converter.location(for: position)
        var column = l.column
        if l.line >= 1, l.line <= lines.count {
            let utf8 = lines[l.line - 1].utf8
            let end = utf8.index(utf8.startIndex, offsetBy: max(0, min(l.column - 1, utf8.count)))
            column = lines[l.line - 1][..<end].count + 1
        }
        return block.fileLocation(line: l.line, column: column)
    }

    /// File location of the first non-trivia character of a node.
    func location(of node: some SyntaxProtocol) -> SourceLocation {
        location(node.positionAfterSkippingLeadingTrivia)
    }
}
