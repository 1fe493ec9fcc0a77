import Experiments
import SwiftSyntax

/// Calls of the described API: `Run("x", epochs: 3)`, `.binaryCrossEntropy(posWeight: .balanced)`,
/// `.sigmoid`, `Loss.focal(gamma: 2)`. Arguments are matched to the description
/// the way Swift matches them (labels, order, defaults) and checked against it.
extension EvaluationSession {
    func evaluateCall(_ call: FunctionCallExprSyntax, expected: ValueKind?) -> Evaluated? {
        if let closure = call.trailingClosure {
            error("trailing closures are not supported in lessons", at: closure)
            return nil
        }
        let callee = call.calledExpression
        if let ref = callee.as(DeclReferenceExprSyntax.self) {
            let name = ref.baseName.text
            guard let type = catalog.type(named: name) else {
                if name == "expect" {
                    error("expect(...) can only be a statement of a 'swift expect' block", at: ref)
                } else if let binding = scope[name] {
                    error("cannot call value of non-function type '\(binding.value.kind)'", at: ref)
                } else if !poisoned.contains(name) {
                    let constructible = catalog.types.filter { !$0.initializers.isEmpty }.map(\.name)
                    error("cannot find '\(name)' in scope\(Suggestions.didYouMean(name, in: constructible))", at: ref)
                }
                return nil
            }
            guard !type.initializers.isEmpty else {
                let hint = type.isProtocol
                    ? "; use one of: " + catalog.conformers(of: type.name).map { "\($0)(...)" }.joined(separator: ", ")
                    : "; use one of its members, e.g. '.\(type.staticMembers.first?.name ?? "")'"
                error("'\(name)' cannot be constructed directly\(hint)", at: ref)
                return nil
            }
            return invoke(type, memberName: "init", candidates: type.initializers, call: call, at: ref)
        }
        if let member = callee.as(MemberAccessExprSyntax.self) {
            guard let type = memberBaseType(member, expected: expected) else { return nil }
            let name = member.declName.baseName.text
            return invoke(type, memberName: name, candidates: try? members(named: name, of: type, at: member), call: call,
                          at: member)
        }
        unsupported(callee)
        return nil
    }

    /// `.sigmoid`, `.balanced`, `Head.softmax`: a member written without parentheses.
    func evaluateMember(_ member: MemberAccessExprSyntax, expected: ValueKind?) -> Evaluated? {
        guard let type = memberBaseType(member, expected: expected) else { return nil }
        let name = member.declName.baseName.text
        guard let candidates = try? members(named: name, of: type, at: member) else { return nil }
        guard let plain = candidates.first(where: { $0.arguments == nil }) else {
            error("'.\(name)' needs an argument list: write '.\(name)(...)'", at: member)
            return nil
        }
        return Evaluated(value: .object(plain.build(APIArguments([:]))), kind: .api(type.name),
                         location: source.location(of: member))
    }

    /// The type a member access refers to: the explicit base type, or the contextual type.
    private func memberBaseType(_ member: MemberAccessExprSyntax, expected: ValueKind?) -> APITypeDescription? {
        let name = member.declName.baseName.text
        if let base = member.base {
            guard let ref = base.as(DeclReferenceExprSyntax.self), let type = catalog.type(named: ref.baseName.text) else {
                if let sub = base.as(SubscriptCallExprSyntax.self),
                   sub.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "results" {
                    error("'results' can only be used inside expect(...) in a 'swift expect' block", at: base)
                } else if let ref = base.as(DeclReferenceExprSyntax.self), scope[ref.baseName.text] == nil,
                          !poisoned.contains(ref.baseName.text) {
                    _ = evaluateName(ref)
                } else if base.as(DeclReferenceExprSyntax.self).map({ poisoned.contains($0.baseName.text) }) != true {
                    error("properties of values are not supported in lessons; only API members like '.\(name)'", at: member)
                }
                return nil
            }
            return type
        }
        var context = expected
        if case .optional(let w)? = context { context = w }
        guard let context else {
            error("cannot infer contextual base in reference to member '\(name)'", at: member)
            return nil
        }
        guard case .api(let typeName) = context, let type = catalog.type(named: typeName) else {
            error("type '\(context)' has no member '\(name)'", at: member)
            return nil
        }
        if type.isProtocol {
            let options = catalog.conformers(of: typeName).map { "\($0)(...)" }.joined(separator: ", ")
            error("'\(typeName)' has no member '\(name)'; write one of: \(options)", at: member)
            return nil
        }
        return type
    }

    private struct NoSuchMember: Error {}

