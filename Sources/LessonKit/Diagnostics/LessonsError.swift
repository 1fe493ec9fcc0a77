/// A failure the user can fix: one or more diagnostics, with the lesson text to
/// quote, and the exit code the command should end with (2: bad input or usage).
public struct LessonsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// Lesson text the diagnostics point into (for the source line and caret).
    public var source: String?
    public var exitCode: Int32

    public init(_ diagnostics: [Diagnostic], source: String? = nil, exitCode: Int32 = 2) {
        self.diagnostics = diagnostics
        self.source = source
        self.exitCode = exitCode
    }

    public init(_ diagnostic: Diagnostic, source: String? = nil, exitCode: Int32 = 2) {
        self.init([diagnostic], source: source, exitCode: exitCode)
    }

    /// An error that belongs to no file: printed as `error: message`.
    public init(message: String, exitCode: Int32 = 2) {
        self.init(Diagnostic(path: "", location: nil, message: message), exitCode: exitCode)
    }

    /// Every diagnostic formatted the compiler way, one after another.
    public func formatted(color: Bool) -> String {
        diagnostics.map { $0.formatted(source: source, color: color) }.joined(separator: "\n")
    }
}
