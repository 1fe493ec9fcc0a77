import Experiments
import PortableSort

/// Collections and calls of the API in a typed parameter value, as the
/// evaluator makes them (`CollectionLiterals`, `CallEvaluation`): element types
/// from the context or inferred, arguments matched by label (`ArgumentLabels`),
/// and every left-out argument given its described default, which the plan
/// writes out like a given one.
extension SetValueEvaluation {
    func array(_ items: [SetValueSyntax], expected: ValueKind?) -> Evaluated? {
        guard items.count <= EvaluationBounds.arrayElements else {
            error("array literal has \(items.count) elements; at most \(EvaluationBounds.arrayElements)")
            return nil
        }
        var elementKind: ValueKind?
        switch expected {
        case .array(let e)?, .optional(.array(let e))?: elementKind = e
        default: elementKind = nil
        }
        let evaluated = items.map { evaluate($0, expected: elementKind, destination: .element) }
        guard evaluated.allSatisfy({ $0 != nil }) else { return nil }
        var values = evaluated.map { $0! }
        guard let kind = elementKind ?? rules.unifiedKind(values, at: location) else { return nil }
        if elementKind == nil {
            let converted = values.map { rules.convert($0, to: kind, destination: .element) }
            guard converted.allSatisfy({ $0 != nil }) else { return nil }
            values = converted.map { $0! }
        }
        return Evaluated(value: .array(values.map { $0.value }), kind: .array(kind), location: location, isLiteral: true,
                         elements: values, plan: PlanNode(.array(values.map { $0.plan }), kind: .array(kind), location: location))
    }

    func dictionary(_ items: [SetValueSyntax], expected: ValueKind?) -> Evaluated? {
        var keyKind: ValueKind?, valueKind: ValueKind?
        switch expected {
        case .dictionary(let k, let v)?, .optional(.dictionary(let k, let v))?: (keyKind, valueKind) = (k, v)
        default: break
        }
        guard !items.isEmpty else {
            guard let keyKind, let valueKind else {
                error("empty collection literal requires an explicit type")
                return nil
            }
            return Evaluated(value: .dictionary([]), kind: .dictionary(keyKind, valueKind), location: location, isLiteral: true,
                             plan: PlanNode(.dictionary([]), kind: .dictionary(keyKind, valueKind), location: location))
        }
        guard items.count / 2 <= EvaluationBounds.arrayElements else {
            error("dictionary literal has \(items.count / 2) entries; at most \(EvaluationBounds.arrayElements)")
            return nil
        }
        let pairs = stride(from: 0, to: items.count - 1, by: 2).map {
            (evaluate(items[$0], expected: keyKind, destination: .dictionaryKey),
             evaluate(items[$0 + 1], expected: valueKind, destination: .dictionaryValue))
        }
        guard pairs.allSatisfy({ $0.0 != nil && $0.1 != nil }) else { return nil }
        let keys = pairs.map { $0.0! }, values = pairs.map { $0.1! }
        guard let kk = keyKind ?? rules.unifiedKind(keys, at: location), let vk = valueKind ?? rules.unifiedKind(values, at: location) else {
            return nil
        }
        guard kk == .string || kk == .int else {
            error("dictionary keys must be strings or integers")
            return nil
        }
        var elements: [Evaluated] = []
        var seen: Set<String> = []
        for (k, v) in zip(keys, values) {
            guard let ck = rules.convert(k, to: kk, destination: .dictionaryKey),
                  let cv = rules.convert(v, to: vk, destination: .dictionaryValue) else { return nil }
            guard seen.insert(ck.value.int.map { "\($0)" } ?? ck.value.string ?? "").inserted else {
                error("dictionary literal has a duplicate key")
                return nil
            }
            elements += [ck, cv]
        }
        let value = APIValue.dictionary(stride(from: 0, to: elements.count - 1, by: 2).map { (elements[$0].value, elements[$0 + 1].value) })
        return Evaluated(value: value, kind: .dictionary(kk, vk), location: location, isLiteral: true, elements: elements,
                         plan: PlanNode(.dictionary(elements.map { $0.plan }), kind: .dictionary(kk, vk), location: location))
    }

