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

    /// A fragment id: lower-case letters, digits and dashes only. Lower-cased by hand, as
    /// `lowercased()` would: only A–Z, the Kelvin sign (k) and İ (i and a combining dot)
    /// lower-case to anything a slug keeps, and `lowercased()` pulls Unicode's case tables
    /// (16 KB) into lessons.wasm.
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
        for c in text.unicodeScalars {
            switch c {
            case "A"..."Z": add(Unicode.Scalar(UInt8(c.value) + 32))
            case "\u{212A}": add("k")
            case "\u{130}": add("i"); add("\u{307}")
            default: add(c)
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
