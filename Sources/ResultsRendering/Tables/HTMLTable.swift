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
        /// The spread under the value (`± 0.013`), set smaller on its own line so columns stay narrow.
        var spread: String? = nil
    }

    var caption: String?
    var header: [String]
    var rows: [[Cell]]
    var className = "data"
    /// "Table N" before the caption; nil: unnumbered.
    var number: String? = nil
    /// The element id (for links to the table).
    var id: String? = nil
    /// The scroll region's accessible name; nil: the number and caption. Unique on a page.
    var regionLabel: String? = nil
    /// On a phone, show each row as a card of "heading value" lines (the stylesheet's
    /// `table.cards`), so every number is on screen without scrolling sideways.
    var cards = false

    func html() -> String {
        let name = [number.map { "Table \($0)" }, caption].compactMap { $0 }.joined(separator: ": ")
        let region = regionLabel ?? (name.isEmpty ? "Data table" : name)
        var out: MarkupBuffer = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(Markup.escape(region))\">"
        out += "<table class=\"\(className)"
        if cards { out += " cards" }
        out += "\""
        if let id { out += " id=\"\(Markup.escape(id))\"" }
        out += ">"
        if caption != nil || number != nil {
            out += "<caption>"
            if let number { out += "<span class=\"table-label\">Table \(number).</span> " }
            out += "\(Markup.escape(caption ?? ""))</caption>"
        }
        // A column of numbers is headed flush right, over its numbers.
        out += "<thead><tr>"
        for (c, title) in header.enumerated() {
            let numericColumn = c > 0 && !rows.isEmpty && rows.allSatisfy { c < $0.count && $0[c].numeric }
            out += "<th scope=\"col\""
            if numericColumn { out += " class=\"num\"" }
            out += ">\(Markup.escape(title))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                out += index == 0 ? "<th scope=\"row\"" : "<td"
                if cell.numeric || cell.emphasised {
                    out += " class=\""
                    if cell.numeric { out += cell.emphasised ? "num best" : "num" } else { out += "best" }
                    out += "\""
                }
                if cards && index > 0 && index < header.count { out += " data-label=\"\(Markup.escape(header[index]))\"" }
                out += ">"
                if cell.emphasised { out += "<strong>" }
                if cell.numeric { out += "<span class=\"v\">\(Markup.escape(cell.text))</span>" } else { out += "\(Markup.escape(cell.text))" }
                if cell.emphasised { out += "</strong>" }
                if let spread = cell.spread { out += "<span class=\"sd\">\(Markup.escape(spread))</span>" }
                if let note = cell.note { out += " <span class=\"note\">\(Markup.escape(note))</span>" }
                out += index == 0 ? "</th>" : "</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table></div>"
        return out.text
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
/// Only what a reader sees counts: a figure or table folded into "More results" is
/// numbered after the last one shown, with a letter ("Figure 2a", "2b"), so the shown
/// numbers run 1, 2, 3 without gaps.
struct PageNumbering {
    private(set) var figures = 0
    private(set) var tables = 0
    /// Letters used under the current figure and table numbers while folded.
    private var figureLetters = 0, tableLetters = 0
    /// Set while rendering "More results".
    var folded = false
    /// Element id → "Figure 3" / "Table 2".
    private(set) var names: [String: String] = [:]

    mutating func nextFigure(id: String) -> String {
        let label = Self.next(&figures, &figureLetters, folded: folded)
        names[id] = "Figure \(label)"
        return label
    }

    mutating func nextTable(id: String) -> String {
        let label = Self.next(&tables, &tableLetters, folded: folded)
        names[id] = "Table \(label)"
        return label
    }

    private static func next(_ count: inout Int, _ letters: inout Int, folded: Bool) -> String {
        guard folded else {
            count += 1
            letters = 0
            return String(count)
        }
        letters += 1
        var suffix = "", n = letters
        while n > 0 {
            suffix = String(UnicodeScalar(UInt8(96 + (n - 1) % 26 + 1))) + suffix
            n = (n - 1) / 26
        }
        return "\(count)\(suffix)"
    }
}
