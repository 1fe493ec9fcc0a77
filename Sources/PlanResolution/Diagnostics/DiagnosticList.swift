import PlanCore
import PortableSort

/// Diagnostics in file order (those without a location first).
public struct DiagnosticList: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.enumerated().stablySorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map { $0.element }
    }

    /// Compiler-style text of every diagnostic, with source lines and carets.
    public func formatted(source: String?, color: Bool = false) -> String {
        diagnostics.map { $0.formatted(source: source, color: color) }.joined(separator: "\n")
    }
}
