/// The legend under a plot: entries flow left to right and wrap to new rows,
/// each as wide as its text needs, so no name is cut while a row has room for it.
/// Only a name longer than a whole row is shortened (the data table keeps it whole).
struct ChartLegend {
    struct Entry {
        var name: String
        /// Palette index (colour and marker); nil draws a neutral sample line.
        var style: Int?
        var dash: String
        var marker = true
        /// A filled swatch (bars) instead of a sample line.
        var bar = false
    }

    /// One placed entry: its sample line starts at `x`, its text baseline sits at `y + 4`.
    struct Placed {
        var entry: Entry
        var x: Double
        var y: Double
        var text: String
        /// The box the entry occupies (sample line and text).
        var width: Double
    }

    var entries: [Entry]
    var fontSize = 11.0

    static let rowHeight = 18.0
    static let sampleWidth = 30.0
    static let gap = 14.0

    /// A generous estimate of the drawn width of `text` (0.62 em per character,
    /// wider than the sans-serif faces' average), so the real text fits in the box.
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.62 }

    /// Places the entries in rows inside `width`, starting at (`x`, `y`).
    func layout(x: Double, y: Double, width: Double) -> [Placed] {
        var placed: [Placed] = []
        var cx = x, row = 0
        for entry in entries {
            var text = entry.name
            let room = width - Self.sampleWidth
            if Self.textWidth(text, size: fontSize) > room {
                text = Self.shorten(text, toWidth: room, size: fontSize)
            }
            let w = Self.sampleWidth + Self.textWidth(text, size: fontSize)
            if cx > x, cx + w > x + width {
                row += 1
                cx = x
            }
            placed.append(Placed(entry: entry, x: cx, y: y + Double(row) * Self.rowHeight, text: text, width: w))
            cx += w + Self.gap
        }
        return placed
    }

    /// Height of the rows `layout` fills.
    func height(width: Double) -> Double {
        let rows = Set(layout(x: 0, y: 0, width: width).map { $0.y }).count
        return Double(rows) * Self.rowHeight
    }

    func draw(on canvas: inout SVGCanvas, x: Double, y: Double, width: Double) {
        for p in layout(x: x, y: y, width: width) {
            let e = p.entry
            canvas.openGroup(className: "legend-entry")
            let color = e.style.map(Palette.color) ?? "currentColor"
            if e.bar {
                canvas.rect(p.x + 2, p.y - 6, 20, 12, fill: color, series: e.style)
            } else {
                canvas.line(p.x, p.y, p.x + 24, p.y, stroke: color, dash: e.dash, width: 2.5, series: e.style)
            }
            if e.marker, let style = e.style { canvas.marker(p.x + 12, p.y, series: style, fill: Palette.color(style)) }
            canvas.text(p.x + Self.sampleWidth, p.y + 4, p.text, size: fontSize)
            canvas.closeGroup()
        }
    }

    /// The longest prefix (plus "…") that fits in `width`.
    static func shorten(_ name: String, toWidth width: Double, size: Double) -> String {
        let count = max(1, Int(width / (size * 0.62)))
        return shorten(name, to: count)
    }

    /// Long names are cut in the drawing only; the data table keeps them whole.
    static func shorten(_ name: String, to length: Int) -> String {
        name.count <= length ? name : String(name.prefix(max(1, length - 1))) + "…"
    }
}
