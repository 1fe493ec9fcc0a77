import Experiments

/// A sweep's results after its block: one chart of the chosen metrics against
/// the swept value (one line per run and metric: the mean over seeds, with a
/// min–max band when there are several), and the numbers behind it.
struct SweepSection {
    var sweep: SweepOutcome
    /// Unique on the page (e.g. "sweep-1").
    var id: String

    /// One plotted line: a run's metric at every value.
    struct Line {
        var name: String
        /// Per value: mean, min, max and the per-seed values.
        var points: [(x: Double, summary: Summary?)]
    }

    /// The x position of each value: the value itself when every value is a number, else its place.
    var positions: [Double] {
        let numbers = sweep.numericValues
        return numbers.allSatisfy(\.isFinite) ? numbers : sweep.values.indices.map { Double($0 + 1) }
    }

    var lines: [Line] {
        var out: [Line] = []
        for (r, run) in sweep.runNames.enumerated() {
            for metric in sweep.metrics {
                let points = zip(positions, sweep.points).map { x, runs -> (x: Double, summary: Summary?) in
                    guard r < runs.count else { return (x, nil) }
                    return (x, Summary(runs[r].results.map { metric.read($0) }))
                }
                out.append(Line(name: sweep.runNames.count == 1 ? metric.title : "\(run): \(metric.title)", points: points))
            }
        }
        return out
    }

    func html(numbering: inout PageNumbering) -> String {
        let lines = self.lines
        let series = lines.enumerated().map { i, line in
            LineChart.Series(name: line.name, points: line.points.map { ($0.x, $0.summary?.mean ?? .nan) }, style: i,
                             band: line.points.compactMap { p in p.summary.flatMap { $0.values.count > 1 ? (p.x, $0.min, $0.max) : nil } })
        }
        let numeric = sweep.numericValues.allSatisfy(\.isFinite)
        let xLabel = numeric ? sweep.parameter : "\(sweep.parameter) (value number; see the table)"
        func chart(_ width: Double) -> SVGCanvas {
            LineChart(series: series, xLabel: xLabel, yLabel: "test metric", yDomain: (0, 1), width: width).draw()
        }
        var rows: [[HTMLTable.Cell]] = []
        var alt: [String] = []
        for line in lines {
            for (v, p) in line.points.enumerated() {
                let s = p.summary
                rows.append([.text(sweep.values[v]), .text(line.name), .number(s?.mean ?? .nan), .number(s?.sd ?? .nan),
                             .number(s?.min ?? .nan), .number(s?.max ?? .nan),
                             HTMLTable.Cell(text: String(s?.values.count ?? 0), numeric: true)])
            }
            alt.append("\(line.name): " + zip(sweep.values, line.points).map { "\($0) → \(Markup.number($1.summary?.mean ?? .nan))" }
                .joined(separator: ", "))
        }
        let seeds = lines.contains { $0.points.contains { ($0.summary?.values.count ?? 0) > 1 } }
        var figure = ChartFigure(
            id: "\(id)-chart",
            caption: "Test metrics against \(sweep.parameter), one line per run and metric"
                + (seeds ? " (the mean over seeds; the band spans min to max)." : "."),
            altText: "Line chart of test metrics against \(sweep.parameter). " + alt.joined(separator: "; ") + ".",
            svgs: [chart(640)],
            data: HTMLTable(caption: nil, header: [sweep.parameter, "run: metric", "mean", "sd", "min", "max", "seeds"], rows: rows),
            narrowSVGs: [chart(360)])
        figure.number = numbering.nextFigure()
        return "<section class=\"results sweep\" id=\"\(Markup.escape(id))\"><h3>Sweep: \(Markup.escape(sweep.title))</h3>"
            + figure.html() + "</section>"
    }
}
