import Foundation
import SwiftParserDiagnostics
import Experiments
import SwiftSyntax

/// `let name = value` and `let name: Type = value`, the one declaration lessons
/// may write; in parameters blocks, with `--set` overrides applied.
extension EvaluationSession {
    func evaluateLet(_ decl: VariableDeclSyntax, in kind: BlockKind) {
        if decl.bindingSpecifier.tokenKind != .keyword(.let) {
            error("'\(decl.bindingSpecifier.text)' is not supported; lessons bind each name once with 'let'",
                  at: decl.bindingSpecifier)
            poisonBindings(decl)
            return
        }
        if let attribute = decl.attributes.first {
            error("attributes are not supported", at: attribute)
            poisonBindings(decl)
            return
        }
        if let modifier = decl.modifiers.first {
            error("modifier '\(modifier.name.text)' is not supported", at: modifier)
            poisonBindings(decl)
            return
        }
        for binding in decl.bindings { evaluateBinding(binding, in: kind) }
    }

    private func poisonBindings(_ decl: VariableDeclSyntax) {
        for b in decl.bindings {
            if let name = b.pattern.as(IdentifierPatternSyntax.self)?.identifier.text { poisoned.insert(name) }
        }
    }

    private func evaluateBinding(_ binding: PatternBindingSyntax, in kind: BlockKind) {
        guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else {
            error("destructuring patterns are not supported; bind one name per 'let'", at: binding.pattern)
            return
        }
        let name = pattern.identifier.text
        if let accessors = binding.accessorBlock {
            error("computed properties are not supported", at: accessors)
            poisoned.insert(name)
            return
        }
        guard let initializer = binding.initializer?.value else {
            error("'let \(name)' needs a value: write 'let \(name) = ...'", at: binding)
            poisoned.insert(name)
            return
        }
        if isReserved(name) {
            error("'\(name)' is a name of the lessons API and cannot be redeclared", at: pattern)
            return
        }
        if let earlier = scope[name] {
            error("invalid redeclaration of '\(name)' (first declared at line \(earlier.location.line))", at: pattern)
            return
        }
        var annotated: ValueKind?
        if let type = binding.typeAnnotation?.type {
            guard let k = valueKind(of: type) else { poisoned.insert(name); return }
            annotated = k
        }
        guard let declared = evaluate(initializer, expected: annotated, context: .specified) else {
            poisoned.insert(name)
            return
        }
        var value = declared
        let location = source.location(of: pattern)
        if kind == .parameters {
            var effective = initializer.trimmedDescription
            var overridden = false
            if let text = overrides[name] {
                guard let v = evaluateOverride(text, name: name, kind: annotated ?? declared.kind, at: location) else {
                    poisoned.insert(name)
                    return
                }
                value = v
                effective = text.trimmingCharacters(in: .whitespaces)
                overridden = true
            }
            plan.parameters.append(PlanParameter(name: name, type: (annotated ?? declared.kind).description, value: effective,
                                                 declaredValue: initializer.trimmedDescription, overridden: overridden,
                                                 blockIndex: source.index, location: location))
        } else if overrides[name] != nil {
            error("'\(name)' is not a parameter; only names in a 'swift parameters' block can be set", at: pattern)
        }
        value.name = name
        scope[name] = Binding(value: value, location: location, isParameter: kind == .parameters)
        if kind == .experiment, let spec = value.value.object as? any DatasetSpecification {
            plan.datasets.append(PlanDataset(name: name, spec: spec.source, blockIndex: source.index, location: location))
        }
    }

    /// Parses and type-checks `--set name=text` against the declared type.
    private func evaluateOverride(_ text: String, name: String, kind: ValueKind, at location: SourceLocation) -> Evaluated? {
        let saved = (source, messagePrefix, depth)
        defer { (source, messagePrefix, depth) = saved }
        messagePrefix = "--set \(name)=\(text): "
        depth = 0
        let block = LessonBlock(kind: .parameters, text: text, startLine: 0, endLine: 0, contentStartLine: 1)
        guard let parsed = BlockSource(index: saved.0!.index, block: block, fixedLocation: location) else {
            reportNesting(in: block, at: location)
            return nil
        }
        source = parsed
        let items = Array(source.tree.statements)
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            error("expected a value", at: location)
            return nil
        }
        if let syntaxError = ParseCache.errors(for: text, tree: source.tree).first {
            error(syntaxError.message, at: location)
            return nil
        }
        guard items.count == 1, let expr = items[0].item.as(ExprSyntax.self) else {
            error("expected a single value", at: location)
            return nil
        }
        return evaluate(expr, expected: kind, context: .specified)
    }

    /// `--set` names that no parameters block declared.
    func checkOverridesWereUsed() {
        let declared = plan.parameters.map(\.name)
        for name in overrides.keys.sorted() where !declared.contains(name) && scope[name] == nil && !poisoned.contains(name) {
            let list = declared.isEmpty ? "the lesson has no parameters" : "parameters: " + declared.joined(separator: ", ")
            error("--set \(name): the lesson has no parameter '\(name)'\(Suggestions.didYouMean(name, in: declared)) (\(list))",
                  at: nil)
        }
    }
}
