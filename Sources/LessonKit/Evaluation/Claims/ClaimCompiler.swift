import Experiments
import SwiftSyntax

/// `expect(...)` statements compiled to `Expectation`s: comparisons, `&&`,
/// `||`, `!` and arithmetic over `results["run"].metric` and known values,
/// with run names and labels checked now rather than after training.
struct ClaimCompiler {
    let evaluator: ExpressionEvaluator
    let runs: DeclaredRuns

    /// The claim of one `expect(...)` statement, or nil after a diagnostic.
    func compile(_ call: FunctionCallExprSyntax, in context: EvaluationContext) -> Expectation? {
        if let closure = call.trailingClosure {
            context.error("trailing closures are not supported in lessons", at: closure)
            return nil
        }
        let args = Array(call.arguments)
        let claim = call.arguments.trimmedDescription
        let location = context.location(of: call)
        let labels = args.map { $0.label?.text }
        let check: Expectation.Check
        var inAtLeast: Int?
        if labels == [nil] || labels == [nil, "inAtLeast"] {
            guard let condition = compileCondition(args[0].expression, in: context) else { return nil }
            check = .condition(condition)
            if labels.count == 2 {
                guard let k = compileRobustness(args[1].expression, runs: condition.runNames, in: context) else { return nil }
                inAtLeast = k
            }
        } else if labels == [nil, "approximately", "tolerance"] || labels == [nil, "approximately", "tolerance", "inAtLeast"] {
            let value = compileQuantity(args[0].expression, in: context)
            let target = compileQuantity(args[1].expression, in: context)
            let tolerance = compileQuantity(args[2].expression, in: context)
            guard let value, let target, let tolerance else { return nil }
            if let t = tolerance.known, t < 0 {
                context.error("tolerance must be ≥ 0, got \(Quantity.format(t))", at: args[2].expression)
                return nil
            }
            check = .approximately(value, target: target, tolerance: tolerance)
            if labels.count == 4 {
                guard let k = compileRobustness(args[3].expression, runs: value.runNames + target.runNames + tolerance.runNames,
                                                in: context) else { return nil }
                inAtLeast = k
            }
        } else {
            let known = ["inAtLeast", "approximately", "tolerance"]
            if let bad = args.first(where: { $0.label != nil && !known.contains($0.label!.text) }), let label = bad.label {
                context.error("expect has no argument '\(label.text)'\(Suggestions.didYouMean(label.text, in: known, listing: "arguments"))", at: label)
            } else {
                context.error("expect takes a condition, or a value with 'approximately:' and 'tolerance:', "
                              + "either optionally with 'inAtLeast:'",
                              at: call)
            }
            return nil
        }
        return Expectation(blockIndex: context.source.index, location: location, claim: claim, check: check,
                           inAtLeast: inAtLeast)
    }

    /// `inAtLeast: k`: a whole number of seeds, 1...n, for runs that share one seed list.
    private func compileRobustness(_ expr: ExprSyntax, runs names: [String], in context: EvaluationContext) -> Int? {
        guard let v = evaluator.evaluate(expr, expected: .int, in: context), let k = v.value.int else { return nil }
        let lists = Set(names.compactMap { runs[RunSeries.split($0)?.run ?? $0]?.seeds })
        guard lists.count <= 1 else {
            context.error("inAtLeast pairs runs by seed, but these runs were trained with different seeds; "
                          + "give their comparisons the same 'seeds:'", at: expr)
            return nil
        }
        let n = lists.first?.count ?? 1
        guard k >= 1, k <= n else {
            context.error("inAtLeast must be 1...\(n) (the runs have \(n) seed\(n == 1 ? "" : "s")), got \(k)" + evaluator.overrideNote(v), at: expr)
            return nil
        }
        return k
    }

    private func compileCondition(_ expr: ExprSyntax, in outer: EvaluationContext) -> Condition? {
        guard let context = outer.entering(expr) else { return nil }
        if let tuple = expr.as(TupleExprSyntax.self), tuple.elements.count == 1, tuple.elements.first?.label == nil {
            return compileCondition(tuple.elements.first!.expression, in: context)
        }
        if let prefix = expr.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "!" {
            return compileCondition(prefix.expression, in: context).map { .not($0) }
        }
        if let sequence = expr.as(SequenceExprSyntax.self) {
            let tree: OperatorTree
            do { tree = try OperatorTree.fold(sequence) } catch {
                // The static evaluator words these errors.
                _ = evaluator.evaluate(expr, expected: nil, in: context)
                return nil
            }
            return condition(tree, in: context)
        }
        if let read = metricRead(expr, in: context) {
            guard let (quantity, isBool) = read else { return nil }
            guard isBool else {
                context.error("cannot convert value of type 'Double' to expected argument type 'Bool'; compare it, e.g. '> 0.5'", at: expr)
                return nil
            }
            return .flag(quantity)
        }
        guard let v = evaluator.evaluate(expr, expected: .bool, in: context) else { return nil }
        return .constant(v.value.bool ?? false)
    }

