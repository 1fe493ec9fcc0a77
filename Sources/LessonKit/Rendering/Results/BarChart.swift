/// Grouped bars: one group per label, one bar per run (per-label recall, F1).
struct GroupedBarChart {
    /// Group names along the x axis (labels).
    var groups: [String]
    /// Run names, one bar per run in each group.
    var series: [String]
    /// values[series][group]; NaN draws no bar (a diverged run).
    var values: [[Double]]
    var yLabel: String
    var width = 640.0
    var height = 300.0

    func draw() -> SVGCanvas {
        let legendRows = Double((series.count + 3) / 4)
        var canvas = SVGCanvas(width: width, height: height + legendRows * 18 + 8)
        let left = 56.0, right = width - 16, top = 16.0, bottom = height - 44
        let y = LinearScale(domain: (0, 1), range: (bottom, top))
        for tick in y.ticks() {
            canvas.line(left, y(tick), right, y(tick), opacity: 0.15)
            canvas.text(left - 6, y(tick) + 4, Markup.number(tick, digits: 1), anchor: .end, size: 11)
        }
        canvas.line(left, bottom, right, bottom)
        canvas.line(left, top, left, bottom)
        canvas.text(14, (top + bottom) / 2, yLabel, anchor: .middle, rotate: true)
        let groupWidth = (right - left) / Double(max(1, groups.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        for (g, group) in groups.enumerated() {
            let gx = left + Double(g) * groupWidth + groupWidth * 0.1
            canvas.text(gx + groupWidth * 0.4, bottom + 17, ChartLegend.shorten(group, to: 14), anchor: .middle, size: 11)
            for (s, name) in series.enumerated() {
                let value = values[s][g]
                guard value.isFinite else { continue }
                let v = min(max(value, 0), 1)
                canvas.rect(gx + Double(s) * barWidth, y(v), barWidth - 1, bottom - y(v), fill: Palette.color(s),
                            title: "\(name), \(group): \(Markup.number(value))", series: s)
            }
        }
        ChartLegend(names: series).draw(on: &canvas, x: left, y: height + 4, width: right - left)
        return canvas
    }
}
