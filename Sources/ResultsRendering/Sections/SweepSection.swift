import Experiments
import PortableMath

/// What the page shows after a `Sweep(...)`: one figure of the chosen metrics
/// against the swept value, a small panel per metric so no two metrics' bands overlap
/// (the mean over the seeds, with a min–max band when there are several), and the
/// numbers behind it as a table. A positive sweep spanning a factor of four or more
/// is drawn on a log axis labelled with the values.
struct SweepSection {
    var sweep: SweepOutcome
    /// Unique on the page (e.g. "sweep-1").
    var id: String

    /// One metric of one run at each value: a summary over its seeds.
    private func summaries(_ metric: SweepMetric, run r: Int) -> [Summary?] {
        sweep.points.map { point in
            guard r < point.count else { return nil }
            return Summary(point[r].results.map { metric.read($0) })
        }
    }

    private var seedCount: Int { sweep.points.first?.first?.results.count ?? 1 }

    func html() -> String {
        var numbering = PageNumbering()
        return html(numbering: &numbering)
    }

    /// The section, its figure numbered in page order.
    func html(numbering: inout PageNumbering) -> String {
        var out = "<section class=\"results sweep\" id=\"\(Markup.escape(id))\"><h3>Sweep: \(Markup.escape(sweep.title))</h3>"
        let seeds = seedCount
        out += "<p class=\"note\">\(Markup.escape(sweep.runNames.joined(separator: ", "))) rerun with <code>"
            + "\(Markup.escape(sweep.parameter))</code> set to each of \(sweep.values.count) values"
            + (seeds > 1 ? ", \(seeds) seeds each (line: mean; band: min to max over the seeds)." : ".") + "</p>"
        var chart = figure()
        chart.number = numbering.nextFigure(id: chart.id)
        out += chart.html()
        return out + "</section>"
    }

    func figure() -> ChartFigure {
        let xs = sweep.numericValues
        let logAxis = xs.allSatisfy { $0 > 0 } && (xs.max() ?? 1) / (xs.min() ?? 1) >= 4
        let position = { (v: Double) in logAxis ? Math.log2(v) : v }
        let axis = sweep.axisLabel.isEmpty ? sweep.parameter : sweep.axisLabel
        let several = sweep.runNames.count > 1
        var series: [LineChart.Series] = []
        var panelSeries = Array(repeating: [LineChart.Series](), count: sweep.metrics.count)
        var alt: [String] = []
        var header = [sweep.parameter]
        var columns: [[Summary?]] = []
        for (r, run) in sweep.runNames.enumerated() {
            for (m, metric) in sweep.metrics.enumerated() {
                let values = summaries(metric, run: r)
                let name = several ? "\(run): \(metric.title)" : metric.title
                let points = zip(xs, values).compactMap { x, s in s.map { (x: position(x), y: $0.mean) } }
                let band = seedCount > 1 ? zip(xs, values).compactMap { x, s in s.map { (x: position(x), low: $0.min, high: $0.max) } } : []
                series.append(.init(name: name, points: points, style: series.count, band: band))
                // In its metric's panel a run keeps its own style when runs are compared, else the metric's.
                panelSeries[m].append(.init(name: several ? run : metric.title, points: points,
                                            style: several ? r : series.count - 1, band: band))
                header.append(name)
                columns.append(values)
                let spelled = zip(sweep.values, values).map { v, s in "\(v): \(Markup.number(s?.mean ?? .nan))" }
                alt.append("\(name) — " + spelled.joined(separator: ", "))
            }
        }
        let rows: [[HTMLTable.Cell]] = sweep.values.indices.map { i in
            [HTMLTable.Cell(text: sweep.values[i], numeric: true)] + columns.map { column in
                guard let s = column[i] else { return .text("–") }
                let text = seedCount > 1 ? Markup.number(s.mean) + " ± " + Markup.number(s.sd) : Markup.number(s.mean)
                return HTMLTable.Cell(text: text, numeric: true)
            }
        }
        func chart(_ m: Int, _ width: Double) -> LineChart {
            // Padded on both sides, so the first and last points sit clear of the axes.
            let low = xs.map(position).min() ?? 0, high = xs.map(position).max() ?? 1
            let pad = max((high - low) * 0.05, 1e-9)
            // Scores keep their 0–1 axis; a loss or a time is fitted.
            let ys = panelSeries[m].flatMap { s in s.points.map { $0.y } + s.band.map { $0.high } }
            var chart = LineChart(series: panelSeries[m], xLabel: axis + (logAxis ? " (log scale)" : ""),
                                  yLabel: sweep.metrics[m].title, xDomain: (low - pad, high + pad),
                                  yDomain: ys.allSatisfy { $0 <= 1 } ? (0, 1) : nil, width: width)
            if logAxis { chart.xTickLabels = zip(xs, sweep.values).map { (Math.log2($0), $1) } }
            return chart
        }
        let panels = sweep.metrics.indices
        return ChartFigure(
            id: "\(id)-chart",
            caption: "\(sweep.metrics.map { $0.title }.joined(separator: ", ")) against \(axis), one panel each"
                + (seedCount > 1 ? " (mean over \(seedCount) seeds; band: min to max)." : "."),
            altText: "Line charts of test metrics against \(axis). " + alt.joined(separator: "; ") + ".",
            svgs: panels.map { chart($0, 320).draw() },
            data: HTMLTable(caption: nil, header: header, rows: rows),
            panels: panels.count > 1,
            narrowSVGs: panels.map { chart($0, 340).draw() },
            panelAltTexts: panels.count > 1 ? panels.map { m in alt.enumerated().filter { $0.offset % sweep.metrics.count == m }
                .map { $0.element }.joined(separator: "; ") } : [])
    }
}
