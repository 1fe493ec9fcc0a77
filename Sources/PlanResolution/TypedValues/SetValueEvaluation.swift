import Experiments
import PortableSort

/// A parameter value typed by a student (`--set`, the browser panel), parsed by
/// `SetValueParser` and made the value the evaluator would make of the same
/// source: the same conversions, calls with their described defaults, and
/// checks (`ValueRules`), with the evaluator's messages. Every location is the
/// parameter's declaration and every message starts `--set name=value: `, as a
/// typed value has no place of its own in the lesson.
package struct SetValueEvaluation {
    let rules: ValueRules
    /// The parameter's declaration: where every node and every error is.
    let location: SourceLocation
    /// Names a value may read (earlier parameters), as the evaluator's scope has them; nil when unknown.
    var lookup: (String) -> Evaluated? = { _ in nil }
    /// Names suggested for an unknown name.
    var names: [String] = []

    var catalog: APICatalog { rules.catalog }

    /// The value `text` gives parameter `name` (of `kind`), or nil after a diagnostic.
    package static func value(_ text: String, of name: String, kind: ValueKind, at location: SourceLocation, catalog: APICatalog,
                      diagnostics: Diagnostics, overrides: [String: String], names: [String] = [],
                      lookup: @escaping (String) -> Evaluated? = { _ in nil }) -> Evaluated? {
        let reporter = ValueReporter(diagnostics: diagnostics, messagePrefix: ParameterSetting.messagePrefix(name, text), overrides: overrides)
        let evaluation = SetValueEvaluation(rules: ValueRules(catalog: catalog, reporter: reporter), location: location,
                                            lookup: lookup, names: names)
        guard text.utf8.count <= EvaluationBounds.blockBytes else {
            evaluation.error("value is too long (\(text.utf8.count) bytes; at most \(EvaluationBounds.blockBytes))")
            return nil
        }
        switch SetValueParser.parse(text) {
        case .failure(let problem):
            evaluation.error(problem.message)
            return nil
        case .success(let syntax):
            if let callee = firstCall(in: syntax) {
                evaluation.error(SetValueParser.callMessage(callee))
                return nil
            }
            return evaluation.evaluate(syntax, expected: kind, destination: .specified)
        }
    }

    /// The callee of the first call in `syntax` that is not an implicit member (`.name(...)`), in source order.
    static func firstCall(in syntax: SetValueSyntax) -> String? {
        switch syntax {
        case .call(let callee, let arguments):
            return SetValueParser.typeCallee(callee) ?? arguments.lazy.compactMap { firstCall(in: $0.value) }.first
        case .array(let items), .dictionary(let items): return items.lazy.compactMap { firstCall(in: $0) }.first
        case .binary(_, let l, let r): return firstCall(in: l) ?? firstCall(in: r)
        case .prefix(_, let x): return firstCall(in: x)
        default: return nil
        }
    }

    func error(_ message: String) { rules.reporter.error(message, at: location) }

    /// The value of `syntax` as a value of `expected` (when given), or nil after a diagnostic.
    func evaluate(_ syntax: SetValueSyntax, expected: ValueKind?, destination: ValueDestination = .argument) -> Evaluated? {
        guard let value = unconverted(syntax, expected: expected) else { return nil }
        guard let expected else {
            if value.isNil {
                error("'nil' requires a contextual type")
                return nil
            }
            return value
        }
        return rules.convert(value, to: expected, destination: destination)
    }

    private func unconverted(_ syntax: SetValueSyntax, expected: ValueKind?) -> Evaluated? {
        switch syntax {
        case .integer(let raw): return integer(raw)
        case .float(let raw):
            guard let v = Double(String(raw.filter { $0 != "_" })), v.isFinite else {
                error("floating-point literal '\(raw)' is out of range")
                return nil
            }
            return Evaluated(value: .double(v), kind: .double, location: location, isLiteral: true)
        case .string(let text):
            guard text.count <= EvaluationBounds.stringCharacters else {
                error("string literal is too long (\(text.count) characters; at most \(EvaluationBounds.stringCharacters))")
                return nil
            }
            return Evaluated(value: .string(text), kind: .string, location: location)
        case .bool(let b): return Evaluated(value: .bool(b), kind: .bool, location: location)
        case .nilLiteral: return Evaluated(value: .none, kind: .optional(.int), location: location, isNil: true)
        case .name(let name): return read(name)
        case .array(let items): return array(items, expected: expected)
        case .dictionary(let items): return dictionary(items, expected: expected)
        case .binary(let op, let l, let r):
            let hint = ["+", "-", "*", "/", "%"].contains(op) && expected?.isNumeric == true ? expected : nil
            guard let lhs = operand(l, hint: hint), let rhs = operand(r, hint: hint) else { return nil }
            return rules.binary(op, lhs, rhs, operatorAt: location)
        case .prefix(let op, let x):
            guard let v = evaluate(x, expected: op == "!" ? nil : (expected?.isNumeric == true ? expected : nil),
                                   destination: .operand) else { return nil }
            return rules.prefix(op, v, at: location)
        case .member(let base, let name):
            guard let type = baseType(base, member: name, expected: expected), let candidates = members(name, of: type) else { return nil }
            guard let plain = candidates.first(where: { $0.arguments == nil }) else {
                error("'.\(name)' needs an argument list: write '.\(name)(...)'")
                return nil
            }
            return rules.plainMember(type, plain, at: location)
        case .call(let callee, let arguments): return call(callee, arguments, expected: expected)
        }
    }

    /// An operand of an operator: a nested operation keeps its hint, anything else is evaluated as an operand.
    private func operand(_ syntax: SetValueSyntax, hint: ValueKind?) -> Evaluated? {
        if case .binary = syntax { return unconverted(syntax, expected: hint) }
        return evaluate(syntax, expected: hint?.isNumeric == true ? hint : nil, destination: .operand)
    }

    /// Decimal, hexadecimal (`0x`), octal (`0o`) and binary (`0b`) literals with `_` separators.
    private func integer(_ raw: String) -> Evaluated? {
        var text = Substring(raw.filter { $0 != "_" })
        var radix = 10
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            text = text.dropFirst(2)
            radix = r
        }
        guard let v = Int(text, radix: radix) else {
            error("integer literal '\(raw)' overflows when stored into 'Int'")
            return nil
        }
        return Evaluated(value: .int(v), kind: .int, location: location, isLiteral: true)
    }

    func read(_ name: String) -> Evaluated? {
        if var bound = lookup(name) {
            bound.location = location
            bound.isLiteral = false
            bound.name = name
            return bound
        }
        if ClaimWords.isReserved(name) {
            error("'\(name)' can only be used in a 'swift expect' block")
        } else if catalog.type(named: name) != nil {
            error("type '\(name)' cannot be used as a value; call it, e.g. '\(name)(...)'")
        } else {
            let candidates = names + catalog.types.map { $0.name }
            error("cannot find '\(name)' in scope\(Suggestions.didYouMean(name, in: candidates.stablySorted()))")
        }
        return nil
    }
}
