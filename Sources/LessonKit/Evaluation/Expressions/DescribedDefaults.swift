import Experiments
import Synchronization
import SwiftSyntax

/// The values of described defaults (`".none"`, `"[64]"`, `"MLP()"`): Swift
/// source in the catalog, evaluated like lesson code but in a context of its
/// own, whose diagnostics must stay empty — a default that does not evaluate
/// is a defect of the API, not of the lesson.
extension ExpressionEvaluator {
    /// Evaluated once per process and argument (defaults never change).
    private static let cache = Mutex<[String: Evaluated]>([:])

    func defaultValue(_ argument: APIArgument, of member: APIMember, in type: APITypeDescription) -> Evaluated? {
        guard let text = argument.defaultSource else { return nil }
        let key = "\(type.name).\(member.signature(typeName: type.name)).\(argument.name)"
        if let cached = Self.cache.withLock({ $0[key] }) { return cached }
        let block = LessonBlock(kind: .experiment, text: text, startLine: 0, endLine: 0, contentStartLine: 0)
        let diagnostics = Diagnostics(path: key)
        guard let source = try? BlockSource(index: -1, block: block),
              let expr = source.tree.statements.first?.item.as(ExprSyntax.self),
              let value = evaluate(expr, expected: argument.kind,
                                   in: EvaluationContext(source: source, diagnostics: diagnostics)) else {
            preconditionFailure("default '\(text)' of \(key) does not evaluate")
        }
        precondition(diagnostics.isEmpty, "default '\(text)' of \(key) has errors")
        Self.cache.withLock { $0[key] = value }
        return value
    }
}
