import Experiments

/// Everything the page shows after an experiment block's `Compare`: the dataset
/// card, the comparison table, diverged-run notices, the per-label table and the
/// charts — a trusted HTML fragment built only from result data, all text escaped.
public struct ComparisonSection {
    public var title: String
    public var dataset: DatasetSummary?
    /// Site-relative path of the dataset's preview PNG.
    public var previewPath: String?
    public var runs: [RunResult]
    /// Unique on the page (e.g. "compare-1").
    public var id: String

    public init(title: String, dataset: DatasetSummary?, previewPath: String?, runs: [RunResult], id: String) {
        self.title = title
        self.dataset = dataset
        self.previewPath = previewPath
        self.runs = runs
        self.id = id
    }

    public func html() -> String {
        let labels = dataset?.labels ?? runs.first?.labels ?? []
        var out = "<section class=\"results\" id=\"\(Markup.escape(id))\"><h3>Results: \(Markup.escape(title))</h3>"
        if let dataset {
            out += DatasetCard(summary: dataset, previewPath: previewPath, id: "\(id)-dataset").html()
        }
        out += ComparisonTable(runs: runs, rarestLabel: dataset?.rarestLabel).html()
        out += runs.map { RunFailureNotice(run: $0).html() }.joined()
        out += PerLabelTable(runs: runs, labels: labels).html()
        let charts = ResultCharts(runs: runs, labels: labels, id: id)
        for figure in [charts.loss(), charts.perLabelBars(), charts.precisionRecall(), charts.reliability()] {
            if let figure { out += figure.html() }
        }
        return out + "</section>"
    }
}
