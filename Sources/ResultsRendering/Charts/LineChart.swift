/// Lines over a numeric x axis: loss per epoch, precision–recall curves,
/// reliability curves. One series per run; colours, dashes and markers by index.
struct LineChart {
    struct Series {
        var name: String
        var points: [(x: Double, y: Double)]
        /// Draw a marker at every point (sparse series such as epochs or bins).
        var markers = true
        /// Palette index (keeps a run's colour the same in every chart).
        var style: Int
        /// The dash pattern; nil: the run's own (`Palette.dash`).
        var dash: String? = nil
        /// A shaded band (min–max over seeds) drawn under the line, as (x, low, high).
        var band: [(x: Double, low: Double, high: Double)] = []
        /// Draw as steps (a precision–recall curve): each y holds on (previous x, x],
        /// the first from this x; nil joins the points with straight lines.
        var stepsFrom: Double? = nil

        var strokeDash: String { dash ?? Palette.dash(style) }

        /// The points as drawn: with steps, two corners per point.
        var drawnPoints: [(x: Double, y: Double)] { Self.stepped(points, from: stepsFrom) }
        var drawnBand: [(x: Double, low: Double, high: Double)] {
            guard let start = stepsFrom else { return band }
            var previous = start
            var out: [(x: Double, low: Double, high: Double)] = []
            for b in band {
                out.append((previous, b.low, b.high))
                out.append((b.x, b.low, b.high))
                previous = b.x
            }
            return out
        }

        static func stepped(_ points: [(x: Double, y: Double)], from start: Double?) -> [(x: Double, y: Double)] {
            guard var previous = start else { return points }
            var out: [(x: Double, y: Double)] = []
            for p in points {
                // A step at the height of the one before only extends it: one corner fewer, same line.
                if let last = out.last, last.y == p.y, out.count >= 2 {
                    out[out.count - 1].x = p.x
                } else {
                    out.append((previous, p.y))
                    out.append((p.x, p.y))
                }
                previous = p.x
            }
            return out
        }
    }

    var series: [Series]
    var xLabel: String
    var yLabel: String
    /// Fixed axis domains; nil = fit the data.
    var xDomain: (Double, Double)? = nil
    var yDomain: (Double, Double)? = nil
    /// Draw y = x (reliability charts: perfect calibration).
    var diagonal = false
    var width = 640.0
    var height = 300.0
    var title: String? = nil
    /// Legend entries; nil: one per series, drawn as the series is.
    var legend: [ChartLegend.Entry]? = nil
    /// Tick positions with their labels (a log axis labelled with the values); nil = round numbers.
    var xTickLabels: [(x: Double, label: String)]? = nil
    /// The same for the y axis (a log axis: y values are log10 of the data).
    var yTickLabels: [(y: Double, label: String)]? = nil

    /// Text sizes in viewBox units: narrow charts are drawn for phones, where they
    /// are shown near their own size, so their text is set larger.
    var tickSize: Double { width < 400 ? 12.5 : 11 }
    var labelSize: Double { width < 400 ? 13 : 12 }

