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
    /// Per run (same order), every seed's result; empty: `runs` alone (one seed each).
    var seedResults: [[RunResult]] = []

    func aggregate(_ index: Int) -> RunAggregate? { index < aggregates.count ? aggregates[index] : nil }
    private var seedNote: String {
        let several = aggregates.filter { $0 != nil }.count
        if several == 0 { return "" }
        return several <= 2 ? " Runs with several seeds: the line is the mean over seeds, the band spans min to max."
            : " Each line is the mean over seeds; the spread over seeds (± sd) is in the data table (bands of more than two runs would hide each other)."
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
        // Min–max bands of more than two runs stack into a grey blur: then only lines (the data table has the spread).
        let banded = withHistory.filter { aggregate($0.offset) != nil }.count <= 2
        var rows: [[HTMLTable.Cell]] = []
        var alt: [String] = []
        for (i, run) in withHistory {
            if let a = aggregate(i), !a.history.isEmpty {
                let h = a.history
                training.append(.init(name: run.name, points: h.map { (Double($0.epoch), $0.trainLoss.mean) }, style: i,
                                      band: banded ? h.map { (Double($0.epoch), $0.trainLoss.min, $0.trainLoss.max) } : []))
                let v = h.compactMap { e in e.validationLoss.map { (e.epoch, $0) } }
                if !v.isEmpty {
                    validation.append(.init(name: run.name, points: v.map { (Double($0.0), $0.1.mean) }, style: i,
                                            band: banded ? v.map { (Double($0.0), $0.1.min, $0.1.max) } : []))
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
            let points: [(x: Double, y: Double)] = run.history.compactMap { r in r.validationLoss.map { (Double(r.epoch), $0) } }
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
        var svgs = [Self.lossChart(training, yLabel: "training loss", title: "Training loss, as optimised", legend: nil)]
        if !validation.isEmpty {
            svgs.append(Self.lossChart(validation, yLabel: "validation loss", title: "Validation loss", legend: []))
        }
        let caption = validation.isEmpty
            ? "Training loss per epoch: the mean over the epoch's batches of the loss each run optimises, its weighting included."
            : "Loss per epoch, one colour and marker per run. First panel: training loss, the mean over the epoch's batches "
            + "of the loss each run optimises (with its pos_weight or sample weights, where it has them). Second panel: the "
            + "same loss on the validation split after each epoch, without sample weights. Each panel has its own scale." + seedNote
        return ChartFigure(
            id: "\(id)-loss", caption: caption,
            altText: "Line charts of training and validation loss per epoch. " + alt.joined(separator: "; ") + ".",
            svgs: svgs,
            data: HTMLTable(caption: nil, header: ["run", "epoch", "training loss", "validation loss"], rows: rows),
            panels: true)
    }

    /// One loss panel; losses ten times apart or more (a focal loss beside plain BCE) get a
    /// log axis, so no run is pressed flat onto the x axis.
    static func lossChart(_ series: [LineChart.Series], yLabel: String, title: String?, legend: [ChartLegend.Entry]?,
                          width: Double = 320, height: Double = 260, xDomain: (Double, Double)? = nil) -> SVGCanvas {
        var chart = LineChart(series: series, xLabel: "epoch", yLabel: yLabel, xDomain: xDomain, width: width, height: height,
                              title: title, legend: legend)
        let values = series.flatMap { $0.points.map { $0.y } + $0.band.flatMap { [$0.low, $0.high] } }
        if let log = LineChart.logAxis(values) {
            chart.series = series.map { s in
                var s = s
                s.points = s.points.map { ($0.x, log10($0.y)) }
                s.band = s.band.map { ($0.x, log10($0.low), log10($0.high)) }
                return s
            }
            chart.yDomain = log.domain
            chart.yTickLabels = log.ticks
            chart.yLabel = yLabel + " (log scale)"
        }
        return chart.draw()
    }

    /// Per-label recall and F1 as grouped bars (two panels): with seeds, the bar is the
    /// mean (the tables' number) and every seed's value sits on it as the run's marker.
    func perLabelBars() -> ChartFigure? {
        let done = finished
        guard !done.isEmpty, !labels.isEmpty else { return nil }
        let recall = ClaimedMetric(name: "recall"), f1 = ClaimedMetric(name: "f1")
        func perSeed(_ metric: ClaimedMetric) -> [[[Double]]] {
            done.map { entry in labels.map { label in
                var m = metric
                m.label = label
                return seedValues(m, run: entry.index).values
            } }
        }
        let recallSeeds = perSeed(recall), f1Seeds = perSeed(f1)
        func means(_ seeds: [[[Double]]]) -> [[Double]] {
            seeds.map { $0.map { $0.isEmpty ? .nan : $0.reduce(0, +) / Double($0.count) } }
        }
        let recallMeans = means(recallSeeds), f1Means = means(f1Seeds)
        let several = recallSeeds.contains { $0.contains { $0.count > 1 } }
        let names = done.map { $0.run.name }
        var rows: [[HTMLTable.Cell]] = []
        var alt: [String] = []
        func spread(_ values: [Double]) -> String {
            values.count > 1 ? " (seeds " + values.map { Markup.number($0) }.joined(separator: ", ") + ")" : ""
        }
        for (g, label) in labels.enumerated() {
            for (s, name) in names.enumerated() {
                var row: [HTMLTable.Cell] = [.text(label), .text(name), .number(recallMeans[s][g]), .number(f1Means[s][g])]
                if several {
                    row += [recallSeeds[s][g], f1Seeds[s][g]].map { .text($0.map { Markup.number($0) }.joined(separator: ", ")) }
                }
                rows.append(row)
            }
            alt.append("\(label): " + names.indices.map {
                "\(names[$0]) recall \(Markup.number(recallMeans[$0][g]))\(spread(recallSeeds[$0][g])), F1 \(Markup.number(f1Means[$0][g]))\(spread(f1Seeds[$0][g]))"
            }.joined(separator: ", "))
        }
        func chart(_ values: [[Double]], _ seeds: [[[Double]]], _ yLabel: String, width: Double) -> SVGCanvas {
            GroupedBarChart(groups: labels, series: names, values: values, seeds: several ? seeds : [], yLabel: yLabel, width: width).draw()
        }
        let mean = several ? "mean " : ""
        return ChartFigure(
            id: "\(id)-per-label",
            caption: "Recall (top) and F1 (bottom) per label and run on the test set."
                + (several ? " Bars are the mean over seeds (the tables' numbers); each marker on a bar is one seed." : ""),
            altText: "Grouped bar charts of per-label \(mean)recall and F1. " + alt.joined(separator: "; ") + ".",
            svgs: [chart(recallMeans, recallSeeds, "\(mean)recall", width: 640), chart(f1Means, f1Seeds, "\(mean)F1", width: 640)],
            data: HTMLTable(caption: nil, header: ["label", "run", "\(mean)recall", "\(mean)F1"]
                                + (several ? ["recall per seed", "F1 per seed"] : []), rows: rows),
            narrowSVGs: [chart(recallMeans, recallSeeds, "\(mean)recall", width: 340), chart(f1Means, f1Seeds, "\(mean)F1", width: 340)])
    }

    /// Precision–recall curves, one small panel per label, one line per run, drawn as
    /// the steps they are, so the area under a line is its average precision.
    func precisionRecall() -> ChartFigure? {
        let done = finished
        guard !done.isEmpty else { return nil }
        // Min–max bands of more than two runs stack into a grey blur: then only lines.
        let banded = done.filter { aggregate($0.index) != nil }.count <= 2
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
                                        band: banded ? band.recall.indices.map { (band.recall[$0], band.precisionMin[$0], band.precisionMax[$0]) } : [],
                                        stepsFrom: 0))
                    for i in band.recall.indices where i % 10 == 9 {
                        rows.append([.text(label), .text("\(entry.run.name) (mean, min–max over seeds)"),
                                     .text("\(Markup.number(band.recall[i] - 0.01, digits: 2))–\(Markup.number(band.recall[i], digits: 2))"),
                                     HTMLTable.Cell(text: "\(Markup.number(band.precisionMean[i])) (\(Markup.number(band.precisionMin[i]))–\(Markup.number(band.precisionMax[i])))", numeric: true)])
                    }
                    let ap = aggregate(entry.index)?.label(label)?.values["averagePrecision"]
                    apText.append("\(entry.run.name) mean AP \(Markup.number(ap?.mean ?? .nan))")
                    continue
                }
                guard let curve = entry.metrics.precisionRecallCurves.first(where: { $0.label == label }) else { continue }
                series.append(.init(name: entry.run.name, points: zip(curve.recall, curve.precision).map { ($0, $1) },
                                    markers: false, style: entry.index, stepsFrom: 0))
                var previous = 0.0
                for (r, p) in zip(curve.recall, curve.precision) {
                    rows.append([.text(label), .text(entry.run.name),
                                 .text("\(Markup.number(previous))–\(Markup.number(r))"), .number(p)])
                    previous = r
                }
                apText.append("\(entry.run.name) AP \(Markup.number(entry.run.labelMetrics(label)?.values["averagePrecision"] ?? .nan))")
            }
            alt.append("\(label): " + apText.joined(separator: ", "))
            // One legend, under the first panel: the runs are the same in every panel.
            panels.append(LineChart(series: series, xLabel: "recall", yLabel: "precision", xDomain: (0, 1), yDomain: (0, 1),
                                    width: 320, height: 260, title: label, legend: panels.isEmpty ? nil : []).draw())
        }
        let several = aggregates.contains { $0 != nil }
        let spread = !several ? "" : banded
            ? " Runs with several seeds: the line is the mean over seeds (its area is their mean AP), the band spans min to max, cell by cell."
            : " Each line is the mean over seeds (its area is their mean AP); the min–max over seeds is in the data table, not drawn, as the bands of more than two runs would hide each other."
        return ChartFigure(
            id: "\(id)-pr",
            caption: "Precision–recall curves per label on the test set, drawn as steps: the area under a line is the average precision "
                + "(higher and further right is better)." + spread,
            altText: "Precision–recall curves, one panel per label. " + alt.joined(separator: "; ") + ".",
            svgs: panels,
            data: HTMLTable(caption: nil, header: ["label", "run", "recall", "precision"], rows: rows),
            panels: true, panelAltTexts: alt.map { "Precision–recall curves of " + $0 })
    }

    /// Observed frequency against mean predicted probability per bin; the diagonal is
    /// perfect calibration. With seeds, each run's bins are pooled over its seeds' test
    /// sets (counts added, means weighted by count), and every seed's ECE is listed.
    func reliability() -> ChartFigure? {
        let done = finished.filter { !$0.metrics.reliability.isEmpty }
        guard !done.isEmpty else { return nil }
        var rows: [[HTMLTable.Cell]] = []
        var ece: [String] = []
        var seedCount = 1
        let series = done.map { entry -> LineChart.Series in
            let seeds = (entry.index < seedResults.count ? seedResults[entry.index] : []).compactMap { $0.metrics }
            let measured = seeds.isEmpty ? [entry.metrics] : seeds
            seedCount = max(seedCount, measured.count)
            let bins = Self.pooled(measured.map { $0.reliability }).filter { $0.count > 0 }
            for b in bins {
                rows.append([.text(entry.run.name), HTMLTable.Cell(text: "\(Markup.number(b.lower, digits: 2))–\(Markup.number(b.upper, digits: 2))"),
                             .number(b.meanConfidence), .number(b.observedFrequency), HTMLTable.Cell(text: String(b.count), numeric: true)])
            }
            let values = measured.map { $0.values["expectedCalibrationError"] ?? .nan }
            ece.append(values.count == 1 ? "\(entry.run.name) ECE \(Markup.number(values[0]))"
                       : "\(entry.run.name) ECE mean \(Markup.number(values.reduce(0, +) / Double(values.count))) (seeds "
                         + values.map { Markup.number($0) }.joined(separator: ", ") + ")")
            return .init(name: entry.run.name, points: bins.map { ($0.meanConfidence, $0.observedFrequency) }, style: entry.index)
        }
        func chart(_ width: Double) -> LineChart {
            LineChart(series: series, xLabel: "mean predicted probability", yLabel: "observed frequency",
                      xDomain: (0, 1), yDomain: (0, 1), diagonal: true, width: width)
        }
        let pooled = seedCount > 1 ? " Each run's bins pool its \(seedCount) seeds' test sets. ECE per run: " + ece.joined(separator: "; ") + "." : ""
        return ChartFigure(
            id: "\(id)-reliability",
            caption: "Reliability: share of true labels against mean predicted probability, per probability bin (dotted diagonal: perfectly calibrated)." + pooled,
            altText: "Reliability chart over all labels. Expected calibration error: " + ece.joined(separator: ", ") + ".",
            svgs: [chart(640).draw()],
            data: HTMLTable(caption: nil, header: ["run", "bin", "mean probability", "observed frequency", "pairs"], rows: rows),
            narrowSVGs: [chart(340).draw()])
    }

    /// The same bins of several test sets as one: counts added, means weighted by count.
    static func pooled(_ sets: [[ReliabilityBin]]) -> [ReliabilityBin] {
        guard let first = sets.first else { return [] }
        return first.indices.map { i in
            let bins = sets.compactMap { i < $0.count ? $0[i] : nil }
            let n = bins.reduce(0) { $0 + $1.count }
            func weighted(_ key: (ReliabilityBin) -> Double) -> Double {
                n == 0 ? 0 : bins.reduce(0.0) { $0 + Double($1.count) * key($1) } / Double(n)
            }
            return ReliabilityBin(lower: first[i].lower, upper: first[i].upper, meanConfidence: weighted { $0.meanConfidence },
                                  observedFrequency: weighted { $0.observedFrequency }, count: n)
        }
    }
}
