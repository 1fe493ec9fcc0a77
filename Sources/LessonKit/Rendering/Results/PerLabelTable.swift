import Experiments

/// Precision, recall, F1 and average precision per label and run, with each
/// label's test support, so a rare label's numbers are never averaged away.
/// A run trained with several seeds shows `mean ± sd` over its seeds.
struct PerLabelTable {
    var runs: [RunResult]
    var labels: [String]
    /// Per run (same order), its statistics over seeds; nil entries (or none) for one seed.
    var aggregates: [RunAggregate?] = []
    var number: Int? = nil
    var id: String? = nil

    func html() -> String {
        var rows: [[HTMLTable.Cell]] = []
        for label in labels {
            for (index, run) in runs.enumerated() {
                if index < aggregates.count, let a = aggregates[index], let m = a.label(label) {
                    rows.append([.text(label), .text("\(run.name) (\(a.seeds.count) seeds)"), .summary(m.precision),
                                 .summary(m.recall), .summary(m.f1), .summary(m.averagePrecision), .summary(m.support, digits: 1)])
                } else if let m = run.labelMetrics(label) {
                    rows.append([.text(label), .text(run.name), .number(m.precision), .number(m.recall),
                                 .number(m.f1), .number(m.averagePrecision),
                                 HTMLTable.Cell(text: String(m.support), numeric: true)])
                }
            }
        }
        guard !rows.isEmpty else { return "" }
        // The first column is a row header; the label repeats so every row reads alone.
        let which = labels.count == 1 ? "Test metrics of \(labels[0])" : "Per-label test metrics"
        let seeds = aggregates.contains { $0 != nil } ? "; mean ± sd over seeds" : ""
        return HTMLTable(caption: which + " (threshold as configured per run; AP is threshold-free\(seeds))",
                         header: ["label", "run", "precision", "recall", "F1", "AP", "positives in test"],
                         rows: rows, number: number, id: id).html()
    }
}
