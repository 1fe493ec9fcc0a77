/// A chart as the page shows it: the SVG (with alt text written from the data as
/// its accessible title), a numbered caption, and right after the figure the very
/// numbers it was drawn from in a collapsed `<details>` table — readable without
/// sight, colour or SVG support.
struct ChartFigure {
    /// Unique within the page; also the prefix of ids inside.
    var id: String
    var caption: String
    var altText: String
    var svgs: [SVGCanvas]
    var data: HTMLTable
    /// Draw the SVGs as small panels side by side (precision–recall per label).
    var panels = false
    /// The same chart drawn narrow for phones (larger text per unit); empty: `svgs` serve every width.
    var narrowSVGs: [SVGCanvas] = []
    /// Each panel's own accessible name (what that panel shows), in `svgs` order and again for
    /// `narrowSVGs`; empty: every panel is named by `altText`.
    var panelAltTexts: [String] = []
    /// "Figure N" on the page; nil: unnumbered.
    var number: String? = nil

    var label: String { number.map { "Figure \($0)" } ?? "Figure" }

    /// Data tables up to this many rows are printed open.
    static let printedRows = 60

    func html() -> String {
        var out: MarkupBuffer = "<figure class=\"chart\" id=\"\(Markup.escape(id))\">"
        if narrowSVGs.isEmpty {
            drawings(svgs, suffix: "", into: &out)
        } else {
            out += "<div class=\"chart-wide\">"
            drawings(svgs, suffix: "", into: &out)
            out += "</div><div class=\"chart-narrow\">"
            drawings(narrowSVGs, suffix: "-narrow", into: &out)
            out += "</div>"
        }
        out += "<figcaption>"
        if let number { out += "<span class=\"figure-label\">Figure \(number).</span> " }
        out += "\(Markup.escape(caption))</figcaption></figure>"
        // A long table (curve points) stays folded in print; results.json has every number.
        let long = data.rows.count > Self.printedRows
        out += "<details class=\"numbers"
        if long { out += " long" }
        out += "\"><summary>Data behind \(Markup.escape(number == nil ? "the chart" : label))"
        if long { out += " (\(data.rows.count) rows)" }
        out += "</summary>"
        var table = data
        let figureName: String = self.number.map { "Figure \($0)" } ?? "the chart \(id)"
        table.regionLabel = "Data behind " + figureName
        out += "\(table.html())</details>"
        return out.text
    }

    private func drawings(_ list: [SVGCanvas], suffix: String, into out: inout MarkupBuffer) {
        for (index, svg) in list.enumerated() {
            let titleID = list.count == 1 ? "\(id)-title\(suffix)" : "\(id)-title-\(index + 1)\(suffix)"
            let title = index < panelAltTexts.count && list.count == panelAltTexts.count
                ? panelAltTexts[index] + " (panel \(index + 1) of \(list.count))"
                : list.count == 1 ? altText : altText + " (panel \(index + 1) of \(list.count))"
            out += "\(svg.svg(title: title, titleID: titleID, panel: panels))"
        }
    }
}
