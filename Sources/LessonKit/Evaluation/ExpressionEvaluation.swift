import Experiments
import SwiftSyntax

/// Evaluation of the accepted expressions: literals, names bound earlier,
/// arrays, dictionaries, parentheses, arithmetic and calls of the API.
extension EvaluationSession {
    /// The value of `expr` as a value of `expected` (when given), or nil after a diagnostic.
    func evaluate(_ expr: ExprSyntax, expected: ValueKind?, context: ConversionContext = .argument) -> Evaluated? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Bounds.expressionDepth else {
            if depth == Bounds.expressionDepth + 1 {
                error("expression is nested too deeply (more than \(Bounds.expressionDepth) levels)", at: expr)
            }
            return nil
        }
        guard let value = evaluateUnconverted(expr, expected: expected) else { return nil }
        guard let expected else {
            if value.isNil {
                error("'nil' requires a contextual type", at: expr)
                return nil
            }
            return value
        }
        return convert(value, to: expected, context: context)
    }

    private func evaluateUnconverted(_ expr: ExprSyntax, expected: ValueKind?) -> Evaluated? {
        let location = source.location(of: expr)
        if let lit = expr.as(IntegerLiteralExprSyntax.self) {
            return integer(lit.literal.text, at: lit)
        }
        if let lit = expr.as(FloatLiteralExprSyntax.self) {
            let text = lit.literal.text.replacingOccurrences(of: "_", with: "")
            guard let v = Double(text), v.isFinite else {
                error("floating-point literal '\(lit.literal.text)' is out of range", at: lit)
                return nil
            }
            return Evaluated(value: .double(v), kind: .double, location: location, isLiteral: true)
        }
        if let lit = expr.as(BooleanLiteralExprSyntax.self) {
            return Evaluated(value: .bool(lit.literal.tokenKind == .keyword(.true)), kind: .bool, location: location)
        }
        if let lit = expr.as(StringLiteralExprSyntax.self) {
            if let segment = lit.segments.first(where: { $0.is(ExpressionSegmentSyntax.self) }) {
                error("string interpolation is not supported in lessons", at: segment)
                return nil
            }
            guard let text = lit.representedLiteralValue else {
                error("this string literal is not supported", at: lit)
                return nil
            }
            guard text.count <= Bounds.stringCharacters else {
                error("string literal is too long (\(text.count) characters; at most \(Bounds.stringCharacters))", at: lit)
                return nil
            }
            return Evaluated(value: .string(text), kind: .string, location: location)
        }
        if expr.is(NilLiteralExprSyntax.self) {
            return Evaluated(value: .none, kind: .optional(.int), location: location, isNil: true)
        }
        if let array = expr.as(ArrayExprSyntax.self) { return evaluateArray(array, expected: expected) }
        if let dict = expr.as(DictionaryExprSyntax.self) { return evaluateDictionary(dict, expected: expected) }
        if let ref = expr.as(DeclReferenceExprSyntax.self) { return evaluateName(ref) }
        if let call = expr.as(FunctionCallExprSyntax.self) { return evaluateCall(call, expected: expected) }
        if let member = expr.as(MemberAccessExprSyntax.self) { return evaluateMember(member, expected: expected) }
        if let sequence = expr.as(SequenceExprSyntax.self) {
            do {
                return evaluateOperators(try OperatorTree.fold(sequence), expected: expected)
            } catch OperatorTree.FoldError.nonAssociative(let op) {
                error("adjacent operators are in non-associative precedence group 'ComparisonPrecedence'", at: op)
            } catch OperatorTree.FoldError.unsupported(let element) {
                if let op = element.as(BinaryOperatorExprSyntax.self) {
                    error("operator '\(op.operator.text)' is not supported in lessons", at: op)
                } else {
                    unsupported(element)
                }
            } catch {}
            return nil
        }
        if let prefix = expr.as(PrefixOperatorExprSyntax.self) { return evaluatePrefix(prefix, expected: expected) }
        if let tuple = expr.as(TupleExprSyntax.self) {
            if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
                return evaluateUnconverted(only.expression, expected: expected)
            }
            unsupported(tuple)
            return nil
        }
        if let sub = expr.as(SubscriptCallExprSyntax.self),
           sub.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "results" {
            error("'results' can only be used inside expect(...) in a 'swift expect' block", at: sub)
            return nil
        }
        unsupported(expr)
        return nil
    }

    /// Decimal, hexadecimal (`0x`), octal (`0o`) and binary (`0b`) literals with `_` separators.
    private func integer(_ raw: String, at node: IntegerLiteralExprSyntax) -> Evaluated? {
        var text = raw.replacingOccurrences(of: "_", with: "")
        var radix = 10
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            text.removeFirst(2)
            radix = r
        }
        guard let v = Int(text, radix: radix) else {
            error("integer literal '\(raw)' overflows when stored into 'Int'", at: node)
            return nil
        }
        return Evaluated(value: .int(v), kind: .int, location: source.location(of: node), isLiteral: true)
    }

    func evaluateName(_ ref: DeclReferenceExprSyntax) -> Evaluated? {
        let name = ref.baseName.text
        if ref.argumentNames != nil {
            unsupported(ref)
            return nil
        }
        if var binding = scope[name]?.value {
            binding.location = source.location(of: ref)
            binding.isLiteral = false
            binding.name = name
            return binding
        }
        if poisoned.contains(name) { return nil }
        if name == "results" || name == "expect" {
            error("'\(name)' can only be used in a 'swift expect' block", at: ref)
        } else if catalog.type(named: name) != nil {
            error("type '\(name)' cannot be used as a value; call it, e.g. '\(name)(...)'", at: ref)
        } else {
            let candidates = Array(scope.keys) + catalog.types.map(\.name)
            error("cannot find '\(name)' in scope\(Suggestions.didYouMean(name, in: candidates.sorted()))", at: ref)
        }
        return nil
    }

    private func evaluateArray(_ array: ArrayExprSyntax, expected: ValueKind?) -> Evaluated? {
        let location = source.location(of: array)
        guard array.elements.count <= Bounds.arrayElements else {
            error("array literal has \(array.elements.count) elements; at most \(Bounds.arrayElements)", at: array)
            return nil
        }
        var elementKind: ValueKind?
        switch expected {
        case .array(let e)?, .optional(.array(let e))?: elementKind = e
        default: elementKind = nil
        }
        var items: [Evaluated] = []
        var failed = false
        for element in array.elements {
            if let v = evaluate(element.expression, expected: elementKind, context: .element) {
                items.append(v)
            } else {
                failed = true
            }
        }
        if failed { return nil }
        guard let kind = elementKind ?? unifiedKind(items, at: array) else { return nil }
        if elementKind == nil {
            var converted: [Evaluated] = []
            for item in items {
                guard let c = convert(item, to: kind, context: .element) else { return nil }
                converted.append(c)
            }
            items = converted
        }
        return Evaluated(value: .array(items.map(\.value)), kind: .array(kind), location: location, isLiteral: true,
                         elements: items)
    }

    /// The element type Swift infers for a collection literal without context.
    private func unifiedKind(_ items: [Evaluated], at node: some SyntaxProtocol) -> ValueKind? {
        guard let first = items.first else {
            error("empty collection literal requires an explicit type", at: node)
            return nil
        }
        if items.allSatisfy({ $0.kind == first.kind }) { return first.kind }
        if items.allSatisfy({ $0.kind == .double || ($0.kind == .int && $0.isLiteral) }) { return .double }
        if case .api = first.kind, let common = commonProtocol(items.map(\.kind)) { return common }
        error("heterogeneous collection literal could only be inferred to '[Any]'; use elements of one type", at: node)
        return nil
    }

    private func commonProtocol(_ kinds: [ValueKind]) -> ValueKind? {
        let names = kinds.compactMap { k -> String? in if case .api(let n) = k { return n }; return nil }
        guard names.count == kinds.count, let first = names.first,
              let candidates = catalog.type(named: first)?.conformsTo else { return nil }
        return candidates.first { p in names.allSatisfy { catalog.isAssignable($0, to: p) } }.map { .api($0) }
    }

    private func evaluateDictionary(_ dict: DictionaryExprSyntax, expected: ValueKind?) -> Evaluated? {
        let location = source.location(of: dict)
        var keyKind: ValueKind?, valueKind: ValueKind?
        switch expected {
        case .dictionary(let k, let v)?, .optional(.dictionary(let k, let v))?: (keyKind, valueKind) = (k, v)
        default: break
        }
        guard case .elements(let list) = dict.content else {
            guard let keyKind, let valueKind else {
                error("empty collection literal requires an explicit type", at: dict)
                return nil
            }
            return Evaluated(value: .dictionary([]), kind: .dictionary(keyKind, valueKind), location: location, isLiteral: true)
        }
        guard list.count <= Bounds.arrayElements else {
            error("dictionary literal has \(list.count) entries; at most \(Bounds.arrayElements)", at: dict)
            return nil
        }
        var keys: [Evaluated] = [], values: [Evaluated] = []
        var failed = false
        for element in list {
            let k = evaluate(element.key, expected: keyKind, context: .dictionaryKey)
            let v = evaluate(element.value, expected: valueKind, context: .dictionaryValue)
            if let k, let v { keys.append(k); values.append(v) } else { failed = true }
        }
        if failed { return nil }
        guard let kk = keyKind ?? unifiedKind(keys, at: dict), let vk = valueKind ?? unifiedKind(values, at: dict) else {
            return nil
        }
        guard kk == .string || kk == .int else {
            error("dictionary keys must be strings or integers", at: dict)
            return nil
        }
        var convertedKeys: [Evaluated] = [], convertedValues: [Evaluated] = []
        for (k, v) in zip(keys, values) {
            guard let ck = convert(k, to: kk, context: .dictionaryKey),
                  let cv = convert(v, to: vk, context: .dictionaryValue) else { return nil }
            convertedKeys.append(ck)
            convertedValues.append(cv)
        }
        var seen: Set<String> = []
        for k in convertedKeys where !seen.insert("\(k.value)").inserted {
            error("dictionary literal has a duplicate key", at: k.location)
            return nil
        }
        var elements: [Evaluated] = []
        for (k, v) in zip(convertedKeys, convertedValues) { elements.append(k); elements.append(v) }
        let value = APIValue.dictionary(zip(convertedKeys, convertedValues).map { ($0.value, $1.value) })
        let out = Evaluated(value: value, kind: .dictionary(kk, vk), location: location, isLiteral: true, elements: elements)
        return out
    }
}