    /// The type a member refers to: the written base type, or the contextual type.
    func baseType(_ base: String?, member name: String, expected: ValueKind?) -> APITypeDescription? {
        if let base {
            if let type = catalog.type(named: base) { return type }
            if lookup(base) == nil, !ClaimWords.isReserved(base) { _ = read(base) } else {
                error("properties of values are not supported in lessons; only API members like '.\(name)'")
            }
            return nil
        }
        var contextual = expected
        if case .optional(let w)? = contextual { contextual = w }
        guard let contextual else {
            error("cannot infer contextual base in reference to member '\(name)'")
            return nil
        }
        guard case .api(let typeName) = contextual, let type = catalog.type(named: typeName) else {
            error("type '\(contextual)' has no member '\(name)'")
            return nil
        }
        if type.isProtocol {
            error("'\(typeName)' has no member '\(name)'; write one of: " + catalog.conformers(of: typeName).map { "\($0)(...)" }.joined(separator: ", "))
            return nil
        }
        return type
    }

    func members(_ name: String, of type: APITypeDescription) -> [APIMember]? {
        let found = type.staticMembers.filter { $0.name == name }
        guard found.isEmpty else { return found }
        let names = Array(Set(type.staticMembers.map { $0.name })).stablySorted()
        error("type '\(type.name)' has no member '\(name)'\(Suggestions.didYouMean(name, in: names, listing: "members"))")
        return nil
    }

    func call(_ callee: SetValueSyntax, _ given: [SetValueArgument], expected: ValueKind?) -> Evaluated? {
        let type: APITypeDescription, memberName: String, candidates: [APIMember]
        switch callee {
        case .name(let name):
            guard let found = catalog.type(named: name) else {
                if lookup(name) != nil {
                    error("cannot call value of non-function type '\(lookup(name)!.kind)'")
                } else {
                    let constructible = catalog.types.filter { !$0.initializers.isEmpty }.map { $0.name }
                    error("cannot find '\(name)' in scope\(Suggestions.didYouMean(name, in: constructible))")
                }
                return nil
            }
            guard !found.initializers.isEmpty else {
                error("'\(name)' cannot be constructed directly" + (found.isProtocol
                    ? "; use one of: " + catalog.conformers(of: found.name).map { "\($0)(...)" }.joined(separator: ", ")
                    : "; use one of its members, e.g. '.\(found.staticMembers.first?.name ?? "")'"))
                return nil
            }
            (type, memberName, candidates) = (found, "init", found.initializers)
        case .member(let base, let name):
            guard let found = baseType(base, member: name, expected: expected), let members = members(name, of: found) else { return nil }
            (type, memberName, candidates) = (found, name, members)
        default:
            error("only a type or a member of the lesson API can be called")
            return nil
        }
        let withArguments = candidates.filter { $0.arguments != nil }
        guard !withArguments.isEmpty else {
            error("'.\(memberName)' takes no arguments; write '.\(memberName)' without parentheses")
            return nil
        }
        let labels = given.map { $0.label }
        let member = withArguments.first { m in labels.allSatisfy { l in m.arguments!.contains { $0.label == l } } } ?? withArguments[0]
        let matched: [String: Int]
        switch ArgumentLabels.match(labels, to: member.arguments!, display: memberName == "init" ? type.name : "." + memberName) {
        case .success(let m): matched = m
        case .failure(let mismatch):
            error(mismatch.message)
            return nil
        }
        var arguments: [(APIArgument, Evaluated?, isDefault: Bool)] = []
        for argument in member.arguments! {
            if let i = matched[argument.name] {
                arguments.append((argument, evaluate(given[i].value, expected: argument.kind), false))
            } else if let source = argument.defaultSource {
                arguments.append((argument, defaultValue(source, argument), true))
            }
        }
        return rules.call(type, member, arguments: arguments, at: location)
    }

    /// A described default (`".none"`, `"[64]"`, `"MLP()"`), made like a typed value.
    private func defaultValue(_ source: String, _ argument: APIArgument) -> Evaluated? {
        guard case .success(let syntax) = SetValueParser.parse(source) else {
            error("the lesson API's default '\(source)' for '\(argument.name)' does not parse")
            return nil
        }
        return evaluate(syntax, expected: argument.kind)
    }
}
