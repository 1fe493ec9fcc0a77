/// Grouped bars: one group per label, one bar per run (per-label recall, F1).
struct GroupedBarChart {
    /// Group names along the x axis (labels).
    var groups: [String]
    /// Run names, one bar per run in each group.
    var series: [String]
    /// values[series][group]; NaN draws no bar (a diverged run). With seeds, the mean.
    var values: [[Double]]
    /// seeds[series][group]: every seed's value, drawn as the run's marker over its bar; empty: one seed.
    var seeds: [[[Double]]] = []
    var yLabel: String
    var width = 640.0
    var height = 300.0

    var tickSize: Double { width < 400 ? 12.5 : 11 }

    func draw() -> SVGCanvas {
        let entries = series.indices.map { ChartLegend.Entry(name: series[$0], style: $0, dash: "", marker: !seeds.isEmpty, bar: true) }
        let legend = ChartLegend(entries: entries, fontSize: tickSize)
        let left = width < 400 ? 50.0 : 56.0, right = width - 14, top = 16.0
        let groupWidth = (right - left) / Double(max(1, groups.count))
        // Group names go under their group; when the longest does not fit across,
        // every name is set at an angle, and the plot leaves room for it.
        let longest = groups.map { ChartLegend.textWidth($0, size: tickSize) }.max() ?? 0
        let slanted = longest > groupWidth - 4
        let bottom = height - 44
        // Below the axis: the names (straight, or slanted down to 0.71 of their width), then the legend.
        let legendY = slanted ? bottom + 14 + min(longest, 110) * 0.71 + 16 : bottom + 34
        let legendHeight = legend.height(width: width - 16)
        var canvas = SVGCanvas(width: width, height: legendY + max(0, legendHeight - ChartLegend.rowHeight) + 12)
        let y = LinearScale(domain: (0, 1), range: (bottom, top))
        for tick in y.ticks() {
            canvas.line(left, y(tick), right, y(tick), opacity: 0.15)
            canvas.text(left - 6, y(tick) + 4, Markup.number(tick, digits: 1), anchor: .end, size: tickSize)
        }
        canvas.line(left, bottom, right, bottom)
        canvas.line(left, top, left, bottom)
        canvas.text(14, (top + bottom) / 2, yLabel, anchor: .middle, size: tickSize + 1, rotate: true)
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        for (g, group) in groups.enumerated() {
            let gx = left + Double(g) * groupWidth + groupWidth * 0.1
            if slanted {
                let name = ChartLegend.shorten(group, toWidth: 110, size: tickSize)
                canvas.text(gx + groupWidth * 0.4, bottom + 14, name, anchor: .end, size: tickSize, angle: -45)
            } else {
                canvas.text(gx + groupWidth * 0.4, bottom + 17, group, anchor: .middle, size: tickSize)
            }
            for (s, name) in series.enumerated() {
                let value = values[s][g]
                guard value.isFinite else { continue }
                let v = min(max(value, 0), 1)
                let bx = gx + Double(s) * barWidth
                canvas.rect(bx, y(v), barWidth - 1, bottom - y(v), fill: Palette.color(s),
                            title: "\(name), \(group): \(Markup.number(value))\(seeds.isEmpty ? "" : " (mean)")", series: s)
                guard s < seeds.count, g < seeds[s].count else { continue }
                // Seeds over the bar, in the page's text colour ring so they show on any fill.
                for (k, seedValue) in seeds[s][g].enumerated() where seedValue.isFinite {
                    let cx = bx + (barWidth - 1) * (0.25 + 0.5 * Double(k) / Double(max(1, seeds[s][g].count - 1)))
                    canvas.seedDot(cx, y(min(max(seedValue, 0), 1)), series: s)
                }
            }
        }
        legend.draw(on: &canvas, x: 8, y: legendY, width: width - 16)
        return canvas
    }
}
