import Experiments

/// Precision, recall, F1, average precision and ROC-AUC per label and run, with each
/// label's test support, so a rare label's numbers are never averaged away.
/// A run trained with several seeds shows `mean ± sd` over its seeds.
struct PerLabelTable {
    var runs: [RunResult]
    var labels: [String]
    /// Per run (same order), its statistics over seeds; nil entries (or none) for one seed.
    var aggregates: [RunAggregate?] = []
    var number: String? = nil
    var id: String? = nil

    /// The label metrics shown, in column order (headings from the catalog).
    static var columns: [LabelMetric] {
        let m = LabelMetricCatalog.standard
        return [m.precision, m.recall, m.f1, m.averagePrecision, m.rocAUC]
    }

    func html() -> String {
        var rows: [[HTMLTable.Cell]] = []
        for label in labels {
            for (index, run) in runs.enumerated() {
                if index < aggregates.count, let a = aggregates[index], let m = a.label(label) {
                    rows.append([.text(label), .text(run.name)]
                                + Self.columns.map { m.values[$0.name].map { .summary($0) } ?? .number(.nan) }
                                // The same test split size in every seed: one number, no "± 0.0".
                                + [m.support.min == m.support.max ? .number(m.support.mean, digits: 0) : .summary(m.support, digits: 1)])
                } else if let m = run.labelMetrics(label) {
                    rows.append([.text(label), .text(run.name)] + Self.columns.map { .number(m.values[$0.name] ?? .nan) }
                                + [HTMLTable.Cell(text: String(m.support), numeric: true)])
                }
            }
        }
        guard !rows.isEmpty else { return "" }
        // The first column is a row header; the label repeats so every row reads alone.
        let which = labels.count == 1 ? "Test metrics of \(labels[0])" : "Per-label test metrics"
        let seeds = ComparisonTable.seedNote(aggregates)
        var table = HTMLTable(caption: which + " (threshold as configured per run; AP and ROC-AUC are threshold-free; "
                                  + "positives: the label's images in the test set\(seeds))",
                              header: ["label", "run"] + Self.columns.map { $0.heading }
                                  + ["positives"],
                              rows: rows, number: number, id: id)
        table.cards = true
        return table.html()
    }
}
