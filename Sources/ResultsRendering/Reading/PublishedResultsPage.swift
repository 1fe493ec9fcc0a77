import Experiments
import PortableJSON

/// A lesson's results sections re-rendered from what the site publishes: its
/// `results.json` and the page context (`ResultsPageContext`). The same renderer as
/// `lessons run`, so the same bytes, natively and in WebAssembly (`lessons_render_results`).
public enum PublishedResultsPage {
    public static func sections(resultsJSON: [UInt8], contextJSON: [UInt8]) throws(ResultsReadError) -> ResultsSections {
        let results = try JSONField.document(resultsJSON, "results.json")
        let contextField = try JSONField.document(contextJSON, "the page context")
        let context = contextField.pageContext()
        try contextField.check()
        let comparisons = results.member("comparisons").elements()
        try results.check()
        guard comparisons.count == context.comparisons.count else {
            throw ResultsReadError("results.json has \(comparisons.count) comparisons, the page context \(context.comparisons.count)")
        }
        var outcome = LessonRunOutcome(comparisons: [], warnings: [], trainedCount: 0, cachedCount: 0)
        var shows: [[ResultView]?] = []
        var previews: Set<String> = []
        for (comparison, page) in zip(comparisons, context.comparisons) {
            let dataset = comparison.member("dataset")
            outcome.comparisons.append(ComparisonOutcome(
                title: comparison.member("title").string(), blockIndex: comparison.member("block").int(),
                dataset: page.dataset, datasetHash: dataset.member("hash").string(),
                series: comparison.member("runs").map { (r: JSONField) in r.runSeries() },
                specHashes: []))
            if let preview = page.preview { previews.insert(preview) }
            var views: [ResultView]? = nil
            if let names = page.show {
                views = []
                for name in names {
                    guard let view = ResultView(name: name) else {
                        try results.check()
                        throw ResultsReadError("the page context: unknown view '\(name)'")
                    }
                    views?.append(view)
                }
            }
            shows.append(views)
        }
        let sweeps = results.optional("sweeps")?.elements() ?? []
        try results.check()
        guard sweeps.count == context.sweeps.count else {
            throw ResultsReadError("results.json has \(sweeps.count) sweeps, the page context \(context.sweeps.count)")
        }
        for (sweep, page) in zip(sweeps, context.sweeps) {
            let points = sweep.member("points").map { (p: JSONField) in
                p.map { (r: JSONField) in r.runSeries() }
            }
            outcome.sweeps.append(SweepOutcome(
                title: sweep.member("title").string(), blockIndex: sweep.member("block").int(),
                parameter: sweep.member("parameter").string(), values: sweep.member("values").strings(),
                runNames: points.first?.map { $0.name } ?? [], points: points, metrics: page.metrics, axisLabel: page.axisLabel))
        }
        let records = results.member("expectations").map { (e: JSONField) in e.expectationRecord() }
        try results.check()
        guard records.count == context.expectationBlocks.count else {
            throw ResultsReadError("results.json has \(records.count) claims, the page context \(context.expectationBlocks.count)")
        }
        var sections = ResultsSections(
            lessonID: context.lessonID, outcome: outcome, shows: shows,
            expectations: zip(context.expectationBlocks, records).map { CheckedExpectation(blockIndex: $0, record: $1) })
        sections.publishedPreviews = previews
        return sections
    }
}

extension ResultsSections.Rendered {
    /// `{"afterBlock": {"3": "<section…>", …}, "references": {"results-1-loss": "Figure 1", …}}`
    /// (keys sorted): what the WebAssembly entry point hands the page.
    public var json: String {
        var blocks: [String: JSONValue] = [:], ids: [String: JSONValue] = [:]
        for (block, html) in afterBlock { blocks[String(block)] = .string(html) }
        for (id, name) in references { ids[id] = .string(name) }
        return JSONValue.object(["afterBlock": .object(blocks), "references": .object(ids)]).text
    }
}
