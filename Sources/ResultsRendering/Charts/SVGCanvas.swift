import PortableMath

/// A tiny SVG writer: elements appended in order, every text escaped, every
/// coordinate spelled by `Markup.coordinate`, so the same data gives the same bytes.
/// Neutral strokes and text use `currentColor`, which follows the page's text
/// colour in light and dark mode.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var body = MarkupBuffer()

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                       stroke: String = "currentColor", opacity: Double = 1, dash: String = "", width: Double = 1,
                       series: Int? = nil) {
        body += "<line"
        seriesAttribute(series)
        body += " x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\""
        attributes(opacity: opacity, dash: dash, width: width)
        body += "/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, dash: String = "", width: Double = 2,
                           series: Int? = nil) {
        guard !points.isEmpty else { return }
        // `line` keeps the stylesheet's series fill off the polyline.
        body += "<polyline"
        if let series { body += " class=\"line \(Palette.seriesClass(series))\"" }
        body += " points=\""
        pointList(points)
        body += "\" fill=\"none\" stroke=\"\(stroke)\""
        attributes(opacity: 1, dash: dash, width: width)
        body += " stroke-linejoin=\"round\"/>"
    }

    /// A filled, outline-free polygon (a seed band), translucent so lines stay visible.
    mutating func area(_ points: [(Double, Double)], fill: String, series: Int? = nil) {
        guard points.count > 2 else { return }
        body += "<polygon"
        if let series { body += " class=\"band \(Palette.seriesClass(series))\"" }
        body += " points=\""
        pointList(points)
        body += "\" fill=\"\(fill)\" fill-opacity=\"0.18\" stroke=\"none\"/>"
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, title: String? = nil,
                       series: Int? = nil) {
        body += "<rect"
        seriesAttribute(series)
        body += " x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(0, w)))\" height=\"\(c(max(0, h)))\" fill=\"\(fill)\""
        if let title { body += "><title>\(Markup.escape(title))</title></rect>" } else { body += "/>" }
    }

    /// The series' marker shape (`Palette.marker`), for colour-free reading; `size` scales it.
    mutating func marker(_ x: Double, _ y: Double, series: Int, fill: String, size: Double = 1) {
        let r = 3 * size, d = 4 * size
        let shape = Palette.marker(series)
        let filled = shape != .plus && shape != .cross && shape != .ring
        body += shape == .circle || shape == .ring ? "<circle" : shape == .square ? "<rect" : "<path"
        if filled { seriesAttribute(series) } else { body += " class=\"hollow \(Palette.seriesClass(series))\"" }
        switch shape {
        case .circle, .ring: body += " cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(r))\""
        case .square: body += " x=\"\(c(x - r))\" y=\"\(c(y - r))\" width=\"\(c(2 * r))\" height=\"\(c(2 * r))\""
        case .diamond: path([(x, y - d), (x + d, y), (x, y + d), (x - d, y)])
        case .triangle: path([(x, y - d), (x + d, y + r), (x - d, y + r)])
        case .triangleDown: path([(x, y + d), (x + d, y - r), (x - d, y - r)])
        case .plus: body += " d=\"M\(c(x - d)) \(c(y))H\(c(x + d))M\(c(x)) \(c(y - d))V\(c(y + d))\""
        case .cross: body += " d=\"M\(c(x - r)) \(c(y - r))L\(c(x + r)) \(c(y + r))M\(c(x - r)) \(c(y + r))L\(c(x + r)) \(c(y - r))\""
        }
        if filled { body += " fill=\"\(fill)\"/>" } else { body += " fill=\"none\" stroke=\"\(fill)\" stroke-width=\"\(c(1.6 * size))\"/>" }
    }

    /// A closed path through `corners`: `d="Mx yLx y…Z"`.
    private mutating func path(_ corners: [(Double, Double)]) {
        body += " d=\""
        for (i, p) in corners.enumerated() { body += "\(i == 0 ? "M" : "L")\(c(p.0)) \(c(p.1))" }
        body += "Z\""
    }

    /// One seed's value on a bar: the series' marker, outlined in the page colour so it
    /// stands out on its own bar's fill.
    mutating func seedDot(_ x: Double, _ y: Double, series: Int) {
        body += "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"4.2\" fill=\"#ffffff\" class=\"seed-halo\"/>"
        marker(x, y, series: series, fill: Palette.color(series))
    }

    /// A `<g>` around the next elements (a legend entry: its parts share one box).
    mutating func openGroup(className: String) { body += "<g class=\"\(className)\">" }
    mutating func closeGroup() { body += "</g>" }

    enum Anchor { case start, middle, end }

    mutating func text(_ x: Double, _ y: Double, _ content: String, anchor: Anchor = .start,
                       size: Double = 12, rotate: Bool = false, angle: Double? = nil) {
        body += "<text x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" text-anchor=\""
        body += anchor == .start ? "start" : anchor == .middle ? "middle" : "end"
        body += "\" fill=\"currentColor\""
        if let degrees = angle ?? (rotate ? -90 : nil) { body += " transform=\"rotate(\(c(degrees)) \(c(x)) \(c(y)))\"" }
        body += ">\(Markup.escape(content))</text>"
    }

    /// The finished `<svg>` element; `titleID` ties the accessible name to the alt text.
    /// `panel`: one of several small charts side by side (two per row, one on a phone,
    /// by the stylesheet's `chart-panel`).
    func svg(title: String, titleID: String, panel: Bool = false) -> String {
        let id = Markup.escape(titleID)
        var out: MarkupBuffer = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" "
        out += "width=\"100%\" role=\"img\" aria-labelledby=\"\(id)\" class=\"chart-svg"
        if panel { out += " chart-panel" }
        out += "\"><title id=\"\(id)\">\(Markup.escape(title))</title>\(body)</svg>"
        return out.text
    }

    private mutating func seriesAttribute(_ series: Int?) {
        if let series { body += " class=\"\(Palette.seriesClass(series))\"" }
    }

    private mutating func pointList(_ points: [(Double, Double)]) {
        for (i, p) in points.enumerated() { body += "\(i == 0 ? "" : " ")\(c(p.0)),\(c(p.1))" }
    }

    private mutating func attributes(opacity: Double, dash: String, width: Double) {
        body += " stroke-width=\"\(c(width))\""
        if opacity < 1 { body += " stroke-opacity=\"\(Markup.number(opacity, digits: 2))\"" }
        if !dash.isEmpty { body += " stroke-dasharray=\"\(dash)\"" }
    }

    private func c(_ v: Double) -> String { Markup.coordinate(v) }
}

