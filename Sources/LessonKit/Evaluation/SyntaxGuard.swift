import SwiftSyntax

/// Bounds on a parsed block, checked with an explicit stack before anything
/// walks the tree recursively (SwiftParser's diagnostics generator, the
/// evaluator, the claim compiler). `SourceGuard` has bounded brackets before
/// parsing; what is left is nesting without brackets (`a.b.c…`, `f()()…`,
/// `else if` chains) and long operator chains, which the evaluator folds into
/// a tree as deep as the chain is long (`1 + 1 + … + 1`).
enum SyntaxGuard {
    /// Syntax nodes from a statement down to its deepest node; the 32 levels of
    /// brackets `SourceGuard` allows take at most about 170.
    static let maximumDepth = 256
    /// Binary operators in one statement (the folded tree of a chain is as deep as the chain).
    static let maximumOperators = 256

    struct Violation {
        var position: AbsolutePosition
        var message: String
    }

    /// The first node past a bound, in source order (operators are not counted
    /// in code that is only shown).
    static func firstViolation(in tree: SourceFileSyntax, countingOperators: Bool = true) -> Violation? {
        for item in tree.statements {
            var operators = 0
            var stack: [(node: Syntax, depth: Int)] = [(Syntax(item), 1)]
            while let (node, depth) = stack.popLast() {
                if depth > maximumDepth {
                    return Violation(position: node.positionAfterSkippingLeadingTrivia,
                                     message: "expression is nested too deeply (more than \(maximumDepth) syntax levels)")
                }
                if countingOperators, node.is(BinaryOperatorExprSyntax.self) {
                    operators += 1
                    if operators > maximumOperators {
                        return Violation(position: node.positionAfterSkippingLeadingTrivia,
                                         message: "statement has more than \(maximumOperators) operators; split it into several 'let's")
                    }
                }
                for child in node.children(viewMode: .sourceAccurate).reversed() { stack.append((child, depth + 1)) }
            }
        }
        return nil
    }
}
