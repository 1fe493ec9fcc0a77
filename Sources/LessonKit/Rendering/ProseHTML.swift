/// Finishing touches on cmark-gfm's HTML for one top-level prose node, on the
/// markup cmark wrote (never on the lesson's Markdown): tables go into a labelled
/// scroll region that takes focus, and task-list checkboxes get an accessible name.
enum ProseHTML {
    static func finish(_ html: String, type: String) -> String {
        var out = html
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
}