    private func members(named name: String, of type: APITypeDescription, at member: MemberAccessExprSyntax) throws -> [APIMember] {
        let found = type.staticMembers.filter { $0.name == name }
        guard found.isEmpty else { return found }
        let names = Array(Set(type.staticMembers.map(\.name))).sorted()
        error("type '\(type.name)' has no member '\(name)'\(Suggestions.didYouMean(name, in: names))", at: member.declName)
        throw NoSuchMember()
    }

    /// Picks the overload whose labels fit, matches arguments, checks and builds.
    private func invoke(_ type: APITypeDescription, memberName: String, candidates: [APIMember]?,
                        call: FunctionCallExprSyntax, at calleeNode: some SyntaxProtocol) -> Evaluated? {
        guard let candidates else { return nil }
        let withArguments = candidates.filter { $0.arguments != nil }
        guard !withArguments.isEmpty else {
            error("'.\(memberName)' takes no arguments; write '.\(memberName)' without parentheses", at: call.calledExpression)
            return nil
        }
        let labels = call.arguments.map { $0.label?.text }
        let member = withArguments.first { m in labels.allSatisfy { l in m.arguments!.contains { $0.label == l } } }
            ?? withArguments[0]
        let display = memberName == "init" ? type.name : "." + memberName
        guard let matched = matchArguments(call, to: member.arguments!, display: display) else { return nil }

        var values: [String: APIValue] = [:]
        var children: [String: Evaluated] = [:]
        var failed = false
        let callLocation = source.location(of: call)
        for argument in member.arguments! {
            if let expr = matched[argument.name] {
                guard let v = evaluate(expr, expected: argument.kind, context: .argument) else { failed = true; continue }
                if !checkLimits(v, argument.limits, name: argument.label ?? argument.name) { failed = true }
                values[argument.name] = v.value
                children[argument.name] = v
            } else if var d = defaultValue(argument, of: member, in: type) {
                d.location = callLocation
                values[argument.name] = d.value
                children[argument.name] = d
            }
        }
        if failed { return nil }
        let arguments = APIArguments(values)
        var result = Evaluated(value: .none, kind: .api(type.name), location: callLocation, children: children)
        let issues = member.check(arguments)
        for issue in issues {
            error(issue.message + overrideNote(result.value(at: issue.path[...])), at: result.location(at: issue.path[...]))
        }
        guard issues.isEmpty else { return nil }
        result.value = .object(member.build(arguments))
        return result
    }

    /// Call arguments by argument name, as Swift matches them; nil after a diagnostic.
    private func matchArguments(_ call: FunctionCallExprSyntax, to parameters: [APIArgument],
                                display: String) -> [String: ExprSyntax]? {
        var matched: [String: ExprSyntax] = [:]
        var next = 0
        let known = parameters.compactMap(\.label)
        for argument in call.arguments {
            let label = argument.label?.text
            let node = argument.label.map(Syntax.init) ?? Syntax(argument.expression)
            if let i = parameters[next...].firstIndex(where: { $0.label == label }) {
                if let missing = parameters[next..<i].first(where: \.isRequired) {
                    error(missingMessage(missing, in: parameters), at: node)
                    return nil
                }
                matched[parameters[i].name] = argument.expression
                next = i + 1
                continue
            }
            if let label {
                if let earlier = parameters[..<next].first(where: { $0.label == label }) {
                    if matched[earlier.name] != nil {
                        error("extra argument '\(label)' in call", at: node)
                    } else {
                        let after = parameters[..<next].last(where: { matched[$0.name] != nil })
                        error("argument '\(label)' must precede argument '\(after?.label ?? after?.name ?? "")'", at: node)
                    }
                } else if parameters[next...].contains(where: { $0.label == nil }) && !known.contains(label) {
                    error("\(display) has no argument '\(label)'\(Suggestions.didYouMean(label, in: known))", at: node)
                } else {
                    error("\(display) has no argument '\(label)'\(Suggestions.didYouMean(label, in: known))", at: node)
                }
            } else if let p = parameters[next...].first {
                error("missing argument label '\(p.label ?? p.name):' in call", at: node)
            } else {
                error("extra argument in call", at: node)
            }
            return nil
        }
        if let missing = parameters[next...].first(where: \.isRequired) {
            error(missingMessage(missing, in: parameters), at: call.rightParen.map(Syntax.init) ?? Syntax(call))
            return nil
        }
        return matched
    }

    private func missingMessage(_ p: APIArgument, in parameters: [APIArgument]) -> String {
        guard let label = p.label else {
            let position = (parameters.firstIndex { $0.name == p.name } ?? 0) + 1
            return "missing argument for parameter #\(position) in call"
        }
        return "missing argument for parameter '\(label)' in call"
    }
}
