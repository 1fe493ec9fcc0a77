import Foundation
import Synchronization
import SwiftParserDiagnostics
import SwiftSyntax

/// Parsed blocks by text: a lesson re-run with one changed `--set` (or a
/// `lessons build` of many lessons) parses each unchanged block once. Trees are
/// immutable values, so sharing them is safe. Bounded; cleared when full.
enum ParseCache {
    private static let capacity = 256
    private static let trees = Mutex<[String: Parsed]>([:])
    private static let syntaxErrors = Mutex<[String: [(message: String, position: AbsolutePosition)]]>([:])

    /// A block's tree and its line/column converter, or why it was refused.
    enum Parsed {
        case tree(SourceFileSyntax, SourceLocationConverter)
        /// A bound of `SyntaxGuard` crossed at this UTF-8 offset.
        case refused(offset: Int, message: String)
    }

    /// The tree and its line/column converter (made only for a tree within
    /// `SyntaxGuard`'s bounds: making it walks the tree recursively).
    static func tree(for text: String) -> Parsed {
        if let cached = trees.withLock({ $0[text] }) { return cached }
        let tree = SwiftParsing.parse(text, maximumNestingLevel: BlockSource.maximumNestingLevel)
        let parsed: Parsed
        if let violation = SyntaxGuard.firstViolation(in: tree) {
            parsed = .refused(offset: violation.position.utf8Offset, message: violation.message)
        } else {
            parsed = .tree(tree, SourceLocationConverter(fileName: "", tree: tree))
        }
        trees.withLock { trees in
            if trees.count >= capacity { trees.removeAll(keepingCapacity: true) }
            trees[text] = parsed
        }
        return parsed
    }

    /// Longest line whose syntax errors are worded by SwiftParser: it words each
    /// error by walking back to the start of its line, which on one long line of
    /// broken code (`some some some …`) takes minutes.
    static let maximumErrorLineBytes = 1000

    /// SwiftParser's own error diagnostics for the block text.
    static func errors(for text: String, tree: SourceFileSyntax) -> [(message: String, position: AbsolutePosition)] {
        if let cached = syntaxErrors.withLock({ $0[text] }) { return cached }
        var errors: [(message: String, position: AbsolutePosition)]
        var offset = 0
        let long = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first { line in
            defer { offset += line.count + 1 }
            return line.count > maximumErrorLineBytes
        }
        if tree.hasError, let long {
            errors = [(message: "this line has a syntax error and is too long (\(long.count) bytes; at most "
                       + "\(maximumErrorLineBytes)) to say where; break it into several lines",
                       position: AbsolutePosition(utf8Offset: offset - long.count - 1))]
        } else {
            errors = ParseDiagnosticsGenerator.diagnostics(for: tree)
                .filter { $0.diagMessage.severity == .error }
                .map { (message: $0.message, position: $0.position) }
        }
        syntaxErrors.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[text] = errors
        }
        return errors
    }
}
