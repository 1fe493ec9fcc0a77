import Foundation

/// `site/<lesson>/rerun-data.js`: what the browser rerun starts from (the lesson's
/// `plan.json`, its published `results.json` and the page context), as one script.
/// A page opened from `file://` may not `fetch()` its neighbours, but it may load a
/// script of its own site, so the files travel as JavaScript string literals: the
/// page hands their exact bytes to `lessons.wasm`, never parses them itself.
enum RerunData {
    static func script(plan: String, results: String, context: String) -> String {
        "// lessons: the browser rerun's inputs (plan.json, results.json, the page context), byte for byte.\n"
            + "self.lessonsRerunData = {\n\"plan\": " + literal(plan) + ",\n\"results\": " + literal(results)
            + ",\n\"context\": " + literal(context) + "\n};\n"
    }

    /// `text` as a double-quoted JavaScript string literal (also valid JSON): quotes,
    /// backslashes, control characters and the two line separators JavaScript
    /// once refused inside literals are escaped; everything else stays as it is.
    static func literal(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\u{2028}", "\u{2029}": out += "\\u\(String(scalar.value, radix: 16))"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
