import PlanCore
import SwiftSyntax

/// A parameter is a value a student can type: a number, text, a Boolean, an
/// array or dictionary of them, arithmetic on them, or a case such as
/// `.balanced(scale: 0.5)`. A call of a type or function (`Shapes(...)`,
/// `MLP()`) builds something an experiment block should build, and is an error
/// in a parameters block and in a `--set` value alike.
enum ParameterLiterals {
    /// The first call in `expr` that is not an implicit member (`.name(...)`), in source order.
    static func firstCall(in expr: ExprSyntax) -> FunctionCallExprSyntax? {
        var stack: [Syntax] = [Syntax(expr)]
        while let node = stack.popLast() {
            if let call = node.as(FunctionCallExprSyntax.self) {
                let implicit = call.calledExpression.as(MemberAccessExprSyntax.self).map { $0.base == nil } ?? false
                if !implicit { return call }
            }
            stack.append(contentsOf: node.children(viewMode: .sourceAccurate).reversed())
        }
        return nil
    }

    static func message(for call: FunctionCallExprSyntax) -> String {
        SetValueParser.callMessage(call.calledExpression.trimmedDescription)
    }
}