/// 10^e, exact for |e| ≤ 22 (and correctly rounded below 1, as `pow` is).
func pow10(_ e: Int) -> Double {
    var v = 1.0
    for _ in 0..<abs(e) { v *= 10 }
    return e < 0 ? 1 / v : v
}

/// log10 from the project's own `log` (no libm): exact at powers of ten, within
/// about an ulp elsewhere; only chart positions read it.
func log10(_ x: Double) -> Double {
    for e in -22...22 where pow10(e) == x { return Double(e) }
    return Math.log(x) / 2.302585092994046
}

/// Maps a data interval onto a pixel interval (y grows downward in SVG).
struct LinearScale {
    var domain: (Double, Double)
    var range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        let t = span == 0 ? 0.5 : (value - domain.0) / span
        return range.0 + t * (range.1 - range.0)
    }

    /// About `count` round tick values inside the domain.
    func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.1 - domain.0
        guard span > 0, span.isFinite else { return [domain.0] }
        let raw = span / Double(max(1, count))
        // Steps are 1, 2 or 5 times a power of ten; ticks are integer multiples of
        // the step computed by one division, so 0.6 is 0.6 and not 0.6000000000000001.
        var exponent = 0
        while pow10(exponent + 1) <= raw { exponent += 1 }
        while pow10(exponent) > raw { exponent -= 1 }
        let multiple = [1, 2, 5, 10].first { Double($0) * pow10(exponent) >= raw } ?? 10
        func value(_ k: Int) -> Double {
            exponent < 0 ? Double(k * multiple) / pow10(-exponent) : Double(k * multiple) * pow10(exponent)
        }
        let step = value(1)
        var k = Int((domain.0 / step).rounded(.up))
        var ticks: [Double] = []
        while value(k) <= domain.1 + step * 1e-9 {
            ticks.append(value(k) == 0 ? 0 : value(k))
            k += 1
        }
        return ticks
    }
}
