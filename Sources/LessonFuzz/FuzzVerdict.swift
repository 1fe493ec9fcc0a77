/// What one mutant came to, and whether that broke an invariant of the tool:
/// exit 0, 1 or 2 and never a signal; every exit 2 located at `file:line:col`;
/// nothing written on exit 2.
public struct FuzzVerdict: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The tool's exit status (in process: 0 when the lesson planned and rendered).
        case exit(Int32)
        case signal(Int32)
        case hang
    }

    public var kind: Kind
    /// The broken invariant, if any (nil: this mutant is fine).
    public var violation: String?

    public init(_ kind: Kind, violation: String? = nil) {
        self.kind = kind
        self.violation = violation
    }

    /// Whether `stderr` carries a compiler-style location (`path:12:5: error: ...`).
    public static func isLocated(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            guard let error = line.range(of: ": error: ") else { return false }
            let parts = line[..<error.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            return parts.count >= 3 && parts.suffix(2).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
        }
    }

    /// The verdict of an exit status and its message: exit 2 must be located.
    public static func judging(exit code: Int32, message: String) -> FuzzVerdict {
        if ![0, 1, 2].contains(code) { return FuzzVerdict(.exit(code), violation: "exit status \(code)") }
        if code == 2 && !isLocated(message) {
            return FuzzVerdict(.exit(code), violation: "exit 2 without file:line:col: " + String(message.prefix(300)))
        }
        return FuzzVerdict(.exit(code))
    }

    /// One word for the histogram: `exit 2`, `signal 11`, `hang`.
    public var label: String {
        switch kind {
        case .exit(let code): return "exit \(code)"
        case .signal(let number): return "signal \(number)"
        case .hang: return "hang"
        }
    }
}
