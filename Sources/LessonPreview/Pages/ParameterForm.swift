import LessonKit

/// The preview's parameter panel: one typed input per `swift parameters` value,
/// and the way back from a submitted form to `--set name=value` arguments.
///
/// Inputs only make typing easy; nothing here decides what is valid. Submitted
/// values become `--set` arguments and go through `ParameterOverrides` and the
/// evaluator, exactly as on the command line.
struct ParameterForm {
    /// How a parameter is edited, read from its type and the value the lesson wrote.
    enum Input: Equatable {
        case integer, number, boolean
        /// A plain string literal, edited without its quotes (quoted again on submit).
        case text
        /// Anything else (arrays, `.balanced`, ...), edited as Swift source.
        case swift
    }

    /// The control field of the "back to the lesson's values" button (not a Swift name, so never a parameter).
    static let resetField = "lessons.reset"

    var lessonID: String
    var parameters: [ResultsDocument.Parameter]
    /// Values a failed submission held, shown again so they can be fixed (by name, as typed).
    var submitted: [String: String] = [:]
    /// The preview's form token (`RequestTrust`), sent back in a hidden field.
    var token: String

    /// The panel's own fields (reset button, token): never parameters, never `--set` arguments.
    static func isControl(_ name: String) -> Bool { name == resetField || name == RequestTrust.tokenField }

    static func input(for p: ResultsDocument.Parameter) -> Input {
        let declared = p.declaredValue.trimmingCharacters(in: .whitespaces)
        switch p.type {
        case "Int" where Int(declared.replacingOccurrences(of: "_", with: "")) != nil: return .integer
        case "Double" where number(declared) != nil: return .number
        case "Bool" where declared == "true" || declared == "false": return .boolean
        case "String" where unquoted(declared) != nil: return .text
        default: return .swift
        }
    }

    /// The `--set` arguments a submitted form stands for: every value that differs
    /// from the lesson's, and every field that is not a parameter (so that the
    /// evaluator reports it as unknown, as `--set` would).
    static func setArguments(from fields: [(name: String, value: String)],
                             parameters: [ResultsDocument.Parameter]) -> [String] {
        var arguments: [String] = []
        for field in fields where !isControl(field.name) {
            guard let p = parameters.first(where: { $0.name == field.name }) else {
                arguments.append("\(field.name)=\(field.value)")
                continue
            }
            let kind = input(for: p)
            let source = kind == .text ? quoted(field.value) : field.value
            if !sameValue(source, p.declaredValue, kind) { arguments.append("\(field.name)=\(source)") }
        }
        return arguments
    }

    /// Whether a submitted value is the lesson's own: the same source, or for a
    /// number the same number (`4000` is the lesson's `4_000`, not an override).
    private static func sameValue(_ source: String, _ declared: String, _ kind: Input) -> Bool {
        let a = source.trimmingCharacters(in: .whitespaces), b = declared.trimmingCharacters(in: .whitespaces)
        if a == b { return true }
        guard kind == .integer || kind == .number, let x = number(a), let y = number(b) else { return false }
        return x == y
    }

    /// A numeric literal's value (`4_000` → 4000), nil when the text is not one.
    private static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: "_", with: ""))
    }

    func html() -> String {
        var out = "<form id=\"preview-form\" class=\"preview-form\" method=\"post\" action=\"/_preview/run/\(escapeHTML(lessonID))\">\n"
        out += "<input type=\"hidden\" name=\"\(RequestTrust.tokenField)\" value=\"\(escapeHTML(token))\">\n"
        out += "<div class=\"preview-fields\">\n"
        for p in parameters { out += field(p) }
        out += "</div>\n<p class=\"preview-actions\"><button type=\"submit\">Rerun with these values</button>\n"
        out += "<button type=\"submit\" class=\"preview-secondary\" name=\"\(Self.resetField)\" value=\"1\">"
            + "Back to the lesson’s values</button></p>\n</form>\n"
        return out
    }

    private func field(_ p: ResultsDocument.Parameter) -> String {
        var kind = Self.input(for: p)
        var current = submitted[p.name] ?? (kind == .text ? Self.unquoted(p.value) ?? p.value : p.value)
        if kind == .integer || kind == .number {
            // A number field shows `4000` for `4_000`, and would hide a value that is not a number at all.
            if Self.number(current) != nil { current = current.replacingOccurrences(of: "_", with: "") } else { kind = .swift }
        }
        let name = escapeHTML(p.name), value = escapeHTML(current), id = "preview-p-\(escapeHTML(p.name))"
        var out = "<div class=\"preview-field\(p.overridden ? " overridden" : "")\">"
        out += "<label for=\"\(id)\"><code>\(name)</code> <span class=\"preview-type\">\(escapeHTML(p.type))</span></label>"
        switch kind {
        case .integer:
            out += "<input id=\"\(id)\" name=\"\(name)\" type=\"number\" step=\"1\" inputmode=\"numeric\" value=\"\(value)\">"
        case .number:
            out += "<input id=\"\(id)\" name=\"\(name)\" type=\"number\" step=\"any\" inputmode=\"decimal\" value=\"\(value)\">"
        case .boolean:
            out += "<select id=\"\(id)\" name=\"\(name)\">"
            for option in ["true", "false"] {
                out += "<option\(current == option ? " selected" : "")>\(option)</option>"
            }
            out += "</select>"
        case .text, .swift:
            out += "<input id=\"\(id)\" name=\"\(name)\" type=\"text\" spellcheck=\"false\" autocomplete=\"off\" value=\"\(value)\""
                + (kind == .swift ? " class=\"preview-swift\"" : "") + ">"
        }
        out += "<span class=\"preview-default\">lesson: <code>\(escapeHTML(p.declaredValue))</code></span></div>\n"
        return out
    }

    /// The content of a string literal without escapes or interpolation (`"ring"` → `ring`).
    static func unquoted(_ source: String) -> String? {
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
    static func quoted(_ text: String) -> String {
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
