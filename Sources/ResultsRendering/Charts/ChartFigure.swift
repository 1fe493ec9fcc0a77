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
        var out = "<figure class=\"chart\" id=\"\(Markup.escape(id))\">"
        if narrowSVGs.isEmpty {
            out += drawings(svgs, suffix: "")
        } else {
            out += "<div class=\"chart-wide\">" + drawings(svgs, suffix: "") + "</div>"
            out += "<div class=\"chart-narrow\">" + drawings(narrowSVGs, suffix: "-narrow") + "</div>"
        }
        let number = self.number.map { "<span class=\"figure-label\">Figure \($0).</span> " } ?? ""
        out += "<figcaption>\(number)\(Markup.escape(caption))</figcaption></figure>"
        // A long table (curve points) stays folded in print; results.json has every number.
        let long = data.rows.count > Self.printedRows
        out += "<details class=\"numbers\(long ? " long" : "")\"><summary>Data behind \(Markup.escape(label.lowercased() == "figure" ? "the chart" : label))"
        out += long ? " (\(data.rows.count) rows)</summary>" : "</summary>"
        var table = data
        let figureName: String = self.number.map { "Figure \($0)" } ?? "the chart \(id)"
        table.regionLabel = "Data behind " + figureName
        return out + table.html() + "</details>"
    }

    private func drawings(_ list: [SVGCanvas], suffix: String) -> String {
        list.enumerated().map { index, svg in
            let titleID = list.count == 1 ? "\(id)-title\(suffix)" : "\(id)-title-\(index + 1)\(suffix)"
            let title = index < panelAltTexts.count && list.count == panelAltTexts.count
                ? panelAltTexts[index] + " (panel \(index + 1) of \(list.count))"
                : list.count == 1 ? altText : altText + " (panel \(index + 1) of \(list.count))"
            return svg.svg(title: title, titleID: titleID, panel: panels)
        }.joined()
    }
}
