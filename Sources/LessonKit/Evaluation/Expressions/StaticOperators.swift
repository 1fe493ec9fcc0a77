import Experiments
import SwiftSyntax

/// Arithmetic, comparison and logic in lesson code (`rarePrevalence * 2`,
/// `epochs + 5`): operands evaluated here, the operation itself by `ValueRules`.
extension ExpressionEvaluator {
    func evaluateOperators(_ tree: OperatorTree, expected: ValueKind?, in context: EvaluationContext) -> Evaluated? {
        switch tree {
        case .operand(let e):
            return evaluate(e, expected: expected?.isNumeric == true ? expected : nil, destination: .operand, in: context)
        case .binary(let op, let node, let lhsTree, let rhsTree):
            let arithmetic = ["+", "-", "*", "/", "%"].contains(op)
            let hint = arithmetic && expected?.isNumeric == true ? expected : nil
            guard let lhs = evaluateOperators(lhsTree, expected: hint, in: context),
                  let rhs = evaluateOperators(rhsTree, expected: hint, in: context) else { return nil }
            return rules(context).binary(op, lhs, rhs, operatorAt: context.location(of: node))
        }
    }

    func evaluatePrefix(_ prefix: PrefixOperatorExprSyntax, expected: ValueKind?,
                        in context: EvaluationContext) -> Evaluated? {
        let op = prefix.operator.text
        guard op == "-" || op == "+" || op == "!" else {
            context.error("prefix operator '\(op)' is not supported in lessons", at: prefix)
            return nil
        }
        guard let v = evaluate(prefix.expression, expected: op == "!" ? nil : (expected?.isNumeric == true ? expected : nil),
                               destination: .operand, in: context) else { return nil }
        return rules(context).prefix(op, v, at: context.location(of: prefix))
    }
}
