import PortableText

/// Escaping and number spelling shared by every result fragment.
///
/// Run names, label names and titles come from lessons, which are untrusted:
/// everything interpolated into HTML or SVG goes through `escape` (the page's
/// own `escapeHTML`). Numbers are spelled by `NumberText`, the same bytes
/// everywhere.
enum Markup {
    /// Text safe inside an element or a quoted attribute (HTML and inline SVG alike).
    static func escape(_ text: String) -> String { escapeHTML(text) }

    /// `value` with exactly `digits` decimals ("0.571"), as the console spells it too.
    static func number(_ value: Double, digits: Int = 3) -> String { NumberText.fixed(value, digits: digits) }

    /// SVG coordinate: one decimal, no trailing ".0".
    static func coordinate(_ value: Double) -> String {
        let text = number(value, digits: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A percentage with one decimal ("12.5%").
    static func percent(_ share: Double) -> String { number(share * 100, digits: 1) + "%" }

    /// A fragment id: lower-case letters, digits and dashes only, lower-cased as
    /// `lowercased()` would (`asciiLowercased`: only A–Z, the Kelvin sign and İ
    /// lower-case to anything a slug keeps).
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        func add(_ c: Unicode.Scalar) {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c); dash = false
            } else if !dash && !out.isEmpty {
                out += "-"; dash = true
            }
        }
        for c in text.asciiLowercased.unicodeScalars { add(c) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
