import Claims
import Experiments
import PortableSort

/// A value given to a parameter: the expression (a constant, or an API value such
/// as `.balanced(scale: 0.5)`) and its source as the student typed it, which
/// messages quote (`--set epochs=0`).
public struct ParameterSetting: Sendable, Equatable {
    public var value: PlanNode
    public var source: String

    public init(value: PlanNode, source: String) {
        self.value = value
        self.source = source
    }

    /// `--set name=value: `, the start of a message about the value `source` given to `name`
    /// (a long value is quoted by its start: the message names it, the value is in the command).
    package static func messagePrefix(_ name: String, _ source: String) -> String {
        let shown = source.count > 80 ? source.prefix(80) + "…" : Substring(source)
        return "--set \(name)=\(shown): "
    }
}

/// The one way from a plan and parameter values to the runs to train: `lessons
/// run`, `--set`, sweeps, `export` and the preview all resolve the lesson's plan
/// here. A bad value gets the evaluator's own located diagnostic (ranges, types,
/// did-you-mean), since both check values through `ValueRules`.
public enum PlanResolver {
    /// The plan with `settings` (parameter name → value) in place of the declared
    /// values, or every problem found, sorted by location. `expectations`: the
    /// lesson's claims, compiled by the evaluator, resolved with the same values.
    public static func resolve(_ plan: LessonPlan, settings: [String: ParameterSetting] = [:], expectations: [Expectation] = [],
                               path: String,
                               catalog: APICatalog = .standard) -> Result<ResolvedLesson, DiagnosticList> {
        let diagnostics = Diagnostics(path: path)
        for name in settings.keys.stablySorted() where !plan.parameters.contains(where: { $0.name == name }) {
            let declared = plan.parameters.map { $0.name }
            let list = declared.isEmpty ? "the lesson has no parameters" : "parameters: " + declared.joined(separator: ", ")
            diagnostics.error("--set \(name): the lesson has no parameter '\(name)'\(Suggestions.didYouMean(name, in: declared)) (\(list))",
                              at: nil)
        }
        let resolution = ResolutionPass(plan: plan, settings: settings, catalog: catalog, diagnostics: diagnostics)
        let comparisons = resolution.comparisons()
        var sweeps: [ResolvedSweep] = []
        if diagnostics.isEmpty {
            sweeps = plan.sweeps.compactMap { resolution.sweep($0, path: path, reportingTo: diagnostics) }
        }
        let claims = expectations.compactMap { e in e.resolved { resolution.resolve($0)?.value.double } }
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics.all)) }
        let parameters = plan.parameters.map { p -> PlanParameter in
            var p = p
            if let given = settings[p.name] {
                p.value = given.source.trimmingSpaces
                p.overridden = true
            } else {
                p.value = p.declaredValue
                p.overridden = false
            }
            return p
        }
        let datasets = plan.bindings.compactMap { b -> ResolvedDataset? in
            guard let spec = resolution.bound(b.name)?.value.object?.dataset else { return nil }
            return ResolvedDataset(name: b.name, spec: spec, blockIndex: b.blockIndex, location: b.location)
        }
        return .success(ResolvedLesson(plan: plan, parameters: parameters, datasets: datasets, comparisons: comparisons,
                                       sweeps: sweeps, expectations: claims))
    }
}

