import Experiments

/// The table printed at the end of `lessons run`: one row per run, the headline
/// metrics, aligned in plain text (it goes to a terminal or a CI log).
public enum SummaryTable {
    public static func text(_ outcome: LessonRunOutcome) -> String {
        let header = ["run", "status", "macro-F1", "micro-F1", "mAP", "subset acc", "Hamming"]
        var rows: [[String]] = []
        for comparison in outcome.comparisons {
            for run in comparison.runs {
                let m = run.metrics
                let status: String
                switch run.outcome {
                case .completed: status = "ok"
                case let .diverged(epoch, step, _): status = "diverged e\(epoch) s\(step)"
                case .failed: status = "failed"
                }
                rows.append([run.name, status] + [m?.macroF1, m?.microF1, m?.meanAveragePrecision, m?.subsetAccuracy, m?.hammingLoss]
                    .map { Markup.number($0 ?? .nan) })
            }
        }
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        out.append("\(outcome.trainedCount) trained, \(outcome.cachedCount) from cache")
        return out.joined(separator: "\n")
    }
}
