import Foundation

/// A code block's lines, each in its own `span.line` carrying its indentation, so a line
/// too long for the column wraps under its own start plus a hanging indent (the
/// stylesheet's `.line`) instead of under column 0, and no line's end is ever hidden.
enum CodeLines {
    /// `html` is highlighted or escaped code; a span open across a line end (a block
    /// comment) is closed at the end of the line and reopened on the next.
    static func wrap(_ html: String) -> String {
        var out = "", carried = ""
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = carried + line
            let indent = min(leadingSpaces(of: Substring(text)), 40)
            out += "<span class=\"line\"" + (indent > 0 ? " style=\"--indent: \(indent)\"" : "") + ">" + text
            carried = openSpan(in: Substring(text)) ?? ""
            out += (carried.isEmpty ? "" : "</span>") + "\n</span>"
        }
        // The last line needs no newline of its own.
        if out.hasSuffix("\n</span>") { out.removeLast("\n</span>".count); out += "</span>" }
        return out
    }

    /// Spaces before the first visible character, tags skipped.
    static func leadingSpaces(of html: Substring) -> Int {
        var count = 0, inTag = false
        for c in html {
            if inTag { if c == ">" { inTag = false }; continue }
            if c == "<" { inTag = true; continue }
            if c == " " { count += 1; continue }
            break
        }
        return count
    }

    /// The opening tag of a span still open at the end of `html` (spans do not nest here).
    static func openSpan(in html: Substring) -> String? {
        guard let open = html.range(of: "<span", options: .backwards) else { return nil }
        if let close = html.range(of: "</span>", options: .backwards), close.lowerBound > open.lowerBound { return nil }
        guard let end = html[open.lowerBound...].firstIndex(of: ">") else { return nil }
        return String(html[open.lowerBound...end])
    }
}
