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
        var afterBlock: [Int: String] = [:]
        var files: [String: Data] = planFile.merging(["results.json": try document.encoded()]) { a, _ in a }
        var numbering = PageNumbering()
        // A dataset's card is drawn once per page; later comparisons on it link back.
        var cardOfDataset: [String: String] = [:]
        // Comparisons and sweeps in page order, so figures and tables are numbered as they appear.
        let sections = outcome.comparisons.indices.map { (block: outcome.comparisons[$0].blockIndex, order: 0, index: $0) }
            + outcome.sweeps.indices.map { (block: outcome.sweeps[$0].blockIndex, order: 1, index: $0) }
        for entry in sections.sorted(by: { ($0.block, $0.order, $0.index) < ($1.block, $1.order, $1.index) }) {
            if entry.order == 1 {
                let sweep = outcome.sweeps[entry.index]
                afterBlock[sweep.blockIndex, default: ""] += SweepSection(sweep: sweep, id: "sweep-\(entry.index + 1)")
                    .html(numbering: &numbering)
                continue
            }
            let index = entry.index, comparison = outcome.comparisons[index]
            var previewPath: String? = nil
            if let png = comparison.dataset?.previewPNG, !png.isEmpty {
                // Named by the dataset's hash: two comparisons on one dataset share the file.
                let name = "dataset-\(comparison.datasetHash.prefix(12)).png"
                files[name] = Data(png)
                previewPath = lessonID + "/" + name
            }
            let show = index < comparisons.count ? comparisons[index].show : nil
            var section = ComparisonSection(title: comparison.title, dataset: comparison.dataset, previewPath: previewPath,
                                            runs: comparison.runs, id: "results-\(index + 1)", show: show,
                                            datasetShownAt: cardOfDataset[comparison.datasetHash],
                                            aggregates: comparison.series.map(\.aggregate))
            // The claims of the expect blocks after this comparison, up to the next one.
            let next = outcome.comparisons.map(\.blockIndex).filter { $0 > comparison.blockIndex }.min() ?? Int.max
            section.claims = expectations.filter { $0.blockIndex > comparison.blockIndex && $0.blockIndex < next }.map(\.record.source)
            section.seedResults = comparison.series.map(\.results)
            if cardOfDataset[comparison.datasetHash] == nil, comparison.dataset != nil {
                cardOfDataset[comparison.datasetHash] = section.datasetCardID
            }
            afterBlock[comparison.blockIndex, default: ""] += section.html(numbering: &numbering)
        }
        let byBlock = Dictionary(grouping: expectations, by: \.blockIndex)
        for (block, checked) in byBlock {
            afterBlock[block, default: ""] += ExpectationBox(records: checked.map(\.record)).html()
        }
        var extras = PageExtras(afterBlock: afterBlock.mapValues(TrustedHTML.init),
                                parametersPanel: parameters.isEmpty ? nil : TrustedHTML(ParametersPanel(parameters: parameters).html()),
                                status: LessonStatus(state: passed ? .passed : .failed, keyResult: keyResult),
                                files: files, parameters: parameters)
        extras.references = numbering.names
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
            "\(metric.higherIsBetter ? "best" : "lowest") \(metric.heading) \(Markup.number(b.value)) "
                + "(\(b.name)\(b.seeds > 1 ? ", mean of \(b.seeds) seeds" : ""))"
        }
    }
}

/// The effective parameters; a row set on the command line is marked
/// `overridden` (the stylesheet says so in words) and shows the lesson's value.
struct ParametersPanel {
    var parameters: [ResultsDocument.Parameter]

    func html() -> String {
        var out = "<div class=\"params-panel\"><table><caption>Effective parameters</caption>"
        out += "<thead><tr><th scope=\"col\">parameter</th><th scope=\"col\">value</th><th scope=\"col\">in the lesson</th></tr></thead><tbody>"
        for p in parameters {
            out += p.overridden ? "<tr class=\"overridden\">" : "<tr>"
            out += "<th scope=\"row\"><code>\(Markup.escape(p.name))</code></th><td><code>\(Markup.escape(p.value))</code></td>"
            out += "<td><code>\(Markup.escape(p.declaredValue))</code></td></tr>"
        }
        return out + "</tbody></table></div>"
    }
}
