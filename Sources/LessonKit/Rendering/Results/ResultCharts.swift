import Experiments

/// The charts of a comparison, each drawn from the run results alone, with alt
/// text spelled from the same numbers. A run keeps its palette index (its place in
/// the comparison) in every chart, so its colour means the same thing throughout.
struct ResultCharts {
    var runs: [RunResult]
    var labels: [String]
    /// Prefix for element ids (unique per comparison on the page).
    var id: String
    /// Per run (same order), its statistics over seeds: the charts then draw the
    /// mean with a min–max band. Nil entries (or none): one seed.
    var aggregates: [RunAggregate?] = []

    private func aggregate(_ index: Int) -> RunAggregate? { index < aggregates.count ? aggregates[index] : nil }
    private var seedNote: String {
        aggregates.contains { $0 != nil } ? " Runs with several seeds: the line is the mean over seeds, the band spans min to max." : ""
    }

    private var finished: [(index: Int, run: RunResult, metrics: TestMetrics)] {
        runs.enumerated().compactMap { i, run in run.metrics.map { (i, run, $0) } }
    }

    /// Training and validation loss per epoch, as two panels with their own axes:
    /// the training loss is the one optimised (weights included), the validation
    /// loss has no sample weights, so the two are not on one scale.
    func loss() -> ChartFigure? {
        let withHistory = runs.enumerated().filter { !$0.element.history.isEmpty }
        guard !withHistory.isEmpty else { return nil }
        var training: [LineChart.Series] = [], validation: [LineChart.Series] = []
        var rows: [[HTMLTable.Cell]] = []
        var alt: [String] = []
        for (i, run) in withHistory {
            if let a = aggregate(i), !a.history.isEmpty {
                let h = a.history
                training.append(.init(name: run.name, points: h.map { (Double($0.epoch), $0.trainLoss.mean) }, style: i,
                                      band: h.map { (Double($0.epoch), $0.trainLoss.min, $0.trainLoss.max) }))
                let v = h.compactMap { e in e.validationLoss.map { (e.epoch, $0) } }
                if !v.isEmpty {
                    validation.append(.init(name: run.name, points: v.map { (Double($0.0), $0.1.mean) }, style: i,
                                            band: v.map { (Double($0.0), $0.1.min, $0.1.max) }))
                }
                for e in h {
                    rows.append([.text("\(run.name) (mean of \(a.seeds.count) seeds)"), HTMLTable.Cell(text: String(e.epoch), numeric: true),
                                 .summary(e.trainLoss, digits: 4), e.validationLoss.map { .summary($0, digits: 4) } ?? .number(.nan)])
                }
                alt.append("\(run.name) mean training loss from \(Markup.number(h.first!.trainLoss.mean, digits: 4)) to "
                           + "\(Markup.number(h.last!.trainLoss.mean, digits: 4)) over \(a.seeds.count) seeds")
                continue
            }
            training.append(.init(name: run.name, points: run.history.map { (Double($0.epoch), $0.trainLoss) }, style: i))
            let points = run.history.compactMap { r in r.validationLoss.map { (Double(r.epoch), $0) } }
            if !points.isEmpty { validation.append(.init(name: run.name, points: points, style: i)) }
            for r in run.history {
                rows.append([.text(run.name), HTMLTable.Cell(text: String(r.epoch), numeric: true),
                             .number(r.trainLoss, digits: 4), .number(r.validationLoss ?? .nan, digits: 4)])
            }
            let first = run.history.first!.trainLoss, last = run.history.last!.trainLoss
            var text = "\(run.name) training loss from \(Markup.number(first, digits: 4)) to \(Markup.number(last, digits: 4))"
            if let v = run.history.last?.validationLoss { text += ", last validation loss \(Markup.number(v, digits: 4))" }
            alt.append(text + (run.outcome.isDiverged ? " before diverging" : ""))
        }
        var svgs = [LineChart(series: training, xLabel: "epoch", yLabel: "training loss (weighted)",
                              width: 320, height: 260, title: "Training loss, as optimised").draw()]
        if !validation.isEmpty {
            svgs.append(LineChart(series: validation, xLabel: "epoch", yLabel: "validation loss",
                                  width: 320, height: 260, title: "Validation loss").draw())
        }
        let caption = validation.isEmpty
            ? "Training loss per epoch: the mean over the epoch's batches of the loss each run optimises, its weighting included."
            : "Loss per epoch, one colour and marker per run. First panel: training loss, the mean over the epoch's batches "
            + "of the loss each run optimises, pos_weight and sample weights included. Second panel: the same loss on the "
            + "validation split after each epoch, with pos_weight but without sample weights. Each panel has its own scale: "
            + "a weighted training loss is not comparable with an unweighted one." + seedNote
        return ChartFigure(
            id: "\(id)-loss", caption: caption,
            altText: "Line charts of training and validation loss per epoch. " + alt.joined(separator: "; ") + ".",
            svgs: svgs,
            data: HTMLTable(caption: nil, header: ["run", "epoch", "training loss (weighted)", "validation loss"], rows: rows),
            panels: true)
    }

