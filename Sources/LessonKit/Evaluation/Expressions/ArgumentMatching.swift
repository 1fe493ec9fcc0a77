import Experiments
import SwiftSyntax

/// The arguments of a call in lesson code matched to a described member's
/// parameters (`ArgumentLabels`), each error at the argument it is about.
enum ArgumentMatching {
    /// Call arguments by argument name, as Swift matches them; nil after a diagnostic.
    static func match(_ call: FunctionCallExprSyntax, to parameters: [APIArgument], display: String,
                      in context: EvaluationContext) -> [String: ExprSyntax]? {
        let arguments = Array(call.arguments)
        switch ArgumentLabels.match(arguments.map { $0.label?.text }, to: parameters, display: display) {
        case .success(let matched):
            return matched.mapValues { arguments[$0].expression }
        case .failure(let mismatch):
            if let i = mismatch.argument {
                let argument = arguments[i]
                context.error(mismatch.message, at: argument.label.map(Syntax.init) ?? Syntax(argument.expression))
            } else {
                context.error(mismatch.message, at: call.rightParen.map(Syntax.init) ?? Syntax(call))
            }
            return nil
        }
    }
}
