import Claims
import Experiments

/// Parameter values as a student types them (`--set name=value`, the browser
/// panel's inputs): each read against its parameter in the plan
/// (`SetValueEvaluation`), then the plan resolved with them. This needs the
/// plan alone, no lesson source: what `lessons_resolve_plan` does in the browser.
extension PlanResolver {
    public static func resolve(_ plan: LessonPlan, typed: [(name: String, source: String)], expectations: [Expectation] = [],
                               path: String, catalog: APICatalog = .standard) -> Result<ResolvedLesson, DiagnosticList> {
        let diagnostics = Diagnostics(path: path)
        var settings: [String: ParameterSetting] = [:]
        var seen: Set<String> = []
        var sources: [String: String] = [:]
        for (name, source) in typed where sources[name] == nil { sources[name] = source }
        for (name, source) in typed {
            guard seen.insert(name).inserted else {
                diagnostics.error("--set \(name) is given twice", at: nil)
                continue
            }
            guard let index = plan.parameters.firstIndex(where: { $0.name == name }) else {
                // Not a parameter: the resolver says so, with its did-you-mean.
                settings[name] = ParameterSetting(value: PlanNode(.none, kind: .optional(.int), location: SourceLocation(line: 0, column: 0)),
                                                  source: source)
                continue
            }
            let parameter = plan.parameters[index]
            let earlier = plan.parameters[..<index]
            // A value may read a parameter declared before it, as in the lesson (`--set epochs=seed + 2`).
            let given = settings
            let read = { (other: String) -> Evaluated? in
                guard let p = earlier.first(where: { $0.name == other }) else { return nil }
                let pass = ResolutionPass(plan: plan, settings: given, catalog: catalog, diagnostics: Diagnostics(path: path))
                return pass.resolve(PlanNode(.parameter(other), kind: p.kind, location: p.location))
            }
            guard let value = SetValueEvaluation.value(source, of: name, kind: parameter.kind, at: parameter.location, catalog: catalog,
                                                       diagnostics: diagnostics, overrides: sources,
                                                       names: earlier.map { $0.name }, lookup: read) else { continue }
            settings[name] = ParameterSetting(value: value.plan, source: source)
        }
        let resolved = resolve(plan, settings: settings, expectations: expectations, path: path, catalog: catalog)
        guard !diagnostics.isEmpty else { return resolved }
        var all = diagnostics.all
        if case .failure(let more) = resolved { all += more.diagnostics }
        return .failure(DiagnosticList(all))
    }
}
