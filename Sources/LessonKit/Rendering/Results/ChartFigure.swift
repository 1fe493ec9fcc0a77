/// A chart as the page shows it: the SVG (with alt text written from the data as
/// its accessible title), a caption, and the very numbers it was drawn from in a
/// collapsed `<details>` table — readable without sight, colour or SVG support.
struct ChartFigure {
    /// Unique within the page; also the prefix of ids inside.
    var id: String
    var caption: String
    var altText: String
    var svgs: [SVGCanvas]
    var data: HTMLTable
    /// Draw the SVGs as small panels side by side (precision–recall per label).
    var panels = false

    func html() -> String {
        var out = "<figure class=\"chart\" id=\"\(Markup.escape(id))\">"
        for (index, svg) in svgs.enumerated() {
            let titleID = svgs.count == 1 ? "\(id)-title" : "\(id)-title-\(index + 1)"
            out += svg.svg(title: svgs.count == 1 ? altText : altText + " (panel \(index + 1) of \(svgs.count))",
                           titleID: titleID, panel: panels)
        }
        out += "<figcaption>\(Markup.escape(caption))</figcaption>"
        out += "<details class=\"numbers\"><summary>Data behind the chart</summary>\(data.html())</details>"
        return out + "</figure>"
    }
}

/// A row of legend entries (colour swatch, dash and marker) under a plot.
struct ChartLegend {
    var names: [String]

    /// Draws entries starting at `y`, wrapping to new rows; returns the height used.
    @discardableResult
    func draw(on canvas: inout SVGCanvas, x: Double, y: Double, width: Double) -> Double {
        let entryWidth = 150.0
        let perRow = max(1, Int(width / entryWidth))
        for (index, name) in names.enumerated() {
            let ex = x + Double(index % perRow) * entryWidth
            let ey = y + Double(index / perRow) * 18
            canvas.line(ex, ey, ex + 24, ey, stroke: Palette.color(index), dash: Palette.dash(index), width: 2.5, series: index)
            canvas.marker(ex + 12, ey, series: index, fill: Palette.color(index))
            canvas.text(ex + 30, ey + 4, Self.shorten(name, to: 18), size: 11)
        }
        return Double((names.count + perRow - 1) / perRow) * 18
    }

    /// Long names are cut in the drawing only; the data table keeps them whole.
    static func shorten(_ name: String, to length: Int) -> String {
        name.count <= length ? name : String(name.prefix(length - 1)) + "…"
    }
}
