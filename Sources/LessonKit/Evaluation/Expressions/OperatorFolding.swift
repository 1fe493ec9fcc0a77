import SwiftSyntax

/// Folds the flat operand/operator list SwiftParser produces for `a + b * c`
/// into a tree, with Swift's standard precedence for the operators lessons may use.
indirect enum OperatorTree {
    case operand(ExprSyntax)
    case binary(String, BinaryOperatorExprSyntax, OperatorTree, OperatorTree)

    /// Standard library precedence (higher binds tighter) of the supported operators.
    static let precedence: [String: Int] = [
        "*": 150, "/": 150, "%": 150,
        "+": 140, "-": 140,
        "<": 130, "<=": 130, ">": 130, ">=": 130, "==": 130, "!=": 130,
        "&&": 120, "||": 110,
    ]
    static let comparisons: Set<String> = ["<", "<=", ">", ">=", "==", "!="]

    enum FoldError: Error {
        /// An element that is not a supported binary operator (`=`, `? :`, `as`, `is`, `??`, ...).
        case unsupported(ExprSyntax)
        /// `a < b < c`: comparisons do not associate.
        case nonAssociative(BinaryOperatorExprSyntax)
    }

    static func fold(_ sequence: SequenceExprSyntax) throws -> OperatorTree {
        var operands: [OperatorTree] = []
        var operators: [BinaryOperatorExprSyntax] = []
        func reduce() {
            let op = operators.removeLast()
            let rhs = operands.removeLast(), lhs = operands.removeLast()
            operands.append(.binary(op.operator.text, op, lhs, rhs))
        }
        for (i, element) in sequence.elements.enumerated() {
            if i % 2 == 0 {
                operands.append(.operand(element))
                continue
            }
            guard let op = element.as(BinaryOperatorExprSyntax.self), let p = precedence[op.operator.text] else {
                throw FoldError.unsupported(element)
            }
            while let top = operators.last, let q = precedence[top.operator.text], q >= p {
                if q == p, comparisons.contains(op.operator.text) { throw FoldError.nonAssociative(op) }
                reduce()
            }
            operators.append(op)
        }
        guard operands.count == operators.count + 1 else {
            throw FoldError.unsupported(ExprSyntax(sequence))
        }
        while !operators.isEmpty { reduce() }
        return operands[0]
    }
}
