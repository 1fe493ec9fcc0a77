import Experiments
import SwiftSyntax

/// Arithmetic, comparison and logic on values known while evaluating
/// (`rarePrevalence * 2`, `epochs + 5`), with Swift's typing rules and
/// overflow and division-by-zero caught as errors.
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
            return apply(op, lhs, rhs, at: node, in: context)
        }
    }

    private func apply(_ op: String, _ lhs: Evaluated, _ rhs: Evaluated, at node: BinaryOperatorExprSyntax,
                       in context: EvaluationContext) -> Evaluated? {
        func mismatch() -> Evaluated? {
            context.error("binary operator '\(op)' cannot be applied to operands of type '\(lhs.kind)' and '\(rhs.kind)'", at: node)
            return nil
        }
        if op == "&&" || op == "||" {
            guard let a = lhs.value.bool, let b = rhs.value.bool else { return mismatch() }
            return Evaluated(value: .bool(op == "&&" ? a && b : a || b), kind: .bool, location: lhs.location)
        }
        if op == "+", let a = lhs.value.string, let b = rhs.value.string {
            let s = a + b
            guard s.count <= EvaluationBounds.stringCharacters else {
                context.error("string is too long (\(s.count) characters; at most \(EvaluationBounds.stringCharacters))", at: node)
                return nil
            }
            return Evaluated(value: .string(s), kind: .string, location: lhs.location)
        }
        guard lhs.kind.isNumeric, rhs.kind.isNumeric else {
            if OperatorTree.comparisons.contains(op), lhs.kind == rhs.kind, lhs.kind == .string || lhs.kind == .bool {
                let equal = "\(lhs.value)" == "\(rhs.value)"
                if op == "==" || op == "!=" {
                    return Evaluated(value: .bool(op == "==" ? equal : !equal), kind: .bool, location: lhs.location)
                }
            }
            return mismatch()
        }
        // Literals adapt to the other side; two named values must agree, as in Swift.
        let literal = lhs.isLiteral && rhs.isLiteral
        let kind: ValueKind
        if lhs.kind == rhs.kind { kind = lhs.kind }
        else if lhs.isLiteral && lhs.kind == .int { kind = .double }
        else if rhs.isLiteral && rhs.kind == .int { kind = .double }
        else if literal { kind = .double }
        else { return mismatch() }
        if OperatorTree.comparisons.contains(op) {
            let a = lhs.value.double ?? 0, b = rhs.value.double ?? 0
            let r: Bool
            switch op {
            case "<": r = a < b
            case "<=": r = a <= b
            case ">": r = a > b
            case ">=": r = a >= b
            case "==": r = a == b
            default: r = a != b
            }
            return Evaluated(value: .bool(r), kind: .bool, location: lhs.location)
        }
        if kind == .int {
            let a = lhs.value.int ?? 0, b = rhs.value.int ?? 0
            let result: (Int, Bool)
            switch op {
            case "+": result = a.addingReportingOverflow(b)
            case "-": result = a.subtractingReportingOverflow(b)
            case "*": result = a.multipliedReportingOverflow(by: b)
            default:
                guard b != 0 else {
                    context.error(op == "/" ? "division by zero" : "division by zero in remainder operation", at: node)
                    return nil
                }
                result = op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
            }
            guard !result.1 else {
                context.error("arithmetic operation '\(a) \(op) \(b)' (on type 'Int') results in an overflow", at: node)
                return nil
            }
            return Evaluated(value: .int(result.0), kind: .int, location: lhs.location, isLiteral: literal)
        }
        guard op != "%" else {
            context.error("'%' is unavailable for 'Double'; use integers", at: node)
            return nil
        }
        let a = lhs.value.double ?? 0, b = rhs.value.double ?? 0
        let r: Double
        switch op {
        case "+": r = a + b
        case "-": r = a - b
        case "*": r = a * b
        default: r = a / b
        }
        guard r.isFinite else {
            context.error("arithmetic result is not a finite number", at: node)
            return nil
        }
        return Evaluated(value: .double(r), kind: .double, location: lhs.location, isLiteral: literal)
    }

    func evaluatePrefix(_ prefix: PrefixOperatorExprSyntax, expected: ValueKind?,
                        in context: EvaluationContext) -> Evaluated? {
        let op = prefix.operator.text
        guard op == "-" || op == "+" || op == "!" else {
            context.error("prefix operator '\(op)' is not supported in lessons", at: prefix)
            return nil
        }
        guard var v = evaluate(prefix.expression, expected: op == "!" ? nil : (expected?.isNumeric == true ? expected : nil),
                               destination: .operand, in: context) else { return nil }
        v.location = context.location(of: prefix)
        switch (op, v.value) {
        case ("!", .bool(let b)): v.value = .bool(!b)
        case ("-", .int(let i)):
            guard i != .min else {
                context.error("arithmetic operation results in an overflow", at: prefix)
                return nil
            }
            v.value = .int(-i)
        case ("-", .double(let d)): v.value = .double(-d)
        case ("+", .int), ("+", .double): break
        default:
            context.error("unary operator '\(op)' cannot be applied to an operand of type '\(v.kind)'", at: prefix)
            return nil
        }
        return v
    }
}
