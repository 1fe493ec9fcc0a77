import Foundation

/// One typed input per `swift parameters` value: the markup both parameter panels
/// share (the preview's form and the published page's "Rerun in your browser").
///
/// Inputs only make typing easy; nothing here decides what is valid. The values go
/// to the evaluator (`--set`) or the plan's resolver, which report what is wrong.
public enum ParameterInput {
    /// How a parameter is edited, read from its type and the value the lesson wrote.
    public enum Kind: Equatable, Sendable {
        case integer, number, boolean
        /// A plain string literal, edited without its quotes (quoted again on submit).
        case text
        /// Anything else (arrays, `.balanced`, ...), edited as Swift source.
        case swift
    }

    public static func kind(for p: ResultsDocument.Parameter) -> Kind {
        let declared = p.declaredValue.trimmingCharacters(in: .whitespaces)
        switch p.type {
        case "Int" where Int(declared.replacingOccurrences(of: "_", with: "")) != nil: return .integer
        case "Double" where number(declared) != nil: return .number
        case "Bool" where declared == "true" || declared == "false": return .boolean
        case "String" where unquoted(declared) != nil: return .text
        default: return .swift
        }
    }

    /// A numeric literal's value (`4_000` → 4000), nil when the text is not one.
    public static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: "_", with: ""))
    }

    /// The field for `p`: a label (name, type), the input showing `current` (nil: the
    /// parameter's value) and the lesson's own value. `idPrefix` keeps two panels'
    /// ids apart; `markKind` tells a script how to turn the text back into Swift
    /// source (`data-kind="text"`: quote it).
    public static func fieldHTML(_ p: ResultsDocument.Parameter, idPrefix: String, current submitted: String? = nil,
                                 markKind: Bool = false) -> String {
        var kind = Self.kind(for: p)
        var current = submitted ?? (kind == .text ? unquoted(p.value) ?? p.value : p.value)
        if kind == .integer || kind == .number {
            // A number field shows `4000` for `4_000`, and would hide a value that is not a number at all.
            if number(current) != nil { current = current.replacingOccurrences(of: "_", with: "") } else { kind = .swift }
        }
        let name = escapeHTML(p.name), value = escapeHTML(current), id = "\(idPrefix)\(escapeHTML(p.name))"
        let data = markKind ? " data-kind=\"\(kind == .text ? "text" : "swift")\"" : ""
        var out = "<div class=\"preview-field\(p.overridden ? " overridden" : "")\">"
        out += "<label for=\"\(id)\"><code>\(name)</code> <span class=\"preview-type\">\(escapeHTML(p.type))</span></label>"
        switch kind {
        case .integer:
            out += "<input id=\"\(id)\" name=\"\(name)\"\(data) type=\"number\" step=\"1\" inputmode=\"numeric\" value=\"\(value)\">"
        case .number:
            out += "<input id=\"\(id)\" name=\"\(name)\"\(data) type=\"number\" step=\"any\" inputmode=\"decimal\" value=\"\(value)\">"
        case .boolean:
            out += "<select id=\"\(id)\" name=\"\(name)\"\(data)>"
            for option in ["true", "false"] {
                out += "<option\(current == option ? " selected" : "")>\(option)</option>"
            }
            out += "</select>"
        case .text, .swift:
            out += "<input id=\"\(id)\" name=\"\(name)\"\(data) type=\"text\" spellcheck=\"false\" autocomplete=\"off\" value=\"\(value)\""
                + (kind == .swift ? " class=\"preview-swift\"" : "") + ">"
        }
        out += "<span class=\"preview-default\">lesson: <code>\(escapeHTML(p.declaredValue))</code></span></div>\n"
        return out
    }

    /// The content of a string literal without escapes or interpolation (`"ring"` → `ring`).
    public static func unquoted(_ source: String) -> String? {
        guard source.count >= 2, source.hasPrefix("\""), source.hasSuffix("\"") else { return nil }
        var out = "", escaped = false
        for c in source.dropFirst().dropLast() {
            if escaped {
                switch c {
                case "\\", "\"": out.append(c)
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: return nil
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                return nil
            } else {
                out.append(c)
            }
        }
        return escaped ? nil : out
    }

    /// `text` as a Swift string literal (the inverse of `unquoted`).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
