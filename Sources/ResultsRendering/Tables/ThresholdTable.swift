import Experiments

/// The decision threshold each run actually used on the test split, per label:
/// fixed, given per label, or tuned on the validation split. A top-k run has none.
struct ThresholdTable {
    var runs: [RunResult]
    var labels: [String]
    /// Per run, its statistics over seeds (tuned thresholds differ per seed).
    var aggregates: [RunAggregate?] = []
    var number: String? = nil
    var id: String? = nil

    /// True when some run used something other than one 0.5 for every label
    /// (worth showing by default, since the numbers then depend on it).
    var isInformative: Bool {
        runs.contains { run in run.thresholds.map { $0.contains { $0 != 0.5 } } ?? false }
    }

    func html() -> String {
        let withThresholds = runs.filter { $0.thresholds != nil }
        guard !withThresholds.isEmpty else { return "" }
        let rows: [[HTMLTable.Cell]] = runs.enumerated().map { index, run in
            if index < aggregates.count, let t = aggregates[index]?.thresholds {
                return [.text(run.name)] + labels.indices.map { i in
                    guard i < t.count else { return HTMLTable.Cell(text: "–", numeric: true) }
                    // A threshold that was set, not tuned, is the same in every seed: no "± 0.000".
                    return t[i].min == t[i].max ? .number(t[i].mean) : .summary(t[i])
                }
            }
            return [.text(run.name)] + labels.indices.map { i in
                guard let t = run.thresholds else { return HTMLTable.Cell(text: "top-k", numeric: true) }
                return i < t.count ? .number(t[i]) : HTMLTable.Cell(text: "–", numeric: true)
            }
        }
        var table = HTMLTable(caption: "Decision threshold per label each run used on the test set (a label is predicted above it"
                                  + (aggregates.contains { $0 != nil } ? "; tuned ones as mean ± sd over seeds" : "") + ")",
                              header: ["run"] + labels, rows: rows, number: number, id: id)
        table.cards = true
        return table.html()
    }
}
