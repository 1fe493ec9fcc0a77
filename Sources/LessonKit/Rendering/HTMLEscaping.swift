/// Every piece of lesson text goes through `escapeHTML` before it reaches a page;
/// `TrustedHTML` marks markup built by our own renderers, so the two never mix by accident.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// HTML produced by this program (never by a lesson), placed on a page as is.
public struct TrustedHTML: Sendable, Hashable, Codable, CustomStringConvertible {
    public var html: String

    public init(_ trustedHTML: String) { self.html = trustedHTML }

    /// Escaped text, as a fragment.
    public static func text(_ text: String) -> TrustedHTML { TrustedHTML(escapeHTML(text)) }

    public var description: String { html }
}
