import Foundation
import Experiments
import SwiftSyntax

/// `--set name=value`: the value is Swift source, parsed and type-checked
/// against the declared parameter in a context of its own — every location is
/// the parameter's, every message starts with `--set name=value: `.
extension ExpressionEvaluator {
    /// The value `text` gives the parameter `name` (of `kind`, declared at
    /// `location` in the block of `outer`), or nil after a diagnostic.
    func evaluateOverride(_ text: String, of name: String, kind: ValueKind, at location: SourceLocation,
                          within outer: EvaluationContext) -> Evaluated? {
        let prefix = ParameterSetting.messagePrefix(name, text)
        let block = LessonBlock(kind: .parameters, text: text, startLine: 0, endLine: 0, contentStartLine: 1)
        guard text.utf8.count <= EvaluationBounds.blockBytes else {
            outer.diagnostics.error(prefix + "value is too long (\(text.utf8.count) bytes; at most \(EvaluationBounds.blockBytes))",
                                    at: location)
            return nil
        }
        let source: BlockSource
        do { source = try BlockSource(index: outer.source.index, block: block, fixedLocation: location) } catch {
            outer.diagnostics.error(prefix + error.message, at: location)
            return nil
        }
        let context = EvaluationContext(source: source, diagnostics: outer.diagnostics, messagePrefix: prefix)
        let items = Array(source.tree.statements)
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            context.error("expected a value", at: location)
            return nil
        }
        if let syntaxError = ParseCache.errors(for: text, tree: source.tree).first {
            context.error(syntaxError.message, at: location)
            return nil
        }
        guard items.count == 1, let expr = items[0].item.as(ExprSyntax.self) else {
            context.error("expected a single value", at: location)
            return nil
        }
        if let call = ParameterLiterals.firstCall(in: expr) {
            context.error(ParameterLiterals.message(for: call), at: location)
            return nil
        }
        return evaluate(expr, expected: kind, destination: .specified, in: context)
    }

    /// Reports the `--set` names that no parameters block declared.
    func reportUnusedOverrides(declared: [String], to diagnostics: Diagnostics) {
        for name in overrides.keys.sorted() where !declared.contains(name) && scope.isUnknown(name) {
            let list = declared.isEmpty ? "the lesson has no parameters" : "parameters: " + declared.joined(separator: ", ")
            diagnostics.error("--set \(name): the lesson has no parameter '\(name)'\(Suggestions.didYouMean(name, in: declared)) (\(list))",
                              at: nil)
        }
    }
}
