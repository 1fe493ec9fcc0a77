import Experiments

/// A `Sweep(...)` resolved: for each value, the whole plan resolved again with
/// the parameter set to it, exactly as `--set parameter=value` would resolve it,
/// and the swept runs taken from there, so a swept value reaches whatever it
/// reaches: a loss weight, the epochs, a dataset's prevalence.
extension ResolutionPass {
    /// The sweep's points, or nil after reporting the sweep's problem to `target` (an error
    /// already in `target`, such as a bad `--set`, is not the sweep's to repeat).
    package func sweep(_ planned: PlanSweep, path: String, reportingTo target: Diagnostics) -> ResolvedSweep? {
        let diagnostics = target
        guard let value = resolve(planned.node), let sweep = value.value.object(as: Sweep.self) else { return nil }
        guard let parameter = plan.parameters.first(where: { $0.name == sweep.parameter }) else {
            diagnostics.error("no parameter '\(sweep.parameter)'; a sweep sets a number declared in a 'swift parameters' block",
                              at: value.children["parameter"]?.location)
            return nil
        }
        let sources = Self.valueSources(sweep.values, kind: parameter.kind)
        var points: [Compare] = []
        for (i, (text, number)) in sources.enumerated() {
            let node = PlanNode(parameter.kind == .int ? .int(Int(exactly: number) ?? 0) : .double(number), kind: parameter.kind,
                                location: parameter.location, isLiteral: true)
            var set = settings
            set[sweep.parameter] = ParameterSetting(value: node, source: text)
            let point = Diagnostics(path: path)
            let comparisons = ResolutionPass(plan: plan, settings: set, catalog: catalog, diagnostics: point).comparisons()
            let known = Set(target.all.map(Self.key))
            if let first = DiagnosticList(point.all).diagnostics.first(where: { !known.contains(Self.key($0)) }) {
                let at = first.location.map { " (line \($0.line))" } ?? ""
                diagnostics.error("at \(sweep.parameter) = \(text): \(first.message)\(at)",
                                  at: value.location(at: [.argument("values"), .index(i)]))
                return nil
            }
            let declared = comparisons.flatMap { c in c.runs.map { (c.compare, $0) } }
            // A name that interpolates the swept value changes with it; the run keeps its place
            // and, on the chart, the name it has in the lesson.
            guard planned.runPositions.count == sweep.runs.count, planned.runPositions.allSatisfy({ $0 < declared.count }) else {
                diagnostics.error("at \(sweep.parameter) = \(text) the lesson no longer declares every swept run", at: planned.location)
                return nil
            }
            let swept = zip(planned.runPositions, sweep.runs).map { position, name -> (Compare, Run) in
                var run = declared[position].1
                run.name = name
                return (declared[position].0, run)
            }
            // One comparison per value; runs from different comparisons keep their own data.
            let first = swept[0].0
            guard swept.allSatisfy({ $0.0.dataset == first.dataset && $0.0.seeds == first.seeds }) else {
                diagnostics.error("the swept runs must come from comparisons on the same dataset with the same seeds",
                                  at: value.children["runs"]?.location)
                return nil
            }
            points.append(Compare(title: sweep.title, dataset: first.dataset, seeds: first.seeds, runs: swept.map { $0.1 }))
        }
        // A parameter none of the swept runs reads would draw a flat line that looks like a finding.
        if points.count > 1, points.dropFirst().allSatisfy({
            $0.dataset == points[0].dataset && $0.seeds == points[0].seeds && $0.runs == points[0].runs
        }) {
            diagnostics.error("parameter '\(sweep.parameter)' does not reach the swept runs (\(sweep.runs.joined(separator: ", "))): "
                              + "every value trains the same runs on the same data; sweep a parameter they read",
                              at: value.children["parameter"]?.location)
            return nil
        }
        return ResolvedSweep(sweep: sweep, valueSources: sources.map { $0.text }, points: points, blockIndex: planned.blockIndex,
                             location: planned.location)
    }

    private static func key(_ d: Diagnostic) -> String {
        "\(d.location.map { "\($0.line):\($0.column)" } ?? "-") \(d.message)"
    }

    /// Each value as `--set` would receive it (`0.5`, `8`) and as the number it sets.
    package static func valueSources(_ values: [Double], kind: ValueKind) -> [(text: String, number: Double)] {
        values.map { v in (kind == .int ? Int(exactly: v).map { String($0) } ?? Limits.format(v) : Limits.format(v), v) }
    }
}
