import Experiments

/// Arithmetic, comparison, logic and interpolation on known values
/// (`rarePrevalence * 2`, `epochs + 5`, `"Adam, lr \(lr)"`), with Swift's typing
/// rules, and overflow, division by zero and over-long strings caught as errors.
/// A result that reads no parameter is a constant of the plan; one that does
/// keeps its expression, so the resolver can compute it again.
extension ValueRules {
    /// Most characters a string value may have.
    package static let stringCharacters = 1000

    package func binary(_ op: String, _ lhs: Evaluated, _ rhs: Evaluated, operatorAt at: SourceLocation) -> Evaluated? {
        guard var out = computeBinary(op, lhs, rhs, operatorAt: at) else { return nil }
        if !(lhs.plan.isConstant && rhs.plan.isConstant) {
            out.plan = PlanNode(.binary(op, operatorAt: at, lhs.plan, rhs.plan), kind: out.kind, location: out.location,
                                isLiteral: out.isLiteral)
        }
        return out
    }

    private func computeBinary(_ op: String, _ lhs: Evaluated, _ rhs: Evaluated, operatorAt at: SourceLocation) -> Evaluated? {
        func mismatch() -> Evaluated? {
            reporter.error("binary operator '\(op)' cannot be applied to operands of type '\(lhs.kind)' and '\(rhs.kind)'", at: at)
            return nil
        }
        if op == "&&" || op == "||" {
            guard let a = lhs.value.bool, let b = rhs.value.bool else { return mismatch() }
            return Evaluated(value: .bool(op == "&&" ? a && b : a || b), kind: .bool, location: lhs.location)
        }
        if op == "+", let a = lhs.value.string, let b = rhs.value.string {
            let s = a + b
            guard s.count <= Self.stringCharacters else {
                reporter.error("string is too long (\(s.count) characters; at most \(Self.stringCharacters))", at: at)
                return nil
            }
            return Evaluated(value: .string(s), kind: .string, location: lhs.location)
        }
        let comparisons: Set<String> = ["<", "<=", ">", ">=", "==", "!="]
        guard lhs.kind.isNumeric, rhs.kind.isNumeric else {
            if comparisons.contains(op), lhs.kind == rhs.kind, lhs.kind == .string || lhs.kind == .bool {
                let equal = lhs.value.string == rhs.value.string && lhs.value.bool == rhs.value.bool
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
        if comparisons.contains(op) {
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
                    reporter.error(op == "/" ? "division by zero" : "division by zero in remainder operation", at: at)
                    return nil
                }
                result = op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
            }
            guard !result.1 else {
                reporter.error("arithmetic operation '\(a) \(op) \(b)' (on type 'Int') results in an overflow", at: at)
                return nil
            }
            return Evaluated(value: .int(result.0), kind: .int, location: lhs.location, isLiteral: literal)
        }
        guard op != "%" else {
            reporter.error("'%' is unavailable for 'Double'; use integers", at: at)
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
            reporter.error("arithmetic result is not a finite number", at: at)
            return nil
        }
        return Evaluated(value: .double(r), kind: .double, location: lhs.location, isLiteral: literal)
    }

    /// `-x`, `+x`, `!x` written at `location`.
    package func prefix(_ op: String, _ operand: Evaluated, at location: SourceLocation) -> Evaluated? {
        var v = operand
        v.location = location
        switch (op, v.value) {
        case ("!", .bool(let b)): v.value = .bool(!b)
        case ("-", .int(let i)):
            guard i != .min else {
                reporter.error("arithmetic operation results in an overflow", at: location)
                return nil
            }
            v.value = .int(-i)
        case ("-", .double(let d)): v.value = .double(-d)
        case ("+", .int), ("+", .double): break
        default:
            reporter.error("unary operator '\(op)' cannot be applied to an operand of type '\(v.kind)'", at: location)
            return nil
        }
        v.plan = operand.plan.isConstant
            ? PlanNode.scalar(v.value, kind: v.kind, location: location, isLiteral: v.isLiteral) ?? v.plan
            : PlanNode(.prefix(op, operand.plan), kind: v.kind, location: location, isLiteral: v.isLiteral)
        v.plan.name = v.name
        return v
    }

    /// One piece of an interpolated string: text, or a value with where it was written.
    package enum Piece {
        case text(String)
        case value(Evaluated)
    }

    /// `"Adam, lr \(learningRate)"` written at `location`: a value is spelled as
    /// Swift's own interpolation spells it (`0.001`, `1e-05`, `12`, `true`), so an
    /// exported lesson names its runs identically.
    package func interpolate(_ pieces: [Piece], at location: SourceLocation) -> Evaluated? {
        var text = ""
        var parts: [InterpolationPart] = []
        for piece in pieces {
            switch piece {
            case .text(let s):
                text += s
                parts.append(.text(s))
            case .value(let value):
                switch value.value {
                case .int(let i): text += String(i)
                case .double(let d): text += "\(d)"
                case .bool(let b): text += b ? "true" : "false"
                case .string(let s): text += s
                default:
                    reporter.error("cannot interpolate a value of type '\(value.kind)'; interpolate numbers, Booleans or strings",
                                   at: value.location)
                    return nil
                }
                parts.append(.value(value.plan))
            }
            guard text.count <= Self.stringCharacters else {
                reporter.error("string is too long (more than \(Self.stringCharacters) characters)", at: location)
                return nil
            }
        }
        var out = Evaluated(value: .string(text), kind: .string, location: location)
        if !parts.allSatisfy({ if case .value(let n) = $0 { return n.isConstant }; return true }) {
            out.plan = PlanNode(.interpolation(parts), kind: .string, location: location)
        }
        return out
    }
}
