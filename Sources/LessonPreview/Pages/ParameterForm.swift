import LessonKit

/// The preview's parameter panel: one typed input per `swift parameters` value,
/// and the way back from a submitted form to `--set name=value` arguments.
///
/// Inputs only make typing easy; nothing here decides what is valid. Submitted
/// values become `--set` arguments and go through `ParameterOverrides` and the
/// evaluator, exactly as on the command line.
struct ParameterForm {
    typealias Input = ParameterInput.Kind

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

    static func input(for p: ResultsDocument.Parameter) -> Input { ParameterInput.kind(for: p) }

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

    private static func number(_ text: String) -> Double? { ParameterInput.number(text) }

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
        ParameterInput.fieldHTML(p, idPrefix: "preview-p-", current: submitted[p.name])
    }

    static func unquoted(_ source: String) -> String? { ParameterInput.unquoted(source) }
    static func quoted(_ text: String) -> String { ParameterInput.quoted(text) }
}
