import Experiments

/// A value with its static type and where it was written. Calls keep their
/// arguments and array literals their elements, so a check can point at the
/// exact argument or element it is about. `plan` is how the value was written
/// (over parameters): the evaluator makes both, the resolver remakes the value
/// from the plan alone.
package struct Evaluated {
    package var value: APIValue
    package var kind: ValueKind { didSet { plan.kind = kind } }
    package var location: SourceLocation { didSet { plan.location = location } }
    /// A number literal, arithmetic of literals, or an array/dictionary literal:
    /// it still takes its type from the context, as Swift literals do.
    package var isLiteral: Bool { didSet { plan.isLiteral = isLiteral } }
    /// The `nil` literal.
    package var isNil: Bool
    /// Arguments of the call that made the value, by argument name.
    package var children: [String: Evaluated]
    /// Elements of an array literal.
    package var elements: [Evaluated]
    /// The name it was read from, when it was a name (`shapes`).
    package var name: String? { didSet { plan.name = name } }
    /// The expression it was made by.
    package var plan: PlanNode

    /// `plan` may be left out for a plain number, string, Boolean or nil (its own constant).
    package init(value: APIValue, kind: ValueKind, location: SourceLocation, isLiteral: Bool = false, isNil: Bool = false,
         children: [String: Evaluated] = [:], elements: [Evaluated] = [], name: String? = nil, plan: PlanNode? = nil) {
        self.value = value
        self.kind = kind
        self.location = location
        self.isLiteral = isLiteral
        self.isNil = isNil
        self.children = children
        self.elements = elements
        self.name = name
        guard let node = plan ?? PlanNode.scalar(value, kind: kind, location: location, isLiteral: isLiteral) else {
            preconditionFailure("a value of type '\(kind)' needs the expression that made it")
        }
        self.plan = node
        self.plan.kind = kind
        self.plan.location = location
        self.plan.isLiteral = isLiteral
        self.plan.name = name
    }

    /// The value an issue path points at, if it was written out.
    package func value(at path: ArraySlice<APIIssue.Step>) -> Evaluated? {
        guard let step = path.first else { return self }
        switch step {
        case .argument(let a): return children[a]?.value(at: path.dropFirst())
        case .index(let i): return i < elements.count ? elements[i].value(at: path.dropFirst()) : nil
        }
    }

    /// The location an issue path points at (falls back to the nearest known).
    package func location(at path: ArraySlice<APIIssue.Step>) -> SourceLocation {
        guard let step = path.first else { return location }
        switch step {
        case .argument(let a):
            return children[a]?.location(at: path.dropFirst()) ?? location
        case .index(let i):
            return i < elements.count ? elements[i].location(at: path.dropFirst()) : location
        }
    }
}

extension PlanNode {
    /// A scalar constant node for a plain value (nil for arrays, dictionaries and API objects).
    package static func scalar(_ value: APIValue, kind: ValueKind, location: SourceLocation, isLiteral: Bool) -> PlanNode? {
        switch value {
        case .int(let v): return PlanNode(.int(v), kind: kind, location: location, isLiteral: isLiteral)
        case .double(let v): return PlanNode(.double(v), kind: kind, location: location, isLiteral: isLiteral)
        case .string(let v): return PlanNode(.string(v), kind: kind, location: location, isLiteral: isLiteral)
        case .bool(let v): return PlanNode(.bool(v), kind: kind, location: location, isLiteral: isLiteral)
        case .none: return PlanNode(.none, kind: kind, location: location, isLiteral: isLiteral)
        default: return nil
        }
    }
}
