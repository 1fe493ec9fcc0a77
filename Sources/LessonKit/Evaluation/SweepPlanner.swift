import Experiments
import SwiftSyntax

/// `Sweep(...)` statements: the parameter must be a number of a parameters
/// block, the runs must be declared earlier, and every value must evaluate the
/// way `--set parameter=value` would — the lesson is evaluated again per value
/// (parsing is cached, so this costs microseconds) and the swept runs are taken
/// from that evaluation, so a swept value reaches whatever it reaches: a loss
/// weight, the epochs, a dataset's prevalence.
struct SweepPlanner {
    let lesson: Lesson
    /// Whether each point's evaluation checks the data files (as the lesson's own did).
    let checksData: Bool
    let evaluator: ExpressionEvaluator
    let runs: DeclaredRuns

    /// The resolved sweep of one `Sweep(...)` statement (`value`, written as
    /// `expr`), or nil after a diagnostic.
    func plan(_ sweep: Sweep, value: Evaluated, at expr: ExprSyntax, in context: EvaluationContext) -> PlanSweep? {
        let scope = evaluator.scope
        let parameterNode = value.children["parameter"]
        guard let binding = scope[sweep.parameter], binding.isParameter else {
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
            if kind == .int && v != v.rounded() {
                context.error("'\(sweep.parameter)' is an Int; \(Quantity.format(v)) is not a whole number",
                              at: value.location(at: [.argument("values"), .index(i)]))
                failed = true
            }
            let text = kind == .int ? String(Int(v)) : Limits.format(v)
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

        var points: [Compare] = []
        for (i, text) in sources.enumerated() {
            var set = evaluator.overrides
            set[sweep.parameter] = text
            switch Evaluator.evaluate(lesson, overrides: set, catalog: evaluator.catalog, isSweepPoint: true, checksData: checksData) {
            case .failure(let list):
                // An error the lesson itself already has (a bad --set, say) is not the sweep's to repeat.
                let known = Set(context.diagnostics.all.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" })
                let first = list.diagnostics.first { d in
                    d.severity == .error && !known.contains("\(d.location.map { "\($0.line):\($0.column)" } ?? "-") \(d.message)")
                }
                guard first != nil else { return nil }
                let at = first?.location.map { " (line \($0.line))" } ?? ""
                context.error("at \(sweep.parameter) = \(text): \(first?.message ?? "the lesson does not evaluate")\(at)",
                              at: value.location(at: [.argument("values"), .index(i)]))
                return nil
            case .success(let plan):
                let declared = plan.comparisons.flatMap { c in c.runs.map { (c.compare, $0) } }
                let swept = sweep.runs.compactMap { name -> (Compare, Run)? in
                    if let byName = declared.first(where: { $0.1.name == name }) { return byName }
                    // A name that interpolates the swept value changes with it; the run keeps its place
                    // and, on the chart, the name it has in the lesson.
                    guard let i = runs.position(of: name), i < declared.count else { return nil }
                    var run = declared[i].1
                    run.name = name
                    return (declared[i].0, run)
                }
                guard swept.count == sweep.runs.count else {
                    context.error("at \(sweep.parameter) = \(text) the lesson no longer declares every swept run", at: expr)
                    return nil
                }
                // One comparison per value; runs from different comparisons keep their own data.
                let first = swept[0].0
                guard swept.allSatisfy({ $0.0.dataset == first.dataset && $0.0.seeds == first.seeds }) else {
                    context.error("the swept runs must come from comparisons on the same dataset with the same seeds", at: value.children["runs"]?.location)
                    return nil
                }
                points.append(Compare(title: sweep.title, dataset: first.dataset, seeds: first.seeds, runs: swept.map(\.1)))
            }
        }
        // A parameter none of the swept runs reads would draw a flat line that looks like a finding.
        if points.count > 1, points.dropFirst().allSatisfy({
            $0.dataset == points[0].dataset && $0.seeds == points[0].seeds && $0.runs == points[0].runs
        }) {
            context.error("parameter '\(sweep.parameter)' does not reach the swept runs (\(sweep.runs.joined(separator: ", "))): "
                          + "every value trains the same runs on the same data; sweep a parameter they read",
                          at: parameterNode?.location)
            return nil
        }
        return PlanSweep(sweep: sweep, valueSources: sources, points: points, blockIndex: context.source.index,
                         location: context.location(of: expr))
    }
}
