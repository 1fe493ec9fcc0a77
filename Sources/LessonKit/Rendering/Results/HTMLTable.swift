/// A plain HTML table: escaped header and cells, optional emphasis per cell.
/// It sits in a labelled scroll region that takes keyboard focus, so a table
/// wider than a phone scrolls inside itself and never widens the page.
struct HTMLTable {
    struct Cell {
        var text: String
        var numeric = false
        var emphasised = false
        /// Short note after the value (e.g. "best"); escaped.
        var note: String? = nil
    }

    var caption: String?
    var header: [String]
    var rows: [[Cell]]
    var className = "data"
    /// "Table N" before the caption; nil: unnumbered.
    var number: Int? = nil
    /// The element id (for links to the table).
    var id: String? = nil
    /// The scroll region's accessible name; nil: the number and caption. Unique on a page.
    var regionLabel: String? = nil

    func html() -> String {
        let name = [number.map { "Table \($0)" }, caption].compactMap { $0 }.joined(separator: ": ")
        let region = regionLabel ?? (name.isEmpty ? "Data table" : name)
        var out = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(Markup.escape(region))\">"
        out += "<table class=\"\(className)\"\(id.map { " id=\"\(Markup.escape($0))\"" } ?? "")>"
        if caption != nil || number != nil {
            let label = number.map { "<span class=\"table-label\">Table \($0).</span> " } ?? ""
            out += "<caption>\(label)\(Markup.escape(caption ?? ""))</caption>"
        }
        out += "<thead><tr>" + header.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let close = index == 0 ? "th" : "td"
                var content = cell.numeric ? "<span class=\"v\">\(Markup.escape(cell.text))</span>" : Markup.escape(cell.text)
                if cell.emphasised { content = "<strong>\(content)</strong>" }
                if let note = cell.note { content += " <span class=\"note\">\(Markup.escape(note))</span>" }
                let classes = (cell.numeric ? ["num"] : []) + (cell.emphasised ? ["best"] : [])
                let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                out += "<\(tag)\(cls)>\(content)</\(close)>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }
}

extension HTMLTable.Cell {
    static func text(_ text: String) -> Self { Self(text: text) }
    static func number(_ value: Double, digits: Int = 3, best: Bool = false) -> Self {
        Self(text: Markup.number(value, digits: digits), numeric: true, emphasised: best, note: best ? "best" : nil)
    }
}

/// Figure and table numbers in page order, shared by every result on a page,
/// and what each numbered element is called ("Figure 3"), for references from prose.
struct PageNumbering {
    private(set) var figures = 0
    private(set) var tables = 0
    /// Element id → "Figure 3" / "Table 2".
    private(set) var names: [String: String] = [:]

    mutating func nextFigure(id: String) -> Int {
        figures += 1
        names[id] = "Figure \(figures)"
        return figures
    }

    mutating func nextTable(id: String) -> Int {
        tables += 1
        names[id] = "Table \(tables)"
        return tables
    }
}
