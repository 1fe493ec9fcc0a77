import Experiments
import SwiftSyntax

/// `Sweep(...)` statements: the parameter must be a number of a parameters
/// block, the runs must be declared earlier and the values must suit the
/// parameter. What each value trains is the resolver's (`SweepResolution`):
/// the plan resolved again per value, as `--set parameter=value` would.
struct SweepPlanner {
    let evaluator: ExpressionEvaluator
    let runs: DeclaredRuns

    /// The planned sweep of one `Sweep(...)` statement (`value`, written as
    /// `expr`), or nil after a diagnostic.
    func plan(_ sweep: Sweep, value: Evaluated, at expr: ExprSyntax, in context: EvaluationContext) -> PlanSweep? {
        let scope = evaluator.scope
        let parameterNode = value.children["parameter"]
        guard let binding = scope[sweep.parameter], binding.isParameter else {
            // A parameter whose value failed (a bad `--set`) is already reported at the parameter.
            if scope.isPoisoned(sweep.parameter) { return nil }
            let parameters = scope.parameterNames
            context.error("no parameter '\(sweep.parameter)'\(Suggestions.didYouMean(sweep.parameter, in: parameters)); "
                          + "a sweep sets a number declared in a 'swift parameters' block", at: parameterNode?.location)
            return nil
        }
        let kind = binding.value.kind
        guard kind.isNumeric else {
            context.error("parameter '\(sweep.parameter)' is a '\(kind)'; a sweep sets a number (Int or Double)",
                          at: parameterNode?.location)
            return nil
        }
        var failed = false
        for (i, name) in sweep.runs.enumerated() where runs[name] == nil {
            // An earlier experiment block failed: its runs may be missing for that reason alone.
            if runs.mayBeIncomplete { return nil }
            context.error(runs.unknownRunMessage(name), at: value.location(at: [.argument("runs"), .index(i)]))
            failed = true
        }
        if Set(sweep.runs).count != sweep.runs.count {
            context.error("a run is listed twice in the sweep", at: value.children["runs"]?.location)
            failed = true
        }
        var sources: [String] = []
        for (i, v) in sweep.values.enumerated() {
            if kind == .int && (v != v.rounded() || Int(exactly: v) == nil) {
                context.error("'\(sweep.parameter)' is an Int; \(Quantity.format(v)) is not a whole number",
                              at: value.location(at: [.argument("values"), .index(i)]))
                failed = true
            }
            let text = kind == .int ? Int(exactly: v).map { String($0) } ?? Limits.format(v) : Limits.format(v)
            if sources.contains(text) {
                context.error("value \(text) is listed twice", at: value.location(at: [.argument("values"), .index(i)]))
                failed = true
            }
            sources.append(text)
        }
        if let labels = sweep.runs.compactMap({ runs[$0]?.labels }).first, let metrics = sweep.metrics {
            for (i, m) in metrics.enumerated() {
                if let l = m.label, !labels.contains(l) {
                    context.error("the swept runs have no label '\(l)'\(Suggestions.didYouMean(l, in: labels))",
                                  at: value.location(at: [.argument("metrics"), .index(i)]))
                    failed = true
                }
            }
        }
        guard !failed else { return nil }

        return PlanSweep(node: value.plan, runPositions: sweep.runs.compactMap { runs.position(of: $0) },
                         blockIndex: context.source.index, location: context.location(of: expr))
    }
}
