import Foundation
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parsed blocks by text: a lesson re-run with one changed `--set` (or a
/// `lessons build` of many lessons) parses each unchanged block once. Trees are
/// immutable values, so sharing them is safe. Bounded; cleared when full.
enum ParseCache {
    private static let capacity = 256
    nonisolated(unsafe) private static var trees: [String: (SourceFileSyntax, SourceLocationConverter)] = [:]
    nonisolated(unsafe) private static var syntaxErrors: [String: [(message: String, position: AbsolutePosition)]] = [:]
    private static let lock = NSLock()

    /// The tree and its line/column converter.
    static func tree(for text: String) -> (SourceFileSyntax, SourceLocationConverter) {
        lock.lock()
        if let cached = trees[text] { lock.unlock(); return cached }
        lock.unlock()
        var parser = Parser(text, maximumNestingLevel: BlockSource.maximumNestingLevel)
        let tree = SourceFileSyntax.parse(from: &parser)
        let parsed = (tree, SourceLocationConverter(fileName: "", tree: tree))
        lock.lock()
        if trees.count >= capacity { trees.removeAll(keepingCapacity: true) }
        trees[text] = parsed
        lock.unlock()
        return parsed
    }

    /// SwiftParser's own error diagnostics for the block text.
    static func errors(for text: String, tree: SourceFileSyntax) -> [(message: String, position: AbsolutePosition)] {
        lock.lock()
        if let cached = syntaxErrors[text] { lock.unlock(); return cached }
        lock.unlock()
        let errors = ParseDiagnosticsGenerator.diagnostics(for: tree)
            .filter { $0.diagMessage.severity == .error }
            .map { (message: $0.message, position: $0.position) }
        lock.lock()
        if syntaxErrors.count >= capacity { syntaxErrors.removeAll(keepingCapacity: true) }
        syntaxErrors[text] = errors
        lock.unlock()
        return errors
    }
}
