import Claims
import Experiments
import PortableText

/// Where a value's problems go: the lesson's diagnostics, with the prefix of a
/// `--set` value being read (`--set epochs=2.5: `), and the `--set` sources that
/// explain a bad value read from an overridden parameter.
package struct ValueReporter {
    package let diagnostics: Diagnostics
    package var messagePrefix: String
    /// `--set` values by parameter name, as given.
    package let overrides: [String: String]

    package init(diagnostics: Diagnostics, messagePrefix: String, overrides: [String: String]) {
        self.diagnostics = diagnostics
        self.messagePrefix = messagePrefix
        self.overrides = overrides
    }

    package func error(_ message: String, at location: SourceLocation?) {
        diagnostics.error(messagePrefix + message, at: location)
    }

    /// For a value read from a parameter that `--set` overrode, where it came
    /// from: the error points at the use in the lesson, but the value is not
    /// the one written there.
    package func overrideNote(_ value: Evaluated?) -> String {
        guard let name = value?.name, let given = overrides[name] else { return "" }
        return " (\(name) is set by --set \(name)=\(given))"
    }
}

/// What a value is, once its parts are known: limits, arithmetic, interpolation,
/// calls of the API and literals that become API values. The evaluator (from
/// syntax) and the resolver (from a plan) both go through these, so a value
/// checks and builds the same way, with the same messages, on both paths.
package struct ValueRules {
    package let catalog: APICatalog
    package let reporter: ValueReporter

    package init(catalog: APICatalog, reporter: ValueReporter) {
        self.catalog = catalog
        self.reporter = reporter
    }

    /// Checks numeric bounds (of a number, or of each number in an array) and
    /// counts (of arrays, dictionaries and strings). Reports and returns false on a violation.
    @discardableResult
    package func checkLimits(_ value: Evaluated, _ limits: Limits, name: String) -> Bool {
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
                reporter.error("\(name) needs at least \(lo) \(value.kind == .string ? "characters" : (lo == 1 ? "entry" : "entries")), got \(count)",
                               at: value.location)
                ok = false
            }
            if let hi = limits.maxCount, count > hi {
                reporter.error("\(name) has \(count) \(unit); at most \(hi) allowed", at: value.location)
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
                reporter.error("\(what) must be \(limits.summaryOfValues), got \(Quantity.format(x))"
                               + reporter.overrideNote(n.name == nil ? value : n), at: n.location)
                ok = false
            }
        }
        return ok
    }

    /// A call of `member` of `type` with its arguments in description order
    /// (nil: the argument did not evaluate; `isDefault`: the description's default
    /// stands): each checked against its limits, then the member's own checks,
    /// then the value built.
    package func call(_ type: APITypeDescription, _ member: APIMember, arguments: [(APIArgument, Evaluated?, isDefault: Bool)],
              at location: SourceLocation) -> Evaluated? {
        var values: [String: APIValue] = [:]
        var children: [String: Evaluated] = [:]
        var planned: [PlanArgument] = []
        var failed = false
        for (argument, value, isDefault) in arguments {
            guard let value else { failed = true; continue }
            // Defaults keep their limits by construction; a plan read from elsewhere is checked whole.
            if !checkLimits(value, argument.limits, name: argument.label ?? argument.name) { failed = true }
            values[argument.name] = value.value
            children[argument.name] = value
            planned.append(PlanArgument(name: argument.name, value: value.plan, isDefault: isDefault))
        }
        if failed { return nil }
        let node = PlanNode(.call(type: type.name, signature: member.signature(typeName: type.name), arguments: planned),
                            kind: .api(type.name), location: location)
        var result = Evaluated(value: .none, kind: .api(type.name), location: location, children: children, plan: node)
        let checked = APIArguments(values)
        let issues = member.check(checked)
        for issue in issues {
            reporter.error(issue.message + reporter.overrideNote(result.value(at: issue.path[...])),
                           at: result.location(at: issue.path[...]))
        }
        guard issues.isEmpty else { return nil }
        result.value = .object(member.build(checked))
        return result
    }

    /// `.sigmoid`, `.balanced`: a member written without parentheses.
    package func plainMember(_ type: APITypeDescription, _ member: APIMember, at location: SourceLocation) -> Evaluated {
        let node = PlanNode(.call(type: type.name, signature: member.signature(typeName: type.name), arguments: nil),
                            kind: .api(type.name), location: location)
        return Evaluated(value: .object(member.build(APIArguments([:]))), kind: .api(type.name), location: location, plan: node)
    }

    /// `seeds: 5`: a literal, already of the literal form's own kind, checked
    /// against its limits and made the API value of `type`.
    package func literal(_ inner: Evaluated, as literal: APILiteral, of type: String, kind: ValueKind) -> Evaluated? {
        guard checkLimits(inner, literal.limits, name: type.prefix(1).asciiLowercased + type.dropFirst()) else { return nil }
        var out = inner
        out.plan = PlanNode(.literal(type: type, inner.plan), kind: kind, location: inner.location)
        out.value = .object(literal.build(inner.value))
        out.kind = kind
        out.isLiteral = false
        return out
    }
}

extension Limits {
    /// Bounds only (`0...1`, `> 0 and ≤ 1000000`), for messages.
    package var summaryOfValues: String {
        Limits(min: min, max: max, exclusiveMin: exclusiveMin).summary
    }
}
