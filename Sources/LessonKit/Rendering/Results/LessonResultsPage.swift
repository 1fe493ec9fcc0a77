import Foundation
import Experiments

/// Everything a run of a lesson adds to its page, assembled into the page
/// renderer's `PageExtras`: results after each experiment block, pass/fail after
/// each expect block, the effective-parameters panel, the status for the index,
/// and the files next to the page (`results.json`, dataset previews).
extension LessonResults {
    public func pageExtras() throws -> PageExtras {
        // The plan that reruns the lesson with any values, beside every page (docs/plan-json.md).
        let planFile = plan.map { ["plan.json": Data(PlanJSON.text($0, lessonFile: lessonFile).utf8)] } ?? [:]
        // A lesson with nothing to run (prose and shown code only) is a plain page.
        if comparisons.isEmpty && outcome.sweeps.isEmpty && expectations.isEmpty && parameters.isEmpty {
            return PageExtras(files: planFile)
        }
        let resultsJSON = try document.encoded()
        var files: [String: Data] = planFile.merging(["results.json": resultsJSON]) { a, _ in a }
        if let plan {
            // The browser rerun's inputs, as a script the page may load from file:// (BrowserRerunPanel).
            files[BrowserRerunPanel.dataFileName] = Data(RerunData.script(
                plan: PlanJSON.text(plan, lessonFile: lessonFile), results: String(decoding: resultsJSON, as: UTF8.self),
                context: String(decoding: try encodedPageContext(), as: UTF8.self)).utf8)
        }
        let rendered = ResultsSections(lessonID: lessonID, outcome: outcome, shows: comparisons.map(\.show),
                                       expectations: expectations).render()
        for (name, png) in rendered.previews { files[name] = Data(png) }
        var extras = PageExtras(afterBlock: rendered.afterBlock.mapValues(TrustedHTML.init),
                                parametersPanel: parameters.isEmpty ? nil : TrustedHTML(ParametersPanel(parameters: parameters).html()),
                                status: LessonStatus(state: passed ? .passed : .failed, keyResult: keyResult),
                                files: files, parameters: parameters)
        extras.references = rendered.references
        return extras
    }

    /// "best macro-F1 0.712 (pos_weight)": the best run of the lesson by its
    /// macro-F1, or by the metric front matter `headline:` names (lowest for a
    /// metric where lower is better) — for a run trained with several seeds its
    /// mean over them (a run with an unfinished seed has none) — the first one on
    /// a tie, so the line is stable. `headline: none` gives none.
    var keyResult: String? {
        let metric: Metric
        switch headline {
        case .none?: return nil
        case .best(let name)?: metric = MetricCatalog.named(name) ?? MetricCatalog.standard.macroF1
        case nil: metric = MetricCatalog.standard.macroF1
        }
        var best: (name: String, value: Double, seeds: Int)?
        for series in outcome.comparisons.flatMap(\.series) {
            let value = series.value(of: metric)
            let better = best.map { metric.higherIsBetter ? value > $0.value : value < $0.value } ?? true
            guard value.isFinite, better else { continue }
            best = (series.name, value, series.results.count)
        }
        return best.map { b in
            "\(metric.higherIsBetter ? "best" : "lowest") \(metric.heading) \(NumberText.fixed(b.value)) "
                + "(\(b.name)\(b.seeds > 1 ? ", mean of \(b.seeds) seeds" : ""))"
        }
    }
}
