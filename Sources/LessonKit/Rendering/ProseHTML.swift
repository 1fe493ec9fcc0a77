/// Finishing touches on cmark-gfm's HTML for one top-level prose node, on the
/// markup cmark wrote (never on the lesson's Markdown): tables go into a labelled
/// scroll region that takes focus, task-list checkboxes get an accessible name, and
/// an empty link to a numbered result (`[](#results-1-loss)`) is named for it ("Figure 1").
enum ProseHTML {
    static func finish(_ html: String, type: String, references: [String: String] = [:]) -> String {
        var out = html
        if out.contains("\"></a>") {
            for (id, name) in references.sorted(by: { $0.key < $1.key }) {
                out = out.replacingOccurrences(of: "<a href=\"#\(escapeHTML(id))\"></a>",
                                               with: "<a href=\"#\(escapeHTML(id))\" class=\"xref\">\(escapeHTML(name))</a>")
            }
            out = namingUnresolvedReferences(out)
        }
        if out.contains("<input type=\"checkbox\"") {
            out = out.replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                                           with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" />")
            out = out.replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />",
                                           with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" />")
        }
        if type == "table" {
            out = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">" + out + "</div>\n"
        }
        return out
    }

    /// An empty in-page link that names no numbered result keeps a readable name: its target.
    static func namingUnresolvedReferences(_ html: String) -> String {
        var out = "", rest = Substring(html)
        while let open = rest.range(of: "<a href=\"#") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let quote = after.firstIndex(of: "\""), after[quote...].hasPrefix("\"></a>") else {
                out += rest[open]
                rest = after
                continue
            }
            let target = after[..<quote]
            out += "<a href=\"#\(target)\" class=\"xref unresolved\">#\(target)</a>"
            rest = after[after.index(quote, offsetBy: "\"></a>".count)...]
        }
        return out + rest
    }
}
