import Foundation
import Experiments

/// The decision thresholds of the runs whose thresholds were chosen rather than
/// fixed (tuned on the validation split, or set per label), label by label and seed
/// by seed. A tuned threshold is itself an estimate from a few validation positives;
/// its spread over the seeds shows how far to trust it.
struct ThresholdTable {
    var series: [RunSeries]
    var labels: [String]

    /// Runs with more than one distinct threshold over labels and seeds.
    var chosen: [RunSeries] {
        series.filter { s in Set(s.results.compactMap(\.thresholds).flatMap { $0 }).count > 1 }
    }

    func html() -> String {
        let runs = chosen
        guard let seeds = runs.map(\.seeds).max(by: { $0.count < $1.count }), !seeds.isEmpty else { return "" }
        var rows: [[HTMLTable.Cell]] = []
        for (l, label) in labels.enumerated() {
            for run in runs {
                let values = run.results.map { r -> Double in
                    guard let t = r.thresholds, l < t.count else { return .nan }
                    return t[l]
                }
                var row: [HTMLTable.Cell] = [.text(label), .text(run.name)]
                row += seeds.indices.map { i in .number(i < values.count ? values[i] : .nan) }
                if seeds.count > 1 {
                    let summary = Summary(values)
                    row.append(HTMLTable.Cell(text: summary.map { Self.meanAndSD($0) } ?? "—", numeric: true))
                }
                rows.append(row)
            }
        }
        let header = ["label", "run"] + seeds.map { "seed \($0)" } + (seeds.count > 1 ? ["mean ± sd"] : [])
        return HTMLTable(caption: "Thresholds used on the test split (a label is predicted when its probability is above)",
                         header: header, rows: rows).html()
    }

    static func meanAndSD(_ s: Summary) -> String {
        guard s.mean.isFinite else { return "—" }
        return String(format: "%.3f ± %.3f", s.mean, s.sd)
    }
}