/// One resolution of a plan: its parameters, then its bindings, resolved once
/// each in order (a failed one is left out, so its uses add no errors), then any
/// node against them.
package final class ResolutionPass {
    package let plan: LessonPlan
    package let settings: [String: ParameterSetting]
    package let catalog: APICatalog
    package let diagnostics: Diagnostics
    private var parameters: [String: Evaluated] = [:]
    private var bindings: [String: Evaluated] = [:]

    package init(plan: LessonPlan, settings: [String: ParameterSetting], catalog: APICatalog, diagnostics: Diagnostics) {
        self.plan = plan
        self.settings = settings
        self.catalog = catalog
        self.diagnostics = diagnostics
        for p in plan.parameters {
            var prefix = ""
            var node = p.declared
            if let given = settings[p.name] {
                prefix = ParameterSetting.messagePrefix(p.name, given.source)
                node = given.value
            }
            guard var value = resolve(node, rules: rules(prefix: prefix)) else { continue }
            value.name = p.name
            parameters[p.name] = value
        }
        for b in plan.bindings {
            guard var value = resolve(b.node) else { continue }
            value.name = b.name
            bindings[b.name] = value
        }
    }

    package func rules(prefix: String = "") -> ValueRules {
        ValueRules(catalog: catalog, reporter: ValueReporter(diagnostics: diagnostics, messagePrefix: prefix,
                                                             overrides: settings.mapValues { $0.source }))
    }

    /// The value of an experiment block's `let`, if it resolved.
    package func bound(_ name: String) -> Evaluated? { bindings[name] }

    /// The value of `node`, or nil after a diagnostic.
    package func resolve(_ node: PlanNode, rules given: ValueRules? = nil) -> Evaluated? {
        let rules = given ?? self.rules()
        var out: Evaluated?
        switch node.expression {
        case .int(let v): out = Evaluated(value: .int(v), kind: .int, location: node.location, isLiteral: node.isLiteral)
        case .double(let v): out = Evaluated(value: .double(v), kind: .double, location: node.location, isLiteral: node.isLiteral)
        case .string(let v): out = Evaluated(value: .string(v), kind: .string, location: node.location, isLiteral: node.isLiteral)
        case .bool(let v): out = Evaluated(value: .bool(v), kind: .bool, location: node.location, isLiteral: node.isLiteral)
        case .none: out = Evaluated(value: .none, kind: node.kind, location: node.location, isLiteral: node.isLiteral, isNil: true)
        case .parameter(let name), .named(let name):
            let isParameter: Bool
            if case .parameter = node.expression { isParameter = true } else { isParameter = false }
            guard var v = (isParameter ? parameters : bindings)[name] else { return nil }
            v.plan = node
            v.location = node.location
            v.isLiteral = false
            out = v
        case .binary(let op, let at, let l, let r):
            let a = resolve(l, rules: rules), b = resolve(r, rules: rules)
            guard let a, let b else { return nil }
            out = rules.binary(op, a, b, operatorAt: at)
        case .prefix(let op, let x):
            guard let v = resolve(x, rules: rules) else { return nil }
            out = rules.prefix(op, v, at: node.location)
        case .array(let items), .dictionary(let items):
            let values = items.map { resolve($0, rules: rules) }
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            let elements = values.map { $0! }
            let value: APIValue
            if case .array = node.expression {
                value = .array(elements.map { $0.value })
            } else {
                value = .dictionary(stride(from: 0, to: elements.count - 1, by: 2).map { (elements[$0].value, elements[$0 + 1].value) })
            }
            out = Evaluated(value: value, kind: node.kind, location: node.location, isLiteral: node.isLiteral, elements: elements,
                            plan: node)
        case .interpolation(let parts):
            var pieces: [ValueRules.Piece] = []
            for part in parts {
                switch part {
                case .text(let s): pieces.append(.text(s))
                case .value(let n):
                    guard let v = resolve(n, rules: rules) else { return nil }
                    pieces.append(.value(v))
                }
            }
            out = rules.interpolate(pieces, at: node.location)
        case .call(let typeName, let signature, let arguments):
            guard let type = catalog.type(named: typeName),
                  let member = type.members.first(where: { $0.signature(typeName: typeName) == signature }) else {
                rules.reporter.error("the plan calls '\(signature)' of '\(typeName)', which the lesson API does not have", at: node.location)
                return nil
            }
            guard let arguments, let described = member.arguments else {
                out = rules.plainMember(type, member, at: node.location)
                break
            }
            var given: [(APIArgument, Evaluated?, isDefault: Bool)] = []
            for a in described {
                // The evaluator writes every argument, defaults too; a plan that does not is not one it wrote.
                guard let planned = arguments.first(where: { $0.name == a.name }) else {
                    rules.reporter.error("the plan leaves out argument '\(a.name)' of '\(signature)'", at: node.location)
                    return nil
                }
                let v = resolve(planned.value, rules: rules)
                if let v, !accepts(a.kind, v) {
                    rules.reporter.error("the plan gives '\(signature)' a '\(v.kind)' for '\(a.name)', which takes '\(a.kind)'",
                                         at: v.location)
                    return nil
                }
                given.append((a, v, planned.isDefault))
            }
            out = rules.call(type, member, arguments: given, at: node.location)
        case .literal(let typeName, let inner):
            guard let v = resolve(inner, rules: rules) else { return nil }
            guard let literal = catalog.type(named: typeName)?.literals.first(where: { $0.kind == v.kind }) else {
                rules.reporter.error("the plan writes '\(typeName)' as a literal of type '\(v.kind)', which it cannot be", at: node.location)
                return nil
            }
            out = rules.literal(v, as: literal, of: typeName, kind: .api(typeName))
        }
        guard var value = out else { return nil }
        guard accepts(node.kind, value) else {
            rules.reporter.error("the plan gives a value of type '\(value.kind)' where it says '\(node.kind)'", at: node.location)
            return nil
        }
        value.kind = node.kind
        value.name = node.name
        return value
    }

    /// True when `value` (of the kind its own node gave it) may stand where `expected` is wanted:
    /// what keeps a plan read from elsewhere from handing a builder a value of another type.
    package func accepts(_ expected: ValueKind, _ value: Evaluated) -> Bool {
        switch (expected, value.value) {
        case (.optional, .none): return true
        case (.optional(let wrapped), _):
            var inner = value
            if case .optional(let k) = value.kind { inner.kind = k }
            return accepts(wrapped, inner)
        case (.int, .int), (.double, .double), (.string, .string), (.bool, .bool): return true
        case (.array(let e), .array(let items)):
            return value.elements.count == items.count && value.elements.allSatisfy { accepts(e, $0) }
        case (.dictionary(let k, let v), .dictionary(let pairs)):
            return value.elements.count == 2 * pairs.count
                && value.elements.enumerated().allSatisfy { accepts($0.offset % 2 == 0 ? k : v, $0.element) }
        case (.api(let p), .object):
            var kind = value.kind
            if case .optional(let k) = kind { kind = k }
            guard case .api(let a) = kind else { return false }
            return catalog.isAssignable(a, to: p)
        default: return false
        }
    }

    /// Every comparison of the plan, resolved (a failed one is left out after its diagnostic).
    package func comparisons() -> [ResolvedComparison] {
        var firstUse: [String: SourceLocation] = [:]
        var out: [ResolvedComparison] = []
        for c in plan.comparisons {
            guard let value = resolve(c.node), let compare = value.value.object(as: Compare.self) else { continue }
            let runLocations = compare.runs.indices.map { value.location(at: [.argument("runs"), .index($0)]) }
            var fresh = true
            for (run, location) in zip(compare.runs, runLocations) {
                if let earlier = firstUse[run.name] {
                    diagnostics.error("duplicate run name '\(run.name)'; first used at line \(earlier.line)", at: location)
                    fresh = false
                }
            }
            guard fresh else { continue }
            for (run, location) in zip(compare.runs, runLocations) { firstUse[run.name] = location }
            out.append(ResolvedComparison(compare: compare, datasetName: value.children["dataset"]?.name,
                                          datasetLocations: DatasetLocations(value.children["dataset"] ?? value),
                                          blockIndex: c.blockIndex, location: c.location, runLocations: runLocations))
        }
        return out
    }
}
