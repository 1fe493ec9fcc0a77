import Experiments

/// Where a value goes, for Swift's wording of a mismatch.
package enum ValueDestination {
    case argument, specified, element, dictionaryKey, dictionaryValue, operand

    package var phrase: String {
        switch self {
        case .argument: return "expected argument type"
        case .specified: return "specified type"
        case .element: return "expected element type"
        case .dictionaryKey: return "expected dictionary key type"
        case .dictionaryValue: return "expected dictionary value type"
        case .operand: return "expected type"
        }
    }
}

/// Type checking the way Swift does it, for the evaluator (from syntax) and for
/// a typed parameter value (`SetValueEvaluation`) alike: literals take their type
/// from the context; named values keep theirs; API values convert to the
/// protocols they conform to; collection literals without context get the
/// element type Swift infers.
extension ValueRules {
    /// `value` as a value of type `expected`, or nil after a diagnostic.
    package func convert(_ value: Evaluated, to expected: ValueKind, destination: ValueDestination) -> Evaluated? {
        if value.kind == expected && !value.isNil { return value }
        var out = value
        switch expected {
        case .optional(let wrapped):
            if value.isNil { out.kind = expected; return out }
            if case .optional = value.kind { break }
            guard var inner = convert(value, to: wrapped, destination: destination) else { return nil }
            inner.kind = expected
            return inner
        case .double where value.kind == .int && value.isLiteral:
            out.value = .double(Double(value.value.int ?? 0))
            out.plan.expression = .double(Double(value.value.int ?? 0))
            out.kind = .double
            return out
        case .array(let element) where value.isLiteral:
            guard case .array = value.kind else { break }
            var items: [Evaluated] = []
            for e in value.elements {
                guard let c = convert(e, to: element, destination: .element) else { return nil }
                items.append(c)
            }
            out.elements = items
            out.value = .array(items.map { $0.value })
            out.plan.expression = .array(items.map { $0.plan })
            out.kind = expected
            return out
        case .dictionary(let k, let v) where value.isLiteral:
            guard case .dictionary(let pairs) = value.value, case .dictionary = value.kind else { break }
            // Dictionary literals keep their entries as elements: key, value, key, value, ...
            var items: [Evaluated] = []
            for (i, e) in value.elements.enumerated() {
                guard let c = convert(e, to: i % 2 == 0 ? k : v, destination: i % 2 == 0 ? .dictionaryKey : .dictionaryValue)
                else { return nil }
                items.append(c)
            }
            _ = pairs
            out.elements = items
            out.value = .dictionary(stride(from: 0, to: items.count - 1, by: 2).map { (items[$0].value, items[$0 + 1].value) })
            out.plan.expression = .dictionary(items.map { $0.plan })
            out.kind = expected
            return out
        case .api(let p):
            if case .api(let a) = value.kind, catalog.isAssignable(a, to: p) { return value }
            if value.isLiteral, let literal = catalog.type(named: p)?.literals.first(where: { Self.fits(value, $0.kind) }) {
                // `seeds: 5`: the literal is checked as its own kind, then becomes the API value.
                guard let inner = convert(value, to: literal.kind, destination: destination) else { return nil }
                return self.literal(inner, as: literal, of: p, kind: expected)
            }
        default:
            break
        }
        if value.isNil {
            reporter.error("'nil' is not compatible with \(destination.phrase) '\(expected)'", at: value.location)
        } else {
            reporter.error("cannot convert value of type '\(value.kind)' to \(destination.phrase) '\(expected)'", at: value.location)
        }
        return nil
    }

    /// True when a literal has the shape of `kind` (a number for `Int`, an array literal for `[T]`).
    package static func fits(_ value: Evaluated, _ kind: ValueKind) -> Bool {
        switch (value.kind, kind) {
        case (.int, .int), (.int, .double), (.double, .double): return true
        case (.array, .array): return true
        default: return false
        }
    }


    /// The element type Swift infers for a collection literal without context (`at`: the literal).
    package func unifiedKind(_ items: [Evaluated], at location: SourceLocation) -> ValueKind? {
        guard let first = items.first else {
            reporter.error("empty collection literal requires an explicit type", at: location)
            return nil
        }
        if items.allSatisfy({ $0.kind == first.kind }) { return first.kind }
        if items.allSatisfy({ $0.kind == .double || ($0.kind == .int && $0.isLiteral) }) { return .double }
        if case .api = first.kind, let common = commonProtocol(items.map { $0.kind }) { return common }
        reporter.error("heterogeneous collection literal could only be inferred to '[Any]'; use elements of one type", at: location)
        return nil
    }

    private func commonProtocol(_ kinds: [ValueKind]) -> ValueKind? {
        let names = kinds.compactMap { k -> String? in if case .api(let n) = k { return n }; return nil }
        guard names.count == kinds.count, let first = names.first,
              let candidates = catalog.type(named: first)?.conformsTo else { return nil }
        return candidates.first { p in names.allSatisfy { catalog.isAssignable($0, to: p) } }.map { .api($0) }
    }
}
