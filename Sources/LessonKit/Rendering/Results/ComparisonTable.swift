import Experiments

/// The headline table of a comparison: one row per run, the metrics that tell the
/// truth about imbalanced multi-label data, the best value of each column marked
/// (ties all marked). Diverged runs get a row that says so instead of numbers.
struct ComparisonTable {
    struct Column {
        var title: String
        var higherIsBetter: Bool
        /// Shown in the compact headline table (the rest only in the full one).
        var headline = false
        var value: (RunResult) -> Double
    }

    var runs: [RunResult]
    /// The label whose recall gets its own column (the rarest in training).
    var rarestLabel: String?
    /// Only the headline columns (fits the text column); false: every metric.
    var compact = true
    var number: Int? = nil
    var id: String? = nil

    var columns: [Column] {
        var columns = [
            Column(title: "macro-F1", higherIsBetter: true, headline: true) { $0.metrics?.macroF1 ?? .nan },
            Column(title: "micro-F1", higherIsBetter: true, headline: true) { $0.metrics?.microF1 ?? .nan },
            Column(title: "mAP", higherIsBetter: true, headline: true) { $0.metrics?.meanAveragePrecision ?? .nan },
            Column(title: "subset accuracy", higherIsBetter: true) { $0.metrics?.subsetAccuracy ?? .nan },
            Column(title: "Hamming loss", higherIsBetter: false) { $0.metrics?.hammingLoss ?? .nan },
            // What a softmax head cannot do: say yes to several labels of one image.
            Column(title: "recall on ≥2-label images", higherIsBetter: true) { $0.metrics?.multiLabelRecall ?? .nan },
            // What pos_weight costs: probabilities that no longer mean what they say.
            Column(title: "calibration error (ECE)", higherIsBetter: false) { $0.metrics?.expectedCalibrationError ?? .nan },
        ]
        if let rare = rarestLabel {
            columns.append(Column(title: "recall of \(rare) (rarest)", higherIsBetter: true, headline: true) { $0.labelMetrics(rare)?.recall ?? .nan })
        }
        return compact ? columns.filter(\.headline) : columns
    }

    func html() -> String {
        let columns = self.columns
        let best: [Double?] = columns.map { column in
            let values = runs.map(column.value).filter(\.isFinite)
            return column.higherIsBetter ? values.max() : values.min()
        }
        let rows: [[HTMLTable.Cell]] = runs.map { run in
            var row: [HTMLTable.Cell] = [.text(run.name)]
            let status: String?
            switch run.outcome {
            case .completed: status = nil
            case let .diverged(epoch, step, _): status = "diverged at epoch \(epoch), step \(step)"
            case .failed: status = "could not train"
            }
            if let status {
                row.append(HTMLTable.Cell(text: status))
                row += Array(repeating: HTMLTable.Cell(text: "–", numeric: true), count: columns.count - 1)
                return row
            }
            for (index, column) in columns.enumerated() {
                let value = column.value(run)
                // Rounded comparison: what the reader sees as equal is marked equally.
                let isBest = runs.count > 1 && best[index].map { Markup.number($0) == Markup.number(value) } == true
                row.append(.number(value, best: isBest))
            }
            return row
        }
        let caption = compact ? "Headline test-set metrics per run (best value of each column marked)"
            : "Every test-set metric per run (best value of each column marked)"
        return HTMLTable(caption: caption, header: ["run"] + columns.map(\.title), rows: rows, number: number, id: id).html()
    }
}
