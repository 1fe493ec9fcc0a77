/// Escaping and number spelling shared by every result fragment.
///
/// Run names, label names and titles come from lessons, which are untrusted:
/// everything interpolated into HTML or SVG goes through `escape`. Numbers are
/// spelled by hand (not by a locale-aware formatter) so pages are the same bytes
/// everywhere.
enum Markup {
    /// Text safe inside an element or a double- or single-quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab/newline have no place in a page.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `value` with exactly `digits` decimals ("0.571"); "–" for NaN, "∞" for infinities.
    static func number(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled > 0
        guard scaled < 9e15 else { return String(value) }
        let integer = UInt64(scaled)
        let unit = UInt64(scale)
        var text = String(integer / unit)
        if digits > 0 {
            let fraction = String(integer % unit)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return negative ? "-" + text : text
    }

    /// SVG coordinate: one decimal, no trailing ".0".
    static func coordinate(_ value: Double) -> String {
        let text = number(value, digits: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A percentage with one decimal ("12.5%").
    static func percent(_ share: Double) -> String { number(share * 100, digits: 1) + "%" }

    /// A fragment id: lower-case letters, digits and dashes only.
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for c in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c); dash = false
            } else if !dash && !out.isEmpty {
                out += "-"; dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