    func draw() -> SVGCanvas {
        let entries = legend ?? series.map { ChartLegend.Entry(name: $0.name, style: $0.style, dash: $0.strokeDash, marker: $0.markers) }
        let legendBox = ChartLegend(entries: entries, fontSize: tickSize)
        let legendWidth = width - 16
        var canvas = SVGCanvas(width: width, height: height + 8 + max(0, legendBox.height(width: legendWidth) - ChartLegend.rowHeight) + 12)
        let left = width < 400 ? 50.0 : 56.0, right = width - 14, top = title == nil ? 16.0 : 30, bottom = height - 44
        let finite = series.flatMap { s in s.drawnPoints + s.drawnBand.flatMap { [($0.x, $0.low), ($0.x, $0.high)] } }
            .filter { $0.x.isFinite && $0.y.isFinite }
        let xs = xDomain ?? Self.fit(finite.map { $0.x })
        let ys = yDomain ?? Self.fit(finite.map { $0.y }, includeZero: true)
        let x = LinearScale(domain: xs, range: (left, right))
        let y = LinearScale(domain: ys, range: (bottom, top))

        if let title { canvas.text(width / 2, 18, title, anchor: .middle, size: labelSize + 1) }
        let yTicks = y.ticks(), xTicks = x.ticks(width < 400 ? 4 : 6)
        for (tick, label) in yTickLabels ?? yTicks.map({ ($0, Markup.number($0, digits: Self.digits(yTicks))) }) {
            canvas.line(left, y(tick), right, y(tick), opacity: 0.15)
            canvas.text(left - 6, y(tick) + 4, label, anchor: .end, size: tickSize)
        }
        for (tick, label) in xTickLabels ?? xTicks.map({ ($0, Markup.number($0, digits: Self.digits(xTicks))) }) {
            canvas.line(x(tick), bottom, x(tick), bottom + 4)
            canvas.text(x(tick), bottom + 17, label, anchor: .middle, size: tickSize)
        }
        canvas.line(left, bottom, right, bottom)
        canvas.line(left, top, left, bottom)
        canvas.text((left + right) / 2, bottom + 35, xLabel, anchor: .middle, size: labelSize)
        canvas.text(14, (top + bottom) / 2, yLabel, anchor: .middle, size: labelSize, rotate: true)
        if diagonal {
            canvas.line(x(xs.0), y(ys.0), x(xs.1), y(ys.1), opacity: 0.5, dash: "3 3")
        }
        for s in series where !s.band.isEmpty {
            let band = s.drawnBand.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
            canvas.area(band.map { (x($0.x), y($0.high)) } + band.reversed().map { (x($0.x), y($0.low)) },
                        fill: Palette.color(s.style), series: s.style)
        }
        for s in series {
            let points = s.points.filter { $0.x.isFinite && $0.y.isFinite }.map { (x($0.x), y($0.y)) }
            let drawn = s.drawnPoints.filter { $0.x.isFinite && $0.y.isFinite }.map { (x($0.x), y($0.y)) }
            canvas.polyline(drawn, stroke: Palette.color(s.style), dash: s.strokeDash, series: s.style)
            if s.markers { for p in points { canvas.marker(p.0, p.1, series: s.style, fill: Palette.color(s.style)) } }
        }
        legendBox.draw(on: &canvas, x: 8, y: height + 8, width: legendWidth)
        return canvas
    }

    /// A log10 axis for positive values spanning at least `ratio`: the y domain in log10
    /// units and ticks at 1, 2 and 5 times the powers of ten inside it; nil when the
    /// values are not all positive or span less.
    static func logAxis(_ values: [Double], ratio: Double = 10) -> (domain: (Double, Double), ticks: [(y: Double, label: String)])? {
        let finite = values.filter { $0.isFinite }
        guard let low = finite.min(), let high = finite.max(), low > 0, high / low >= ratio else { return nil }
        let domain = (log10(low) - 0.05, log10(high) + 0.05)
        var ticks: [(y: Double, label: String)] = []
        for exponent in Int(domain.0.rounded(.down))...Int(domain.1.rounded(.up)) {
            for m in [1.0, 2, 5] {
                let value = m * pow10(exponent), t = log10(value)
                guard t >= domain.0, t <= domain.1 else { continue }
                let digits = max(0, -exponent)
                ticks.append((t, Markup.number(value, digits: digits)))
            }
        }
        return (domain, ticks)
    }

    /// A padded domain around the values.
    static func fit(_ values: [Double], includeZero: Bool = false) -> (Double, Double) {
        guard var low = values.min(), var high = values.max() else { return (0, 1) }
        if includeZero { low = min(low, 0) }
        if high == low { high = low + 1 }
        return (low, high + (high - low) * 0.05)
    }

    /// The fewest decimals (up to 3) that spell every tick exactly.
    static func digits(_ ticks: [Double]) -> Int {
        (0...3).first { d in
            var scale = 1.0
            for _ in 0..<d { scale *= 10 }
            return ticks.allSatisfy { abs($0 * scale - ($0 * scale).rounded()) < 1e-6 }
        } ?? 3
    }
}
