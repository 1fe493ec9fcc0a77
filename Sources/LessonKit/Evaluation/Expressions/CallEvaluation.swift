import Experiments
import SwiftSyntax

/// Calls of the described API: `Run("x", epochs: 3)`, `.binaryCrossEntropy(posWeight: .balanced)`,
/// `.sigmoid`, `Loss.focal(gamma: 2)`. Arguments are matched to the description
/// the way Swift matches them (labels, order, defaults) and checked against it.
extension ExpressionEvaluator {
    func evaluateCall(_ call: FunctionCallExprSyntax, expected: ValueKind?, in context: EvaluationContext) -> Evaluated? {
        if let closure = call.trailingClosure {
            context.error("trailing closures are not supported in lessons", at: closure)
            return nil
        }
        let callee = call.calledExpression
        if let ref = callee.as(DeclReferenceExprSyntax.self) {
            let name = ref.baseName.text
            guard let type = catalog.type(named: name) else {
                if name == ClaimWords.expect {
                    context.error("expect(...) can only be a statement of a 'swift expect' block", at: ref)
                } else if let binding = scope[name] {
                    context.error("cannot call value of non-function type '\(binding.value.kind)'", at: ref)
                } else if !scope.isPoisoned(name) {
                    let constructible = catalog.types.filter { !$0.initializers.isEmpty }.map(\.name)
                    context.error("cannot find '\(name)' in scope\(Suggestions.didYouMean(name, in: constructible))", at: ref)
                }
                return nil
            }
            guard !type.initializers.isEmpty else {
                let hint = type.isProtocol
                    ? "; use one of: " + catalog.conformers(of: type.name).map { "\($0)(...)" }.joined(separator: ", ")
                    : "; use one of its members, e.g. '.\(type.staticMembers.first?.name ?? "")'"
                context.error("'\(name)' cannot be constructed directly\(hint)", at: ref)
                return nil
            }
            return invoke(type, memberName: "init", candidates: type.initializers, call: call, at: ref, in: context)
        }
        if let member = callee.as(MemberAccessExprSyntax.self) {
            guard let type = memberBaseType(member, expected: expected, in: context) else { return nil }
            let name = member.declName.baseName.text
            return invoke(type, memberName: name, candidates: try? members(named: name, of: type, at: member, in: context), call: call,
                          at: member, in: context)
        }
        context.unsupported(callee)
        return nil
    }

    /// `.sigmoid`, `.balanced`, `Head.softmax`: a member written without parentheses.
    func evaluateMember(_ member: MemberAccessExprSyntax, expected: ValueKind?, in context: EvaluationContext) -> Evaluated? {
        guard let type = memberBaseType(member, expected: expected, in: context) else { return nil }
        let name = member.declName.baseName.text
        guard let candidates = try? members(named: name, of: type, at: member, in: context) else { return nil }
        guard let plain = candidates.first(where: { $0.arguments == nil }) else {
            context.error("'.\(name)' needs an argument list: write '.\(name)(...)'", at: member)
            return nil
        }
        return rules(context).plainMember(type, plain, at: context.location(of: member))
    }

    /// The type a member access refers to: the explicit base type, or the contextual type.
    private func memberBaseType(_ member: MemberAccessExprSyntax, expected: ValueKind?,
                                in context: EvaluationContext) -> APITypeDescription? {
        let name = member.declName.baseName.text
        if let base = member.base {
            guard let ref = base.as(DeclReferenceExprSyntax.self), let type = catalog.type(named: ref.baseName.text) else {
                if let sub = base.as(SubscriptCallExprSyntax.self),
                   ClaimWords.isResults(sub.calledExpression) {
                    context.error("'results' can only be used inside expect(...) in a 'swift expect' block", at: base)
                } else if let ref = base.as(DeclReferenceExprSyntax.self), scope.isUnknown(ref.baseName.text) {
                    _ = evaluateName(ref, in: context)
                } else if base.as(DeclReferenceExprSyntax.self).map({ scope.isPoisoned($0.baseName.text) }) != true {
                    context.error("properties of values are not supported in lessons; only API members like '.\(name)'", at: member)
                }
                return nil
            }
            return type
        }
        var contextual = expected
        if case .optional(let w)? = contextual { contextual = w }
        guard let contextual else {
            context.error("cannot infer contextual base in reference to member '\(name)'", at: member)
            return nil
        }
        guard case .api(let typeName) = contextual, let type = catalog.type(named: typeName) else {
            context.error("type '\(contextual)' has no member '\(name)'", at: member)
            return nil
        }
        if type.isProtocol {
            let options = catalog.conformers(of: typeName).map { "\($0)(...)" }.joined(separator: ", ")
            context.error("'\(typeName)' has no member '\(name)'; write one of: \(options)", at: member)
            return nil
        }
        return type
    }

    private struct NoSuchMember: Error {}

    private func members(named name: String, of type: APITypeDescription, at member: MemberAccessExprSyntax,
                         in context: EvaluationContext) throws -> [APIMember] {
        let found = type.staticMembers.filter { $0.name == name }
        guard found.isEmpty else { return found }
        let names = Array(Set(type.staticMembers.map(\.name))).sorted()
        context.error("type '\(type.name)' has no member '\(name)'\(Suggestions.didYouMean(name, in: names, listing: "members"))", at: member.declName)
        throw NoSuchMember()
    }

    /// Picks the overload whose labels fit, matches arguments, checks and builds.
    private func invoke(_ type: APITypeDescription, memberName: String, candidates: [APIMember]?,
                        call: FunctionCallExprSyntax, at calleeNode: some SyntaxProtocol,
                        in context: EvaluationContext) -> Evaluated? {
        guard let candidates else { return nil }
        let withArguments = candidates.filter { $0.arguments != nil }
        guard !withArguments.isEmpty else {
            context.error("'.\(memberName)' takes no arguments; write '.\(memberName)' without parentheses", at: call.calledExpression)
            return nil
        }
        let labels = call.arguments.map { $0.label?.text }
        let member = withArguments.first { m in labels.allSatisfy { l in m.arguments!.contains { $0.label == l } } }
            ?? withArguments[0]
        let display = memberName == "init" ? type.name : "." + memberName
        guard let matched = ArgumentMatching.match(call, to: member.arguments!, display: display, in: context) else { return nil }

        let callLocation = context.location(of: call)
        var arguments: [(APIArgument, Evaluated?, isDefault: Bool)] = []
        for argument in member.arguments! {
            if let expr = matched[argument.name] {
                arguments.append((argument, evaluate(expr, expected: argument.kind, in: context), false))
            } else if var d = defaultValue(argument, of: member, in: type) {
                d.location = callLocation
                arguments.append((argument, d, true))
            }
        }
        return rules(context).call(type, member, arguments: arguments, at: callLocation)
    }
}
