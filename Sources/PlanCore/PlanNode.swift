/// One value of a lesson's plan as the lesson wrote it: a literal, a parameter
/// read, arithmetic, an array, an interpolated string, or a call of the lesson
/// API with its defaults applied. Resolving it with parameter values (the
/// resolver) gives the finished value; each node keeps where it was written so
/// a bad value is reported where it is used, as the evaluator reports it.
public struct PlanNode: Sendable, Equatable {
    public indirect enum Expression: Sendable, Equatable {
        case int(Int)
        case double(Double)
        case string(String)
        case bool(Bool)
        case none
        /// A name of a `swift parameters` block.
        case parameter(String)
        /// A name bound by `let` in an experiment block (`shapes`): one of the plan's bindings.
        case named(String)
        /// `+ - * / % < <= > >= == != && ||`; the operator's own place is where its errors go.
        case binary(String, operatorAt: SourceLocation, PlanNode, PlanNode)
        /// `-x`, `+x`, `!x`.
        case prefix(String, PlanNode)
        case array([PlanNode])
        /// Keys and values alternating: key, value, key, value, …
        case dictionary([PlanNode])
        case interpolation([InterpolationPart])
        /// `Type(...)` (`member == "init"`) or `.member(...)`; `arguments` nil for `.member`
        /// without parentheses. `signature` tells overloads apart (`Seeds.from(_:count:)`).
        case call(type: String, signature: String, arguments: [PlanArgument]?)
        /// A literal that becomes an API value (`seeds: 5` is `Seeds` 1…5).
        case literal(type: String, PlanNode)
    }

    public var expression: Expression
    /// The static type, after the conversions the evaluator applied (`Double?`, `[Double]`).
    public var kind: ValueKind
    public var location: SourceLocation
    /// A literal (or arithmetic of literals): it still takes its type from its context.
    public var isLiteral: Bool
    /// The `let` name it was read through (`shapes`), for messages and dataset cards.
    public var name: String?

    public init(_ expression: Expression, kind: ValueKind, location: SourceLocation, isLiteral: Bool = false,
                name: String? = nil) {
        self.expression = expression
        self.kind = kind
        self.location = location
        self.isLiteral = isLiteral
        self.name = name
    }

    /// True when the node reads no parameter anywhere inside it.
    public var isConstant: Bool {
        switch expression {
        case .int, .double, .string, .bool, .none: return true
        case .parameter, .named: return false
        case .binary(_, _, let l, let r): return l.isConstant && r.isConstant
        case .prefix(_, let n), .literal(_, let n): return n.isConstant
        case .array(let items), .dictionary(let items): return items.allSatisfy { $0.isConstant }
        case .interpolation(let parts): return parts.allSatisfy { if case .value(let n) = $0 { return n.isConstant }; return true }
        case .call(_, _, let arguments): return (arguments ?? []).allSatisfy { $0.value.isConstant }
        }
    }

    /// The parameters the node reads, in the order first read.
    public var parameterNames: [String] {
        var names: [String] = []
        func visit(_ n: PlanNode) {
            switch n.expression {
            case .parameter(let name): if !names.contains(name) { names.append(name) }
            case .binary(_, _, let l, let r): visit(l); visit(r)
            case .prefix(_, let x), .literal(_, let x): visit(x)
            case .array(let items), .dictionary(let items): items.forEach(visit)
            case .interpolation(let parts): for case .value(let x) in parts { visit(x) }
            case .call(_, _, let arguments): (arguments ?? []).forEach { visit($0.value) }
            default: break
            }
        }
        visit(self)
        return names
    }
}

/// A piece of an interpolated string: text as written, or a value spelled as Swift spells it.
public enum InterpolationPart: Sendable, Equatable {
    case text(String)
    case value(PlanNode)
}

/// One argument of a call: given in the lesson, or its described default.
public struct PlanArgument: Sendable, Equatable {
    /// The argument's key in its description (`name`, `dataset`, `posWeight`).
    public var name: String
    public var value: PlanNode
    /// True when the lesson left it out and the description's default stands.
    public var isDefault: Bool

    public init(name: String, value: PlanNode, isDefault: Bool) {
        self.name = name
        self.value = value
        self.isDefault = isDefault
    }
}
