import Experiments

/// The table printed at the end of `lessons run`: one row per run, the headline
/// metrics (mean ± sd over the seeds of a multi-seed run), aligned in plain text
/// (it goes to a terminal or a CI log).
public enum SummaryTable {
    static let metrics = ["macroF1", "microF1", "meanAveragePrecision", "subsetAccuracy", "hammingLoss"]

    public static func text(_ outcome: LessonRunOutcome) -> String {
        let header = ["run", "seeds", "status", "macro-F1", "micro-F1", "mAP", "subset acc", "Hamming"]
        var rows: [[String]] = []
        for comparison in outcome.comparisons {
            for series in comparison.series {
                var status = "ok"
                for (seed, run) in zip(series.seeds, series.results) where !run.outcome.isCompleted {
                    let what: String
                    if case let .diverged(epoch, step, _) = run.outcome { what = "diverged e\(epoch) s\(step)" } else { what = "failed" }
                    status = series.results.count > 1 ? "\(what) (seed \(seed))" : what
                    break
                }
                let cells = metrics.map { name -> String in
                    if let s = series.aggregate?.metrics[name] {
                        return NumberText.fixed(s.mean) + " ± " + NumberText.fixed(s.sd)
                    }
                    return NumberText.fixed(RunAggregate.scalar(name, of: series.results[0]))
                }
                rows.append([series.name, String(series.results.count), status] + cells)
            }
        }
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 || i == 2 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        out.append("\(outcome.trainedCount) (run, seed) pair\(outcome.trainedCount == 1 ? "" : "s") trained, "
                   + "\(outcome.cachedCount) from cache")
        return out.joined(separator: "\n")
    }
}
