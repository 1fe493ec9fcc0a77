/// One metric per panel, one row per run: every seed's value as the run's marker and
/// the mean as a tick with its number. With five seeds the points themselves are the
/// honest summary (no band, no bar hiding the spread), and a row per run reads on a phone.
struct SeedStripChart {
    struct Row {
        var run: String
        /// Palette index of the run.
        var style: Int
        var seeds: [Int]
        var values: [Double]

        var mean: Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
    }

    var title: String
    var rows: [Row]
    var width = 640.0

    var tickSize: Double { width < 400 ? 12.5 : 11 }
    static let rowHeight = 38.0

    /// The x domain: [0, 1] for rates, else the values padded.
    var domain: (Double, Double) {
        let all = rows.flatMap { $0.values }.filter { $0.isFinite }
        if all.allSatisfy({ $0 >= 0 && $0 <= 1 }) { return (0, 1) }
        return LineChart.fit(all, includeZero: true)
    }

    func draw() -> SVGCanvas {
        let top = 30.0, left = 12.0, right = width - 14
        let bottom = top + Double(rows.count) * Self.rowHeight
        var canvas = SVGCanvas(width: width, height: bottom + 40)
        canvas.text(width / 2, 18, title, anchor: .middle, size: tickSize + 2)
        let x = LinearScale(domain: domain, range: (left, right))
        let ticks = x.ticks(width < 400 ? 4 : 10)
        for tick in ticks {
            canvas.line(x(tick), top, x(tick), bottom, opacity: 0.15)
            canvas.line(x(tick), bottom, x(tick), bottom + 4)
            canvas.text(x(tick), bottom + 17, Markup.number(tick, digits: LineChart.digits(ticks)), anchor: .middle, size: tickSize)
        }
        canvas.line(left, bottom, right, bottom)
        for (r, row) in rows.enumerated() {
            let y0 = top + Double(r) * Self.rowHeight
            let name = ChartLegend.shorten(row.run, toWidth: (right - left) * 0.62, size: tickSize)
            canvas.text(left, y0 + 12, name, size: tickSize)
            let mean = row.mean
            if mean.isFinite {
                canvas.text(right, y0 + 12, "mean \(Markup.number(mean))", anchor: .end, size: tickSize)
            }
            let yc = y0 + 26
            canvas.line(left, yc, right, yc, opacity: 0.12)
            // Seeds sit on small vertical offsets so equal values stay countable.
            for (k, value) in row.values.enumerated() where value.isFinite {
                let offset = (Double(k % 5) - 2) * 1.6
                canvas.marker(x(value), yc + offset, series: row.style, fill: Palette.color(row.style), size: 1.25)
            }
            if mean.isFinite {
                canvas.line(x(mean), yc - 9, x(mean), yc + 9, width: 2.5)
            }
        }
        return canvas
    }

    /// Dot charts as one figure of panels, each drawn wide and narrow (for phones), with
    /// the numbers behind them: the shape of every seed-by-seed figure on a page.
    static func figure(id: String, caption: String, altText: String, charts: [SeedStripChart], data: HTMLTable) -> ChartFigure {
        ChartFigure(id: id, caption: caption, altText: altText + " " + charts.map { $0.altText }.joined(separator: ". ") + ".",
                    svgs: charts.map { $0.draw() }, data: data, panels: true,
                    narrowSVGs: charts.map { chart in var c = chart; c.width = 340; return c.draw() },
                    panelAltTexts: charts.map { $0.altText })
    }

    /// "ring recall: plain BCE mean 0.330 (seeds 0.475, 0.200, …)".
    var altText: String {
        "\(title): " + rows.map { row in
            "\(row.run) mean \(Markup.number(row.mean)) (seeds " + row.values.map { Markup.number($0) }.joined(separator: ", ") + ")"
        }.joined(separator: "; ")
    }
}