    /// Per-label recall and F1 as grouped bars (two panels).
    func perLabelBars() -> ChartFigure? {
        let done = finished
        guard !done.isEmpty, !labels.isEmpty else { return nil }
        func values(_ key: (LabelMetrics) -> Double) -> [[Double]] {
            done.map { entry in labels.map { label in entry.run.labelMetrics(label).map(key) ?? .nan } }
        }
        let recall = values { $0.recall ?? .nan }, f1 = values { $0.f1 ?? .nan }
        let names = done.map(\.run.name)
        var rows: [[HTMLTable.Cell]] = []
        var alt: [String] = []
        for (g, label) in labels.enumerated() {
            for (s, name) in names.enumerated() {
                rows.append([.text(label), .text(name), .number(recall[s][g]), .number(f1[s][g])])
            }
            alt.append("\(label): " + names.indices.map { "\(names[$0]) recall \(Markup.number(recall[$0][g])), F1 \(Markup.number(f1[$0][g]))" }.joined(separator: ", "))
        }
        return ChartFigure(
            id: "\(id)-per-label",
            caption: "Recall (top) and F1 (bottom) per label and run on the test set.",
            altText: "Grouped bar charts of per-label recall and F1. " + alt.joined(separator: "; ") + ".",
            svgs: [GroupedBarChart(groups: labels, series: names, values: recall, yLabel: "recall").draw(),
                   GroupedBarChart(groups: labels, series: names, values: f1, yLabel: "F1").draw()],
            data: HTMLTable(caption: nil, header: ["label", "run", "recall", "F1"], rows: rows),
            narrowSVGs: [GroupedBarChart(groups: labels, series: names, values: recall, yLabel: "recall", width: 340).draw(),
                         GroupedBarChart(groups: labels, series: names, values: f1, yLabel: "F1", width: 340).draw()])
    }

    /// Precision–recall curves, one small panel per label, one line per run.
    func precisionRecall() -> ChartFigure? {
        let done = finished
        guard !done.isEmpty else { return nil }
        var panels: [SVGCanvas] = []
        var rows: [[HTMLTable.Cell]] = []
        var alt: [String] = []
        for label in labels {
            var series: [LineChart.Series] = []
            var apText: [String] = []
            for entry in done {
                if let band = aggregate(entry.index)?.precisionRecall.first(where: { $0.label == label }) {
                    series.append(.init(name: entry.run.name, points: zip(band.recall, band.precisionMean).map { ($0, $1) },
                                        markers: false, style: entry.index,
                                        band: band.recall.indices.map { (band.recall[$0], band.precisionMin[$0], band.precisionMax[$0]) }))
                    for i in band.recall.indices where i % 10 == 0 {
                        rows.append([.text(label), .text("\(entry.run.name) (mean, min–max over seeds)"), .number(band.recall[i]),
                                     HTMLTable.Cell(text: "\(Markup.number(band.precisionMean[i])) (\(Markup.number(band.precisionMin[i]))–\(Markup.number(band.precisionMax[i])))", numeric: true)])
                    }
                    let ap = aggregate(entry.index)?.label(label)?.averagePrecision
                    apText.append("\(entry.run.name) mean AP \(Markup.number(ap?.mean ?? .nan))")
                    continue
                }
                guard let curve = entry.metrics.precisionRecallCurves.first(where: { $0.label == label }) else { continue }
                series.append(.init(name: entry.run.name, points: zip(curve.recall, curve.precision).map { ($0, $1) },
                                    markers: false, style: entry.index))
                for (r, p) in zip(curve.recall, curve.precision) {
                    rows.append([.text(label), .text(entry.run.name), .number(r), .number(p)])
                }
                apText.append("\(entry.run.name) AP \(Markup.number(entry.run.labelMetrics(label)?.averagePrecision ?? .nan))")
            }
            alt.append("\(label): " + apText.joined(separator: ", "))
            panels.append(LineChart(series: series, xLabel: "recall", yLabel: "precision", xDomain: (0, 1), yDomain: (0, 1),
                                    width: 320, height: 260, title: label).draw())
        }
        return ChartFigure(
            id: "\(id)-pr",
            caption: "Precision–recall curves per label on the test set (higher and further right is better; the area is the average precision)." + seedNote,
            altText: "Precision–recall curves, one panel per label. " + alt.joined(separator: "; ") + ".",
            svgs: panels,
            data: HTMLTable(caption: nil, header: ["label", "run", "recall", "precision"], rows: rows),
            panels: true)
    }

    /// Observed frequency against mean predicted probability per bin; the diagonal is perfect calibration.
    func reliability() -> ChartFigure? {
        let done = finished.filter { !$0.metrics.reliability.isEmpty }
        guard !done.isEmpty else { return nil }
        var rows: [[HTMLTable.Cell]] = []
        let series = done.map { entry -> LineChart.Series in
            let bins = entry.metrics.reliability.filter { $0.count > 0 }
            for b in bins {
                rows.append([.text(entry.run.name), HTMLTable.Cell(text: "\(Markup.number(b.lower, digits: 2))–\(Markup.number(b.upper, digits: 2))"),
                             .number(b.meanConfidence), .number(b.observedFrequency), HTMLTable.Cell(text: String(b.count), numeric: true)])
            }
            return .init(name: entry.run.name, points: bins.map { ($0.meanConfidence, $0.observedFrequency) }, style: entry.index)
        }
        func chart(_ width: Double) -> LineChart {
            LineChart(series: series, xLabel: "mean predicted probability", yLabel: "observed frequency",
                      xDomain: (0, 1), yDomain: (0, 1), diagonal: true, width: width)
        }
        let ece = done.map { "\($0.run.name) ECE \(Markup.number($0.metrics.expectedCalibrationError))" }
        return ChartFigure(
            id: "\(id)-reliability",
            caption: "Reliability: share of true labels against mean predicted probability, per probability bin (dotted diagonal: perfectly calibrated).",
            altText: "Reliability chart over all labels. Expected calibration error: " + ece.joined(separator: ", ") + ".",
            svgs: [chart(640).draw()],
            data: HTMLTable(caption: nil, header: ["run", "bin", "mean probability", "observed frequency", "pairs"], rows: rows),
            narrowSVGs: [chart(340).draw()])
    }
}
