import Experiments

/// The headline table of a comparison: one row per run, the metrics that tell the
/// truth about imbalanced multi-label data, the best value of each column marked
/// (ties all marked). Diverged runs get a row that says so instead of numbers.
/// A run trained with several seeds shows `mean ± sd` over its seeds.
struct ComparisonTable {
    struct Column {
        var title: String
        var higherIsBetter: Bool
        /// False: no value is marked best (an epoch count).
        var ranked = true
        /// Shown in the compact headline table (the rest only in the full one).
        var headline = false
        var value: (RunResult) -> Double
        var summary: (RunAggregate) -> Summary?
    }

    var runs: [RunResult]
    /// Per run (same order), its statistics over seeds; nil entries (or none) for one seed.
    var aggregates: [RunAggregate?] = []
    /// The label whose recall gets its own column (the rarest in training).
    var rarestLabel: String?
    /// Only the headline columns (fits the text column); false: every metric.
    var compact = true
    var number: String? = nil
    var id: String? = nil
    /// The other test set the runs were measured on (`Compare(alsoTestOn:)`); nil: the dataset's own.
    var testSet: String? = nil

    /// A catalog metric's column (its heading and direction from the catalog).
    static func metric(_ metric: Metric, headline: Bool = false) -> Column {
        Column(title: metric.heading, higherIsBetter: metric.higherIsBetter, ranked: metric.ranked, headline: headline,
               value: { $0.value(of: metric) }, summary: { $0.metrics[metric.name] })
    }

    /// The metrics shown, in column order; the full table (under "More results") shows them all.
    static var metrics: [(metric: Metric, headline: Bool)] {
        let m = MetricCatalog.standard
        return [
            (m.macroF1, true), (m.microF1, true), (m.meanAveragePrecision, true), (m.subsetAccuracy, false), (m.hammingLoss, false),
            // What a softmax head cannot do: say yes to several labels of one image.
            (m.multiLabelRecall, false),
            // What pos_weight costs: probabilities that no longer mean what they say.
            (m.expectedCalibrationError, false),
            // How training went: past its best point, and where that was.
            (m.validationLoss, false), (m.minValidationLoss, false), (m.bestEpoch, false),
        ]
    }

    var columns: [Column] {
        var columns = Self.metrics.map { Self.metric($0.metric, headline: $0.headline) }
        if let rare = rarestLabel {
            columns.append(Column(title: "recall of \(rare) (rarest)", higherIsBetter: true, headline: true,
                                  value: { $0.labelMetrics(rare)?.values["recall"] ?? .nan }, summary: { $0.label(rare)?.values["recall"] }))
            // Recall alone rewards saying yes to everything: its precision sits beside it.
            columns.append(Column(title: "precision of \(rare)", higherIsBetter: true, headline: true,
                                  value: { $0.labelMetrics(rare)?.values["precision"] ?? .nan }, summary: { $0.label(rare)?.values["precision"] }))
        }
        return compact ? columns.filter { $0.headline } : columns
    }

    private func aggregate(_ index: Int) -> RunAggregate? { index < aggregates.count ? aggregates[index] : nil }

    /// The value a column ranks by: the mean over seeds, or the one run's value.
    private func rankValue(_ column: Column, _ index: Int) -> Double {
        if let a = aggregate(index) { return column.summary(a)?.mean ?? .nan }
        return runs[index].metrics == nil ? .nan : column.value(runs[index])
    }

    func html() -> String {
        let columns = self.columns
        let best: [Double?] = columns.map { column in
            guard column.ranked else { return nil }
            let values = runs.indices.map { rankValue(column, $0) }.filter { $0.isFinite }
            // When every run has the same value, none is "best".
            guard values.count > 1, values.contains(where: { Markup.number($0) != Markup.number(values[0]) }) else { return nil }
            return column.higherIsBetter ? values.max() : values.min()
        }
        let rows: [[HTMLTable.Cell]] = runs.enumerated().map { index, run in
            let agg = aggregate(index)
            var row: [HTMLTable.Cell] = [.text(run.name)]
            let status: String?
            switch run.outcome {
            case _ where agg.map { !$0.seeds.isEmpty } == true: status = nil
            case .completed: status = nil
            case let .diverged(epoch, step, _): status = "diverged at epoch \(epoch), step \(step)"
            case .failed: status = "could not train"
            }
            if let status {
                row.append(HTMLTable.Cell(text: status))
                row += Array(repeating: HTMLTable.Cell(text: "–", numeric: true), count: columns.count - 1)
                return row
            }
            for (c, column) in columns.enumerated() {
                let value = rankValue(column, index)
                // Rounded comparison: what the reader sees as equal is marked equally.
                let isBest = runs.count > 1 && best[c].map { Markup.number($0) == Markup.number(value) } == true
                if let a = agg, let s = column.summary(a) {
                    row.append(.summary(s, best: isBest))
                } else {
                    row.append(.number(value, best: isBest))
                }
            }
            return row
        }
        let seeds = Self.seedNote(aggregates)
        let caption = (compact ? "Headline test-set metrics per run" : "Every test-set metric per run")
            + (testSet.map { " on the other test set '\($0)' (the same trained models)" } ?? "")
            + " (\(runs.count > 1 ? "best value of each column marked; " : "")↓: lower is better\(seeds))"
        var table = HTMLTable(caption: caption, header: ["run"] + columns.map { $0.title + ($0.higherIsBetter ? "" : " ↓") },
                              rows: rows, number: number, id: id)
        table.cards = true
        return table.html()
    }

    /// "; mean ± sd over 5 seeds" (or "over 3–5 seeds"); empty for single runs.
    static func seedNote(_ aggregates: [RunAggregate?]) -> String {
        let counts = aggregates.compactMap { $0?.seeds.count }
        guard let low = counts.min(), let high = counts.max() else { return "" }
        return "; mean ± sd over \(low == high ? String(low) : "\(low)–\(high)") seeds"
    }
}

extension HTMLTable.Cell {
    /// `0.712 ± 0.013`: the mean and sample standard deviation over seeds.
    static func summary(_ s: Summary, digits: Int = 3, best: Bool = false) -> Self {
        Self(text: Markup.number(s.mean, digits: digits), numeric: true, emphasised: best, note: best ? "best" : nil,
             spread: "± " + Markup.number(s.sd, digits: digits))
    }
}
