import Foundation
import Synchronization
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parsed blocks by text: a lesson re-run with one changed `--set` (or a
/// `lessons build` of many lessons) parses each unchanged block once. Trees are
/// immutable values, so sharing them is safe. Bounded; cleared when full.
enum ParseCache {
    private static let capacity = 256
    private static let trees = Mutex<[String: (SourceFileSyntax, SourceLocationConverter)]>([:])
    private static let syntaxErrors = Mutex<[String: [(message: String, position: AbsolutePosition)]]>([:])

    /// The tree and its line/column converter.
    static func tree(for text: String) -> (SourceFileSyntax, SourceLocationConverter) {
        if let cached = trees.withLock({ $0[text] }) { return cached }
        var parser = Parser(text, maximumNestingLevel: BlockSource.maximumNestingLevel)
        let tree = SourceFileSyntax.parse(from: &parser)
        let parsed = (tree, SourceLocationConverter(fileName: "", tree: tree))
        trees.withLock { trees in
            if trees.count >= capacity { trees.removeAll(keepingCapacity: true) }
            trees[text] = parsed
        }
        return parsed
    }

    /// SwiftParser's own error diagnostics for the block text.
    static func errors(for text: String, tree: SourceFileSyntax) -> [(message: String, position: AbsolutePosition)] {
        if let cached = syntaxErrors.withLock({ $0[text] }) { return cached }
        let errors = ParseDiagnosticsGenerator.diagnostics(for: tree)
            .filter { $0.diagMessage.severity == .error }
            .map { (message: $0.message, position: $0.position) }
        syntaxErrors.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[text] = errors
        }
        return errors
    }
}
