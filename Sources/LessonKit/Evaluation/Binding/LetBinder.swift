import Foundation
import Experiments
import SwiftSyntax

/// `let name = value` and `let name: Type = value`, the one declaration lessons
/// may write; in parameters blocks, with `--set` overrides applied. A name
/// whose definition fails is poisoned, so its uses add no errors of their own.
struct LetBinder {
    let evaluator: ExpressionEvaluator
    /// Checks a dataset's files where it is declared (nil: not checked, as in export).
    let dataChecks: DataChecks?
    var scope: Scope { evaluator.scope }
    var overrides: [String: String] { evaluator.overrides }

    /// Binds the names of `decl`, adding parameters and datasets to `plan`.
    func bind(_ decl: VariableDeclSyntax, in kind: BlockKind, context: EvaluationContext, plan: inout LessonPlan,
              settings: inout [String: ParameterSetting]) {
        if decl.bindingSpecifier.tokenKind != .keyword(.let) {
            context.error("'\(decl.bindingSpecifier.text)' is not supported; lessons bind each name once with 'let'",
                          at: decl.bindingSpecifier)
            poisonBindings(decl)
            return
        }
        if let attribute = decl.attributes.first {
            context.error("attributes are not supported", at: attribute)
            poisonBindings(decl)
            return
        }
        if let modifier = decl.modifiers.first {
            context.error("modifier '\(modifier.name.text)' is not supported", at: modifier)
            poisonBindings(decl)
            return
        }
        for binding in decl.bindings { bind(binding, in: kind, context: context, plan: &plan, settings: &settings) }
    }

    private func poisonBindings(_ decl: VariableDeclSyntax) {
        for b in decl.bindings {
            if let name = b.pattern.as(IdentifierPatternSyntax.self)?.identifier.text { scope.poison(name) }
        }
    }

    private func bind(_ binding: PatternBindingSyntax, in kind: BlockKind, context: EvaluationContext,
                      plan: inout LessonPlan, settings: inout [String: ParameterSetting]) {
        guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else {
            context.error("destructuring patterns are not supported; bind one name per 'let'", at: binding.pattern)
            return
        }
        let name = pattern.identifier.text
        if let accessors = binding.accessorBlock {
            context.error("computed properties are not supported", at: accessors)
            scope.poison(name)
            return
        }
        guard let initializer = binding.initializer?.value else {
            context.error("'let \(name)' needs a value: write 'let \(name) = ...'", at: binding)
            scope.poison(name)
            return
        }
        if isReserved(name) {
            context.error("'\(name)' is a name of the lessons API and cannot be redeclared", at: pattern)
            return
        }
        if let earlier = scope[name] {
            context.error("invalid redeclaration of '\(name)' (first declared at line \(earlier.location.line))", at: pattern)
            return
        }
        if kind == .parameters, let call = ParameterLiterals.firstCall(in: initializer) {
            context.error(ParameterLiterals.message(for: call), at: call)
            scope.poison(name)
            return
        }
        var annotated: ValueKind?
        if let type = binding.typeAnnotation?.type {
            guard let k = evaluator.valueKind(of: type, in: context) else { scope.poison(name); return }
            annotated = k
        }
        guard let declared = evaluator.evaluate(initializer, expected: annotated, destination: .specified, in: context) else {
            scope.poison(name)
            return
        }
        var value = declared
        let location = context.location(of: pattern)
        if kind == .parameters {
            var effective = initializer.trimmedDescription
            var overridden = false
            if let text = overrides[name] {
                // The same parser and rules as the browser's resolver (lessons_resolve_plan): one path for typed values.
                guard let v = SetValueEvaluation.value(text, of: name, kind: annotated ?? declared.kind, at: location,
                                                       catalog: evaluator.catalog, diagnostics: context.diagnostics,
                                                       overrides: overrides, names: scope.names, lookup: read) else {
                    scope.poison(name)
                    return
                }
                value = v
                effective = text.trimmingCharacters(in: .whitespaces)
                overridden = true
                settings[name] = ParameterSetting(value: v.plan, source: text)
            }
            let type = annotated ?? declared.kind
            plan.parameters.append(PlanParameter(name: name, type: type.description, kind: type, value: effective,
                                                 declaredValue: initializer.trimmedDescription, overridden: overridden,
                                                 blockIndex: context.source.index, location: location, declared: declared.plan))
        } else if overrides[name] != nil {
            context.error("'\(name)' is not a parameter; only names in a 'swift parameters' block can be set", at: pattern)
        }
        value.name = name
        scope.bind(name, to: Scope.Binding(value: value, location: location, isParameter: kind == .parameters))
        if kind == .experiment {
            plan.bindings.append(PlanBinding(name: name, node: value.plan, blockIndex: context.source.index, location: location))
            if value.value.object?.dataset != nil { _ = dataChecks?.sizes(of: value, in: context) }
        }
    }

    /// A name bound earlier, read as the evaluator reads it: a parameter as a slot of the plan.
    private func read(_ name: String) -> Evaluated? {
        guard let bound = scope[name] else { return nil }
        var value = bound.value
        value.plan = PlanNode(bound.isParameter ? .parameter(name) : .named(name), kind: value.kind, location: value.location)
        return value
    }

    /// Names reserved by the API: types, `results`, `expect`.
    private func isReserved(_ name: String) -> Bool {
        ClaimWords.isReserved(name) || evaluator.catalog.type(named: name) != nil
    }
}
