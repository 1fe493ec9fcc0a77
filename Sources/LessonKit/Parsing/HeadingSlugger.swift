/// Turns heading text into stable, unique anchor ids ("Why logits?" → `why-logits`).
///
/// Ids depend only on the heading texts in order, so links to a section survive
/// rebuilds. Ids the page template uses itself (`top`, `contents`, `block-N`...)
/// are never handed out.
struct HeadingSlugger {
    static let reserved: Set<String> = ["top", "contents", "run-it-yourself", "parameters", "lesson"]
    private var used: Set<String> = []

    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var n = 2
        while used.contains(candidate) || Self.isReserved(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let isWordChar = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_" || (scalar.value > 0x7F && scalar.properties.isAlphabetic)
            if isWordChar {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "\t" || scalar == "." || scalar == "/" {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    private static func isReserved(_ id: String) -> Bool {
        if reserved.contains(id) { return true }
        guard id.hasPrefix("block-") else { return false }
        let rest = id.dropFirst("block-".count)
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit)
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
