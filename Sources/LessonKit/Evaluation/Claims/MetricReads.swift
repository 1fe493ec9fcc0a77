import Experiments
import SwiftSyntax

/// What claims are about: `results["run"].metric` and
/// `results["run"].metric("label")`, with the run, the metric and the label
/// checked against the runs declared so far and the report's metrics.
extension ClaimCompiler {
    /// `results["run"].metric` or `results["run"].metric("label")`: nil when `expr`
    /// is not a read of `results`; `.some(nil)` after a diagnostic.
    func metricRead(_ expr: ExprSyntax, in context: EvaluationContext) -> (quantity: Quantity, isBool: Bool)?? {
        var member: MemberAccessExprSyntax?
        var call: FunctionCallExprSyntax?
        if let m = expr.as(MemberAccessExprSyntax.self) {
            member = m
        } else if let c = expr.as(FunctionCallExprSyntax.self), let m = c.calledExpression.as(MemberAccessExprSyntax.self) {
            member = m
            call = c
        } else if let sub = expr.as(SubscriptCallExprSyntax.self), ClaimWords.isResults(sub.calledExpression) {
            context.error("results[...] is a run's report; ask for a metric, e.g. '.macroF1' or '.recall(\"label\")'", at: sub)
            return .some(nil)
        }
        guard let member, let base = member.base, let sub = base.as(SubscriptCallExprSyntax.self),
              ClaimWords.isResults(sub.calledExpression) else { return nil }
        guard let run = runName(sub, in: context) else { return .some(nil) }
        let name = member.declName.baseName.text
        if let call, let metric = EpochMetricCatalog.named(name) { return epochRead(metric, of: run.name, call, in: context) }
        guard let metric = ReportMetric.named(name) else {
            context.error("run report has no member '\(name)'\(Suggestions.didYouMean(name, in: ReportMetric.names, listing: "members"))",
                          at: member.declName)
            return .some(nil)
        }
        if metric.takesEpoch {
            context.error("'\(name)' needs an epoch: write '.\(name)(atEpoch: 1)'", at: member.declName)
            return .some(nil)
        }
        guard metric.takesLabel else {
            if let call {
                context.error("'\(name)' is a property; write '.\(name)' without arguments", at: call)
                return .some(nil)
            }
            return (.metric(run: run.name, metric: name, label: nil), metric.isBool)
        }
        guard let call else {
            context.error("'\(name)' needs a label: write '.\(name)(\"\(run.labels?.first ?? "label")\")'", at: member.declName)
            return .some(nil)
        }
        if let closure = call.trailingClosure {
            context.error("trailing closures are not supported in lessons", at: closure)
            return .some(nil)
        }
        guard call.arguments.count == 1, let arg = call.arguments.first, arg.label == nil else {
            context.error("'\(name)' takes one label, e.g. '.\(name)(\"\(run.labels?.first ?? "label")\")'", at: call)
            return .some(nil)
        }
        guard let label = evaluator.evaluate(arg.expression, expected: .string, in: context)?.value.string else { return .some(nil) }
        if let labels = run.labels, !labels.contains(label) {
            context.error("run '\(run.name)' has no label '\(label)'\(Suggestions.didYouMean(label, in: labels)) "
                          + "(labels: \(labels.joined(separator: ", ")))", at: arg.expression)
            return .some(nil)
        }
        return (.metric(run: run.name, metric: name, label: label), false)
    }

    /// `results["run"].validationLoss(atEpoch: k)`: k a whole number known before training (a
    /// parameter stays a slot), from 1 to the epochs the run trains.
    private func epochRead(_ metric: EpochMetric, of run: String, _ call: FunctionCallExprSyntax,
                           in context: EvaluationContext) -> (quantity: Quantity, isBool: Bool)?? {
        guard call.trailingClosure == nil, call.arguments.count == 1, let arg = call.arguments.first, arg.label?.text == "atEpoch" else {
            context.error("'\(metric.name)' takes one epoch, e.g. '.\(metric.name)(atEpoch: 1)'", at: call)
            return .some(nil)
        }
        guard let v = evaluator.evaluate(arg.expression, expected: .int, in: context), let k = v.value.int else { return .some(nil) }
        let epochs = runs[RunSeries.split(run)?.run ?? run]?.epochs ?? 0
        guard k >= 1, k <= epochs else {
            context.error(epochs == 0 ? "run '\(run)' does not train, so it has no epochs"
                          : "epoch must be 1...\(epochs) (run '\(run)' trains \(epochs) epochs), got \(k)" + evaluator.overrideNote(v),
                          at: arg.expression)
            return .some(nil)
        }
        let epoch: Quantity = v.plan.isConstant ? .constant(Double(k)) : .parameter(v.plan, Double(k))
        return (.epochMetric(run: run, metric: metric.name, epoch: epoch), false)
    }

    private func runName(_ sub: SubscriptCallExprSyntax, in context: EvaluationContext) -> (name: String, labels: [String]?)? {
        let args = Array(sub.arguments)
        guard args.count == 1 || (args.count == 2 && args[1].label?.text == "on"), args[0].label == nil else {
            context.error("results takes one run name, optionally with a test set: results[\"name\"], results[\"name\", on: \"noisy\"]",
                          at: sub)
            return nil
        }
        guard let name = evaluator.evaluate(args[0].expression, expected: .string, in: context)?.value.string else { return nil }
        guard let run = runs[name] else {
            if !runs.mayBeIncomplete { context.error(runs.unknownRunMessage(name), at: args[0].expression) }
            return nil
        }
        guard args.count == 2 else { return (name, run.labels) }
        // `on:` names one of its comparison's `alsoTestOn:` test sets.
        guard let testSet = evaluator.evaluate(args[1].expression, expected: .string, in: context)?.value.string else { return nil }
        guard run.testSets.contains(testSet) else {
            context.error("run '\(name)' is not tested on '\(testSet)'\(Suggestions.didYouMean(testSet, in: run.testSets))"
                          + (run.testSets.isEmpty ? "; give its Compare alsoTestOn: [\"\(testSet)\": dataset]"
                                                  : " (test sets: \(run.testSets.joined(separator: ", ")))"), at: args[1].expression)
            return nil
        }
        return (RunSeries.key(name, on: testSet), run.labels)
    }
}
