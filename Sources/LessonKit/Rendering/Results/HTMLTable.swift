/// A plain HTML table: escaped header and cells, optional emphasis per cell.
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

    func html() -> String {
        var out = "<table class=\"\(className)\">"
        if let caption { out += "<caption>\(Markup.escape(caption))</caption>" }
        out += "<thead><tr>" + header.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let close = index == 0 ? "th" : "td"
                var content = Markup.escape(cell.text)
                if cell.emphasised { content = "<strong>\(content)</strong>" }
                if let note = cell.note { content += " <span class=\"note\">\(Markup.escape(note))</span>" }
                let classes = (cell.numeric ? ["num"] : []) + (cell.emphasised ? ["best"] : [])
                let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                out += "<\(tag)\(cls)>\(content)</\(close)>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}

extension HTMLTable.Cell {
    static func text(_ text: String) -> Self { Self(text: text) }
    static func number(_ value: Double, digits: Int = 3, best: Bool = false) -> Self {
        Self(text: Markup.number(value, digits: digits), numeric: true, emphasised: best, note: best ? "best" : nil)
    }
}
