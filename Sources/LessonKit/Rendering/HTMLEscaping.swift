/// HTML produced by this program (never by a lesson), placed on a page as is: it never
/// mixes by accident with lesson text, which goes through `escapeHTML` (ResultsRendering).
public struct TrustedHTML: Sendable, Hashable, Codable, CustomStringConvertible {
    public var html: String

    public init(_ trustedHTML: String) { self.html = trustedHTML }

    /// Escaped text, as a fragment.
    public static func text(_ text: String) -> TrustedHTML { TrustedHTML(escapeHTML(text)) }

    public var description: String { html }
}
