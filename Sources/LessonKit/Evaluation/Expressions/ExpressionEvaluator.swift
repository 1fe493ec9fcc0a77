import Experiments
import SwiftSyntax

/// Evaluation of the accepted expressions: literals, names bound earlier,
/// arrays, dictionaries, parentheses, arithmetic and calls of the API. It reads
/// the scope and the catalog and writes only diagnostics, through the context
/// it is given, so the same evaluator serves blocks, `--set` values and defaults.
struct ExpressionEvaluator {
    let catalog: APICatalog
    let scope: Scope
    /// `--set` values by parameter name, for saying where a bad value came from.
    let overrides: [String: String]

    /// The rules values follow, reporting where `context` reports.
    func rules(_ context: EvaluationContext) -> ValueRules {
        ValueRules(catalog: catalog, reporter: ValueReporter(diagnostics: context.diagnostics, messagePrefix: context.messagePrefix,
                                                             overrides: overrides))
    }

    /// For a value read from a parameter that `--set` overrode, where it came from.
    func overrideNote(_ value: Evaluated?) -> String {
        ValueReporter(diagnostics: Diagnostics(path: ""), messagePrefix: "", overrides: overrides).overrideNote(value)
    }

    /// The value of `expr` as a value of `expected` (when given), or nil after a diagnostic.
    func evaluate(_ expr: ExprSyntax, expected: ValueKind?, destination: ValueDestination = .argument,
                  in outer: EvaluationContext) -> Evaluated? {
        guard let context = outer.entering(expr),
              let value = evaluateUnconverted(expr, expected: expected, in: context) else { return nil }
        guard let expected else {
            if value.isNil {
                context.error("'nil' requires a contextual type", at: expr)
                return nil
            }
            return value
        }
        return convert(value, to: expected, destination: destination, in: context)
    }

    private func evaluateUnconverted(_ expr: ExprSyntax, expected: ValueKind?, in context: EvaluationContext) -> Evaluated? {
        let location = context.location(of: expr)
        if let lit = expr.as(IntegerLiteralExprSyntax.self) {
            return integer(lit.literal.text, at: lit, in: context)
        }
        if let lit = expr.as(FloatLiteralExprSyntax.self) {
            let text = lit.literal.text.replacingOccurrences(of: "_", with: "")
            guard let v = Double(text), v.isFinite else {
                context.error("floating-point literal '\(lit.literal.text)' is out of range", at: lit)
                return nil
            }
            return Evaluated(value: .double(v), kind: .double, location: location, isLiteral: true)
        }
        if let lit = expr.as(BooleanLiteralExprSyntax.self) {
            return Evaluated(value: .bool(lit.literal.tokenKind == .keyword(.true)), kind: .bool, location: location)
        }
        if let lit = expr.as(StringLiteralExprSyntax.self) {
            if lit.segments.contains(where: { $0.is(ExpressionSegmentSyntax.self) }) {
                return interpolated(lit, in: context)
            }
            guard let text = lit.representedLiteralValue else {
                context.error("this string literal is not supported", at: lit)
                return nil
            }
            guard text.count <= EvaluationBounds.stringCharacters else {
                context.error("string literal is too long (\(text.count) characters; at most \(EvaluationBounds.stringCharacters))", at: lit)
                return nil
            }
            return Evaluated(value: .string(text), kind: .string, location: location)
        }
        if expr.is(NilLiteralExprSyntax.self) {
            return Evaluated(value: .none, kind: .optional(.int), location: location, isNil: true)
        }
        if let array = expr.as(ArrayExprSyntax.self) { return evaluateArray(array, expected: expected, in: context) }
        if let dict = expr.as(DictionaryExprSyntax.self) { return evaluateDictionary(dict, expected: expected, in: context) }
        if let ref = expr.as(DeclReferenceExprSyntax.self) { return evaluateName(ref, in: context) }
        if let call = expr.as(FunctionCallExprSyntax.self) { return evaluateCall(call, expected: expected, in: context) }
        if let member = expr.as(MemberAccessExprSyntax.self) { return evaluateMember(member, expected: expected, in: context) }
        if let sequence = expr.as(SequenceExprSyntax.self) {
            do {
                return evaluateOperators(try OperatorTree.fold(sequence), expected: expected, in: context)
            } catch OperatorTree.FoldError.nonAssociative(let op) {
                context.error("adjacent operators are in non-associative precedence group 'ComparisonPrecedence'", at: op)
            } catch OperatorTree.FoldError.unsupported(let element) {
                if let op = element.as(BinaryOperatorExprSyntax.self) {
                    context.error("operator '\(op.operator.text)' is not supported in lessons", at: op)
                } else {
                    context.unsupported(element)
                }
            } catch {}
            return nil
        }
        if let prefix = expr.as(PrefixOperatorExprSyntax.self) { return evaluatePrefix(prefix, expected: expected, in: context) }
        if let tuple = expr.as(TupleExprSyntax.self) {
            if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
                return evaluateUnconverted(only.expression, expected: expected, in: context)
            }
            context.unsupported(tuple)
            return nil
        }
        if let sub = expr.as(SubscriptCallExprSyntax.self),
           ClaimWords.isResults(sub.calledExpression) {
            context.error("'results' can only be used inside expect(...) in a 'swift expect' block", at: sub)
            return nil
        }
        context.unsupported(expr)
        return nil
    }

    /// Decimal, hexadecimal (`0x`), octal (`0o`) and binary (`0b`) literals with `_` separators.
    private func integer(_ raw: String, at node: IntegerLiteralExprSyntax, in context: EvaluationContext) -> Evaluated? {
        var text = raw.replacingOccurrences(of: "_", with: "")
        var radix = 10
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            text.removeFirst(2)
            radix = r
        }
        guard let v = Int(text, radix: radix) else {
            context.error("integer literal '\(raw)' overflows when stored into 'Int'", at: node)
            return nil
        }
        return Evaluated(value: .int(v), kind: .int, location: context.location(of: node), isLiteral: true)
    }

    func evaluateName(_ ref: DeclReferenceExprSyntax, in context: EvaluationContext) -> Evaluated? {
        let name = ref.baseName.text
        if ref.argumentNames != nil {
            context.unsupported(ref)
            return nil
        }
        if let bound = scope[name] {
            var binding = bound.value
            // A parameter is read as a slot of the plan, any other name as the binding it names.
            binding.plan = PlanNode(bound.isParameter ? .parameter(name) : .named(name), kind: binding.kind, location: binding.location)
            binding.location = context.location(of: ref)
            binding.isLiteral = false
            binding.name = name
            return binding
        }
        if scope.isPoisoned(name) { return nil }
        if ClaimWords.isReserved(name) {
            context.error("'\(name)' can only be used in a 'swift expect' block", at: ref)
        } else if catalog.type(named: name) != nil {
            context.error("type '\(name)' cannot be used as a value; call it, e.g. '\(name)(...)'", at: ref)
        } else {
            let candidates = scope.names + catalog.types.map(\.name)
            context.error("cannot find '\(name)' in scope\(Suggestions.didYouMean(name, in: candidates.sorted()))", at: ref)
        }
        return nil
    }
}