    private func condition(_ tree: OperatorTree, in context: EvaluationContext) -> Condition? {
        switch tree {
        case .operand(let e):
            return compileCondition(e, in: context)
        case .binary(let op, let node, let lhs, let rhs):
            if op == "&&" || op == "||" {
                let a = condition(lhs, in: context), b = condition(rhs, in: context)
                guard let a, let b else { return nil }
                return op == "&&" ? .and(a, b) : .or(a, b)
            }
            if let comparison = ComparisonOperator(rawValue: op) {
                let a = quantity(lhs, in: context), b = quantity(rhs, in: context)
                guard let a, let b else { return nil }
                guard a.isBool == b.isBool else {
                    context.error("binary operator '\(op)' cannot be applied to operands of type '\(a.isBool ? "Bool" : "Double")' "
                                  + "and '\(b.isBool ? "Bool" : "Double")'", at: node)
                    return nil
                }
                if a.isBool && comparison != .equal && comparison != .notEqual {
                    context.error("binary operator '\(op)' cannot be applied to two 'Bool' operands", at: node)
                    return nil
                }
                return .comparison(comparison, a.quantity, b.quantity)
            }
            context.error("expect(...) needs a Boolean condition; '\(op)' gives a number", at: node)
            return nil
        }
    }

    private func compileQuantity(_ expr: ExprSyntax, in context: EvaluationContext) -> Quantity? {
        guard let q = quantity(.operand(expr), in: context) else { return nil }
        guard !q.isBool else {
            context.error("cannot convert value of type 'Bool' to expected argument type 'Double'", at: expr)
            return nil
        }
        return q.quantity
    }

    /// A number (or Boolean metric) in a claim.
    private func quantity(_ tree: OperatorTree, in context: EvaluationContext) -> (quantity: Quantity, isBool: Bool)? {
        switch tree {
        case .binary(let op, let node, let lhs, let rhs):
            guard let arithmetic = ArithmeticOperator(rawValue: op) else {
                context.error("a comparison cannot be used as a number here; use parentheses or '&&'", at: node)
                return nil
            }
            let a = quantity(lhs, in: context), b = quantity(rhs, in: context)
            guard let a, let b else { return nil }
            guard !a.isBool, !b.isBool else {
                context.error("binary operator '\(op)' cannot be applied to a 'Bool' operand", at: node)
                return nil
            }
            if case .constant(let x) = a.quantity, case .constant(let y) = b.quantity {
                return (.constant(arithmetic.apply(x, y)), false)
            }
            return (.binary(arithmetic, a.quantity, b.quantity), false)
        case .operand(let expr):
            guard let context = context.entering(expr) else { return nil }
            if let tuple = expr.as(TupleExprSyntax.self), tuple.elements.count == 1, tuple.elements.first?.label == nil {
                return quantity(.operand(tuple.elements.first!.expression), in: context)
            }
            if let sequence = expr.as(SequenceExprSyntax.self), let tree = try? OperatorTree.fold(sequence) {
                return quantity(tree, in: context)
            }
            if let prefix = expr.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
                guard let inner = quantity(.operand(prefix.expression), in: context) else { return nil }
                if case .constant(let x) = inner.quantity { return (.constant(-x), false) }
                return (.negated(inner.quantity), inner.isBool)
            }
            if let call = expr.as(FunctionCallExprSyntax.self), let ref = call.calledExpression.as(DeclReferenceExprSyntax.self),
               let function = ClaimFunction(rawValue: ref.baseName.text) {
                return functionCall(function, call, in: context)
            }
            if let read = metricRead(expr, in: context) { return read }
            guard let v = evaluator.evaluate(expr, expected: nil, in: context) else { return nil }
            if let b = v.value.bool { return (.constant(b ? 1 : 0), true) }
            guard v.kind.isNumeric, let x = v.value.double else {
                context.error("cannot use a value of type '\(v.kind)' in a claim; claims compare numbers", at: expr)
                return nil
            }
            // A number read from parameters stays a slot of the plan, resolved with the parameters' values.
            return (v.plan.isConstant ? .constant(x) : .parameter(v.plan, x), false)
        }
    }

    /// `abs(x)`, `min(a, b, ...)` or `max(a, b, ...)` over numbers of the claim.
    private func functionCall(_ function: ClaimFunction, _ call: FunctionCallExprSyntax,
                              in context: EvaluationContext) -> (quantity: Quantity, isBool: Bool)? {
        if let closure = call.trailingClosure {
            context.error("trailing closures are not supported in lessons", at: closure)
            return nil
        }
        if let labelled = call.arguments.first(where: { $0.label != nil }), let label = labelled.label {
            context.error("extraneous argument label '\(label.text):' in call to '\(function.rawValue)'", at: label)
            return nil
        }
        guard function.arity.contains(call.arguments.count) else {
            context.error(function == .abs ? "abs takes one number, e.g. 'abs(a - b)'"
                                           : "\(function.rawValue) takes two or more numbers, e.g. '\(function.rawValue)(a, b)'",
                          at: call)
            return nil
        }
        var arguments: [Quantity] = []
        for argument in call.arguments {
            guard let q = quantity(.operand(argument.expression), in: context) else { return nil }
            guard !q.isBool else {
                context.error("cannot convert value of type 'Bool' to expected argument type 'Double'", at: argument.expression)
                return nil
            }
            arguments.append(q.quantity)
        }
        let constants = arguments.compactMap { q -> Double? in if case .constant(let x) = q { return x }; return nil }
        if constants.count == arguments.count { return (.constant(function.apply(constants)), false) }
        return (.function(function, arguments), false)
    }
}
