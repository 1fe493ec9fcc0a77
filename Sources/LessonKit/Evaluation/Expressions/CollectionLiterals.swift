import Experiments
import SwiftSyntax

/// Array and dictionary literals: elements take the contextual element type,
/// or, without one, the type Swift would infer for them.
extension ExpressionEvaluator {
    func evaluateArray(_ array: ArrayExprSyntax, expected: ValueKind?, in context: EvaluationContext) -> Evaluated? {
        let location = context.location(of: array)
        guard array.elements.count <= EvaluationBounds.arrayElements else {
            context.error("array literal has \(array.elements.count) elements; at most \(EvaluationBounds.arrayElements)", at: array)
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
            if let v = evaluate(element.expression, expected: elementKind, destination: .element, in: context) {
                items.append(v)
            } else {
                failed = true
            }
        }
        if failed { return nil }
        guard let kind = elementKind ?? unifiedKind(items, at: array, in: context) else { return nil }
        if elementKind == nil {
            var converted: [Evaluated] = []
            for item in items {
                guard let c = convert(item, to: kind, destination: .element, in: context) else { return nil }
                converted.append(c)
            }
            items = converted
        }
        return Evaluated(value: .array(items.map(\.value)), kind: .array(kind), location: location, isLiteral: true,
                         elements: items, plan: PlanNode(.array(items.map(\.plan)), kind: .array(kind), location: location))
    }

    /// The element type Swift infers for a collection literal without context.
    private func unifiedKind(_ items: [Evaluated], at node: some SyntaxProtocol, in context: EvaluationContext) -> ValueKind? {
        rules(context).unifiedKind(items, at: context.location(of: node))
    }

    func evaluateDictionary(_ dict: DictionaryExprSyntax, expected: ValueKind?, in context: EvaluationContext) -> Evaluated? {
        let location = context.location(of: dict)
        var keyKind: ValueKind?, valueKind: ValueKind?
        switch expected {
        case .dictionary(let k, let v)?, .optional(.dictionary(let k, let v))?: (keyKind, valueKind) = (k, v)
        default: break
        }
        guard case .elements(let list) = dict.content else {
            guard let keyKind, let valueKind else {
                context.error("empty collection literal requires an explicit type", at: dict)
                return nil
            }
            return Evaluated(value: .dictionary([]), kind: .dictionary(keyKind, valueKind), location: location, isLiteral: true,
                             plan: PlanNode(.dictionary([]), kind: .dictionary(keyKind, valueKind), location: location))
        }
        guard list.count <= EvaluationBounds.arrayElements else {
            context.error("dictionary literal has \(list.count) entries; at most \(EvaluationBounds.arrayElements)", at: dict)
            return nil
        }
        var keys: [Evaluated] = [], values: [Evaluated] = []
        var failed = false
        for element in list {
            let k = evaluate(element.key, expected: keyKind, destination: .dictionaryKey, in: context)
            let v = evaluate(element.value, expected: valueKind, destination: .dictionaryValue, in: context)
            if let k, let v { keys.append(k); values.append(v) } else { failed = true }
        }
        if failed { return nil }
        guard let kk = keyKind ?? unifiedKind(keys, at: dict, in: context), let vk = valueKind ?? unifiedKind(values, at: dict, in: context) else {
            return nil
        }
        guard kk == .string || kk == .int else {
            context.error("dictionary keys must be strings or integers", at: dict)
            return nil
        }
        var convertedKeys: [Evaluated] = [], convertedValues: [Evaluated] = []
        for (k, v) in zip(keys, values) {
            guard let ck = convert(k, to: kk, destination: .dictionaryKey, in: context),
                  let cv = convert(v, to: vk, destination: .dictionaryValue, in: context) else { return nil }
            convertedKeys.append(ck)
            convertedValues.append(cv)
        }
        var seen: Set<String> = []
        for k in convertedKeys where !seen.insert("\(k.value)").inserted {
            context.error("dictionary literal has a duplicate key", at: k.location)
            return nil
        }
        var elements: [Evaluated] = []
        for (k, v) in zip(convertedKeys, convertedValues) { elements.append(k); elements.append(v) }
        let value = APIValue.dictionary(zip(convertedKeys, convertedValues).map { ($0.value, $1.value) })
        return Evaluated(value: value, kind: .dictionary(kk, vk), location: location, isLiteral: true, elements: elements,
                         plan: PlanNode(.dictionary(elements.map(\.plan)), kind: .dictionary(kk, vk), location: location))
    }
}
