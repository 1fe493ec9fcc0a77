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
        var dashed = false
        /// A shaded min–max band under the line (a run over several seeds).
        var band: [(x: Double, low: Double, high: Double)] = []
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
    var legend: [String]? = nil
    /// Tick positions with their labels (a log axis labelled with the values); nil = round numbers.
    var xTickLabels: [(x: Double, label: String)]? = nil

    func draw() -> SVGCanvas {
        let legendNames = legend ?? series.map(\.name)
        let legendRows = Double((legendNames.count + 3) / 4)
        var canvas = SVGCanvas(width: width, height: height + legendRows * 18 + 8)
        let left = 56.0, right = width - 16, top = title == nil ? 16.0 : 30, bottom = height - 44
        let finite = (series.flatMap(\.points) + series.flatMap { $0.band.flatMap { [($0.x, $0.low), ($0.x, $0.high)] } })
            .filter { $0.x.isFinite && $0.y.isFinite }
        let xs = xDomain ?? Self.fit(finite.map(\.x))
        let ys = yDomain ?? Self.fit(finite.map(\.y), includeZero: true)
        let x = LinearScale(domain: xs, range: (left, right))
        let y = LinearScale(domain: ys, range: (bottom, top))

        if let title { canvas.text(width / 2, 18, title, anchor: .middle, size: 13) }
        let yTicks = y.ticks(), xTicks = x.ticks(6)
        for tick in yTicks {
            canvas.line(left, y(tick), right, y(tick), opacity: 0.15)
            canvas.text(left - 6, y(tick) + 4, Markup.number(tick, digits: Self.digits(yTicks)), anchor: .end, size: 11)
        }
        for (tick, label) in xTickLabels ?? xTicks.map({ ($0, Markup.number($0, digits: Self.digits(xTicks))) }) {
            canvas.line(x(tick), bottom, x(tick), bottom + 4)
            canvas.text(x(tick), bottom + 17, label, anchor: .middle, size: 11)
        }
        canvas.line(left, bottom, right, bottom)
        canvas.line(left, top, left, bottom)
        canvas.text((left + right) / 2, bottom + 34, xLabel, anchor: .middle)
        canvas.text(14, (top + bottom) / 2, yLabel, anchor: .middle, rotate: true)
        if diagonal {
            canvas.line(x(xs.0), y(ys.0), x(xs.1), y(ys.1), opacity: 0.5, dash: "3 3")
        }
        for s in series where !s.band.isEmpty {
            let band = s.band.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
            canvas.area(band.map { (x($0.x), y($0.high)) } + band.reversed().map { (x($0.x), y($0.low)) },
                        fill: Palette.color(s.style), series: s.style)
        }
        for s in series {
            let points = s.points.filter { $0.x.isFinite && $0.y.isFinite }.map { (x($0.x), y($0.y)) }
            canvas.polyline(points, stroke: Palette.color(s.style), dash: s.dashed ? "5 4" : Palette.dash(s.style), series: s.style)
            if s.markers { for p in points { canvas.marker(p.0, p.1, series: s.style, fill: Palette.color(s.style)) } }
        }
        ChartLegend(names: legendNames).draw(on: &canvas, x: left, y: height + 4, width: right - left)
        return canvas
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
