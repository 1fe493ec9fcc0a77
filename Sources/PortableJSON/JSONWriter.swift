import PortableSort

/// Compact JSON text with sorted keys. Numbers use Swift's shortest round-trip
/// spelling (integers without a fraction), so every Double reads back to the same
/// bits; NaN and the infinities are written as the strings "NaN", "Infinity" and
/// "-Infinity", as `CanonicalJSON` writes them.
extension JSONValue {
    public var text: String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// Pretty text as `CanonicalJSON.encode(_:pretty: true)` writes it (Foundation's
    /// `.prettyPrinted`): two spaces per level, `"key" : value`, one element per line,
    /// an empty array or object as its brackets around an empty line.
    public var prettyText: String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    /// Compact when `indent` is nil, else pretty at that depth.
    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += JSONValue.numberText(x)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            let inner = indent.map { $0 + 1 }
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, inner)
                item.write(to: &out, indent: inner)
            }
            JSONValue.close(&out, indent, empty: items.isEmpty)
            out += "]"
        case .object(let fields):
            out += "{"
            let inner = indent.map { $0 + 1 }
            for (i, key) in JSONValue.sortedKeys(fields).enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, inner)
                JSONValue.writeString(key, to: &out)
                out += inner == nil ? ":" : " : "
                fields[key]!.write(to: &out, indent: inner)
            }
            JSONValue.close(&out, indent, empty: fields.isEmpty)
            out += "}"
        }
    }

    /// Keys in the order of their UTF-8 bytes, as Foundation's `.sortedKeys` orders them
    /// (Swift's `<` compares normalised text: `"e\u{302}"` would follow `"é"`, where Foundation puts it first).
    private static func sortedKeys(_ fields: [String: JSONValue]) -> [String] {
        fields.keys.stablySorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Before an element when pretty: a new line at its depth.
    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<indent { out += "  " }
    }

    /// Before a closing bracket when pretty (an empty container keeps an empty line).
    private static func close(_ out: inout String, _ indent: Int?, empty: Bool) {
        guard let indent else { return }
        if empty { out += "\n" }
        newline(&out, indent)
    }

    static func numberText(_ x: Double) -> String {
        if x.isNaN { return "\"NaN\"" }
        if x.isInfinite { return x > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        // Foundation's spelling: the shortest round trip, less a trailing ".0" (`2`, `-0`, `1e-05`).
        var text = x.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
