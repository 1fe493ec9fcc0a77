import Experiments
import PortableSort

/// Everything the page shows after an experiment block's `Compare`: the outputs
/// the lesson chose with `show:` (or the defaults) in its order, notices of runs
/// that did not finish, and every other output folded into "More results" —
/// a trusted HTML fragment built only from result data, all text escaped.
public struct ComparisonSection {
    public var title: String
    public var dataset: DatasetSummary?
    /// Site-relative path of the dataset's preview PNG.
    public var previewPath: String?
    public var runs: [RunResult]
    /// Unique on the page (e.g. "compare-1").
    public var id: String
    /// The outputs to show; nil: `ResultView.defaults` (plus thresholds when they vary).
    public var show: [ResultView]?
    /// The id of an earlier card of the same dataset on the page: link to it instead of repeating it.
    public var datasetShownAt: String?
    /// Per run (`runs` order), its statistics over seeds; nil entries (or none): one seed.
    public var aggregates: [RunAggregate?]
    /// The claims of the expect blocks after this comparison (up to the next one), as
    /// written: the `.claimed` chart draws the metrics those naming this section's runs read.
    public var claims: [String] = []
    /// Per run, every seed's result (charts pool or list them); empty: `runs` only.
    public var seedResults: [[RunResult]] = []

    public init(title: String, dataset: DatasetSummary?, previewPath: String?, runs: [RunResult], id: String,
                show: [ResultView]? = nil, datasetShownAt: String? = nil, aggregates: [RunAggregate?] = []) {
        self.title = title
        self.dataset = dataset
        self.previewPath = previewPath
        self.runs = runs
        self.id = id
        self.show = show
        self.datasetShownAt = datasetShownAt
        self.aggregates = aggregates
    }

    /// The id of this section's dataset card (when it draws one).
    public var datasetCardID: String { "\(id)-dataset" }

    public func html() -> String {
        var numbering = PageNumbering()
        return html(numbering: &numbering)
    }

    /// The views shown up front, then the rest, in `ResultView.foldable` order.
    var plannedViews: (shown: [ResultView], folded: [ResultView]) {
        var shown: [ResultView] = []
        for view in show ?? ResultView.defaults where !shown.contains(view) { shown.append(view) }
        if show == nil, let at = shown.firstIndex(of: .table) {
            // The rarest label's rows, which the prose reads first, beside the headline table.
            if let rarest = dataset?.rarestLabel { shown.insert(.label(rarest), at: at + 1) }
            if ThresholdTable(runs: runs, labels: labels).isInformative { shown.insert(.thresholds, at: at + 1) }
        }
        let folded = ResultView.foldable.filter { view in
            // One label shown up front still leaves every label's table for "More results".
            if view == .perLabel { return !shown.contains(.perLabel) }
            return !shown.contains(view)
        }
        return (shown, folded)
    }

    private var labels: [String] { dataset?.labels ?? runs.first?.labels ?? [] }

    /// What the claims on these runs read; without such claims, the rarest label's recall and precision.
    var claimedMetrics: [ClaimedMetric] {
        let read = ClaimedMetric.read(in: claims, runs: Set(runs.map { $0.name }))
        if !read.isEmpty { return read }
        guard let rarest = dataset?.rarestLabel ?? labels.last else { return [] }
        return [ClaimedMetric(name: "recall", label: rarest), ClaimedMetric(name: "precision", label: rarest)]
    }

    func html(numbering: inout PageNumbering) -> String {
        var out = "<section class=\"results\" id=\"\(Markup.escape(id))\"><h3>Results: \(Markup.escape(title))</h3>"
        out += runs.map { RunFailureNotice(run: $0).html() }.joined()
        let (shown, folded) = plannedViews
        for view in shown { out += render(view, numbering: &numbering) }
        var more = ""
        numbering.folded = true
        for view in folded { more += render(view, numbering: &numbering) }
        numbering.folded = false
        if !more.isEmpty {
            out += "<details class=\"more-results\"><summary>More results: every metric, per-label numbers and the other charts</summary>"
            out += more + "</details>"
        }
        return out + "</section>"
    }

    private func render(_ view: ResultView, numbering: inout PageNumbering) -> String {
        let charts = ResultCharts(runs: runs, labels: labels, id: id, aggregates: aggregates, seedResults: seedResults)
        func numbered(_ figure: ChartFigure?) -> String {
            guard var figure else { return "" }
            figure.number = numbering.nextFigure(id: figure.id)
            return figure.html()
        }
        switch view {
        case .dataset:
            guard let dataset else { return "" }
            if let earlier = datasetShownAt {
                return "<p class=\"dataset-ref\">Dataset: \(Markup.escape(dataset.kind)), the same as "
                    + "<a href=\"#\(Markup.escape(earlier))\">above</a>.</p>"
            }
            let seeds = aggregates.compactMap { $0?.seeds.count }.max() ?? 1
            return DatasetCard(summary: dataset, previewPath: previewPath, id: datasetCardID, seedCount: seeds).html()
        case .table:
            var out = ComparisonTable(runs: runs, aggregates: aggregates, rarestLabel: dataset?.rarestLabel, compact: true,
                                      number: numbering.nextTable(id: "\(id)-table"), id: "\(id)-table").html()
            // Each other test set (`Compare(alsoTestOn:)`): the same models, the same columns.
            for name in Array(Set(runs.flatMap { ($0.alsoTested ?? []).map { $0.name } })).stablySorted() {
                let tableID = "\(id)-table-\(Markup.slug(name))"
                let seeds = runs.indices.map { i in i < seedResults.count ? seedResults[i].map { $0.on(name) } : [runs[i].on(name)] }
                out += ComparisonTable(runs: runs.map { $0.on(name) },
                                       aggregates: seeds.map { $0.count > 1 ? RunAggregate(seeds: Array($0.indices), results: $0) : nil },
                                       rarestLabel: dataset?.rarestLabel, compact: true, number: numbering.nextTable(id: tableID),
                                       id: tableID, testSet: name).html()
            }
            return out
        case .metrics:
            return ComparisonTable(runs: runs, aggregates: aggregates, rarestLabel: dataset?.rarestLabel, compact: false,
                                   number: numbering.nextTable(id: "\(id)-metrics"), id: "\(id)-metrics").html()
        case .perLabel, .label:
            guard runs.contains(where: { $0.metrics != nil }) else { return "" }
            let label: String? = { if case .label(let l) = view { return l }; return nil }()
            let slug = label.map { "-" + Markup.slug($0) } ?? ""
            return PerLabelTable(runs: runs, labels: label.map { [$0] } ?? labels, aggregates: aggregates,
                                 number: numbering.nextTable(id: "\(id)-label-table\(slug)"), id: "\(id)-label-table\(slug)").html()
        case .thresholds:
            guard runs.contains(where: { $0.thresholds != nil }) else { return "" }
            return ThresholdTable(runs: runs, labels: labels, aggregates: aggregates, number: numbering.nextTable(id: "\(id)-thresholds"),
                                  id: "\(id)-thresholds").html() + numbered(charts.tunedThresholds())
        case .claimed: return numbered(charts.claimed(claimedMetrics))
        case .loss: return numbered(charts.loss())
        case .learningCurve: return numbered(charts.learningCurve())
        case .pr: return numbered(charts.precisionRecall())
        case .bars: return numbered(charts.perLabelBars())
        case .calibration: return numbered(charts.reliability())
        }
    }
}
