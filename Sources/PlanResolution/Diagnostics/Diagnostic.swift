import PlanCore

/// An error or warning about a lesson, shown the compiler way:
///
///     Lessons/03-weighted-loss.md:42:17: error: Run has no argument 'epoch'; did you mean 'epochs'?
///         Run("plain", epoch: 3)
///                      ^
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var path: String
    public var location: SourceLocation?
    public var severity: Severity
    public var message: String

    public init(path: String, location: SourceLocation?, severity: Severity = .error, message: String) {
        self.path = path
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `path:line:col: severity: message` (just `severity: message` when `path`
    /// is empty), then the source line and a caret when
    /// `source` is given and the location is inside it.
    public func formatted(source: String?, color: Bool = false) -> String {
        var head = path
        if let loc = location { head += ":\(loc.line):\(loc.column)" }
        let sev = color ? severity.colored : severity.rawValue
        var out: String
        if head.isEmpty {  // an error about no file in particular: `error: message`
            out = "\(sev): \(message)"
        } else {
            out = color ? "\u{1B}[1m\(head):\u{1B}[0m \(sev): \(message)" : "\(head): \(sev): \(message)"
        }
        if let loc = location, let source {
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            if loc.line >= 1, loc.line <= lines.count {
                var text = String(lines[loc.line - 1])
                if text.hasSuffix("\r") { text.removeLast() }
                text = text.replacingTabs()
                let caretPad = String(repeating: " ", count: max(0, loc.column - 1))
                out += "\n    \(text)\n    \(caretPad)" + (color ? "\u{1B}[1;32m^\u{1B}[0m" : "^")
            }
        }
        return out
    }
}

private extension Diagnostic.Severity {
    var colored: String {
        switch self {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;35mwarning\u{1B}[0m"
        case .note: return "\u{1B}[1;30mnote\u{1B}[0m"
        }
    }
}

private extension String {
    /// Tabs become single spaces so the caret column matches the printed line.
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}
