import Experiments
import SwiftSyntax

/// Where a value goes, for Swift's wording of a mismatch.
enum ValueDestination {
    case argument, specified, element, dictionaryKey, dictionaryValue, operand

    var phrase: String {
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

/// Type checking the way Swift does it: literals take their type from the
/// context; named values keep theirs; API values convert to the protocols
/// they conform to.
extension ExpressionEvaluator {
    /// `value` as a value of type `expected`, or nil after a diagnostic.
    func convert(_ value: Evaluated, to expected: ValueKind, destination: ValueDestination,
                 in context: EvaluationContext) -> Evaluated? {
        if value.kind == expected && !value.isNil { return value }
        var out = value
        switch expected {
        case .optional(let wrapped):
            if value.isNil { out.kind = expected; return out }
            if case .optional = value.kind { break }
            guard var inner = convert(value, to: wrapped, destination: destination, in: context) else { return nil }
            inner.kind = expected
            return inner
        case .double where value.kind == .int && value.isLiteral:
            out.value = .double(Double(value.value.int ?? 0))
            out.kind = .double
            return out
        case .array(let element) where value.isLiteral:
            guard case .array = value.kind else { break }
            var items: [Evaluated] = []
            for e in value.elements {
                guard let c = convert(e, to: element, destination: .element, in: context) else { return nil }
                items.append(c)
            }
            out.elements = items
            out.value = .array(items.map(\.value))
            out.kind = expected
            return out
        case .dictionary(let k, let v) where value.isLiteral:
            guard case .dictionary(let pairs) = value.value, case .dictionary = value.kind else { break }
            // Dictionary literals keep their entries as elements: key, value, key, value, ...
            var items: [Evaluated] = []
            for (i, e) in value.elements.enumerated() {
                guard let c = convert(e, to: i % 2 == 0 ? k : v, destination: i % 2 == 0 ? .dictionaryKey : .dictionaryValue,
                                  in: context)
                else { return nil }
                items.append(c)
            }
            _ = pairs
            out.elements = items
            out.value = .dictionary(stride(from: 0, to: items.count - 1, by: 2).map { (items[$0].value, items[$0 + 1].value) })
            out.kind = expected
            return out
        case .api(let p):
            if case .api(let a) = value.kind, catalog.isAssignable(a, to: p) { return value }
            if value.isLiteral, let literal = catalog.type(named: p)?.literals.first(where: { Self.fits(value, $0.kind) }) {
                // `seeds: 5`: the literal is checked as its own kind, then becomes the API value.
                guard var inner = convert(value, to: literal.kind, destination: destination, in: context),
                      checkLimits(inner, literal.limits, name: p.prefix(1).lowercased() + p.dropFirst(), in: context) else { return nil }
                inner.value = .object(literal.build(inner.value))
                inner.kind = expected
                inner.isLiteral = false
                return inner
            }
        default:
            break
        }
        if value.isNil {
            context.error("'nil' is not compatible with \(destination.phrase) '\(expected)'", at: value.location)
        } else {
            context.error("cannot convert value of type '\(value.kind)' to \(destination.phrase) '\(expected)'", at: value.location)
        }
        return nil
    }

    /// True when a literal has the shape of `kind` (a number for `Int`, an array literal for `[T]`).
    static func fits(_ value: Evaluated, _ kind: ValueKind) -> Bool {
        switch (value.kind, kind) {
        case (.int, .int), (.int, .double), (.double, .double): return true
        case (.array, .array): return true
        default: return false
        }
    }

    /// Checks numeric bounds (of a number, or of each number in an array) and
    /// counts (of arrays, dictionaries and strings). Reports and returns false on a violation.
    @discardableResult
    func checkLimits(_ value: Evaluated, _ limits: Limits, name: String, in context: EvaluationContext) -> Bool {
        var ok = true
        let count: Int?
        switch value.value {
        case .array(let a): count = a.count
        case .dictionary(let d): count = d.count
        case .string(let s): count = s.count
        default: count = nil
        }
        if let count {
            let unit = value.kind == .string ? "characters" : (count == 1 ? "entry" : "entries")
            if let lo = limits.minCount, count < lo {
                context.error("\(name) needs at least \(lo) \(value.kind == .string ? "characters" : (lo == 1 ? "entry" : "entries")), got \(count)",
                              at: value.location)
                ok = false
            }
            if let hi = limits.maxCount, count > hi {
                context.error("\(name) has \(count) \(unit); at most \(hi) allowed", at: value.location)
                ok = false
            }
        }
        guard limits.min != nil || limits.max != nil else { return ok }
        let numbers: [Evaluated] = value.elements.isEmpty ? [value] : value.elements
        let what = value.elements.isEmpty ? name : "\(name) entries"
        for n in numbers {
            guard let x = n.value.double else { continue }
            let low = limits.min.map { limits.exclusiveMin ? x <= $0 : x < $0 } ?? false
            let high = limits.max.map { x > $0 } ?? false
            if low || high {
                context.error("\(what) must be \(limits.summaryOfValues), got \(Quantity.format(x))" + overrideNote(n.name == nil ? value : n),
                              at: n.location)
                ok = false
            }
        }
        return ok
    }
}

extension Limits {
    /// Bounds only (`0...1`, `> 0 and ≤ 1000000`), for messages.
    var summaryOfValues: String {
        Limits(min: min, max: max, exclusiveMin: exclusiveMin).summary
    }
}
