import Experiments

/// Precision, recall, F1 and average precision per label and run, with each
/// label's test support, so a rare label's numbers are never averaged away.
struct PerLabelTable {
    var runs: [RunResult]
    var labels: [String]
    var number: Int? = nil
    var id: String? = nil

    func html() -> String {
        let finished = runs.filter { $0.metrics != nil }
        guard !finished.isEmpty else { return "" }
        var rows: [[HTMLTable.Cell]] = []
        for label in labels {
            for run in finished {
                guard let m = run.labelMetrics(label) else { continue }
                rows.append([.text(label), .text(run.name), .number(m.precision), .number(m.recall),
                             .number(m.f1), .number(m.averagePrecision),
                             HTMLTable.Cell(text: String(m.support), numeric: true)])
            }
        }
        // The first column is a row header; the label repeats so every row reads alone.
        let which = labels.count == 1 ? "Test metrics of \(labels[0])" : "Per-label test metrics"
        return HTMLTable(caption: which + " (threshold as configured per run; AP is threshold-free)",
                         header: ["label", "run", "precision", "recall", "F1", "AP", "positives in test"],
                         rows: rows, number: number, id: id).html()
    }
}
