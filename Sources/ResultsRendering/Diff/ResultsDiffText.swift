/// `lessons run --diff`: a `ResultsDiff` as plain text, one change a line.
extension ResultsDiff {
    /// The numbers of a change as the reader sees them: three decimals, or six
    /// when three would make the two look equal; the change with its sign.
    public static func spell(before: Double, after: Double) -> (before: String, after: String, change: String) {
        var digits = 3
        if NumberText.fixed(before, digits: 3) == NumberText.fixed(after, digits: 3) { digits = 6 }
        let delta = after - before
        let change = delta.isFinite ? (delta >= 0 ? "+" : "") + NumberText.fixed(delta, digits: digits) : ""
        return (NumberText.fixed(before, digits: digits), NumberText.fixed(after, digits: digits), change)
    }

    /// Outcome of a claim on one side: "held", "failed" or "–" (not there).
    public static func spell(claim passed: Bool?) -> String {
        passed.map { $0 ? "held" : "failed" } ?? "–"
    }

    /// Every change, grouped: parameters, metrics by comparison, notes, claims that flipped.
    public func text(comparedWith previous: String) -> String {
        var lines = ["What changed, compared with \(previous):"]
        if isEmpty { return lines[0] + " nothing.\n" }
        if !parameters.isEmpty {
            lines.append("parameters:")
            let width = parameters.map { $0.name.count }.max() ?? 0
            for p in parameters {
                lines.append("  \(Self.pad(p.name, width))  \(p.before ?? "–") → \(p.after ?? "–")")
            }
        }
        var comparison: String?
        let runWidth = metrics.map { $0.run.count }.max() ?? 0, metricWidth = metrics.map { $0.metric.count }.max() ?? 0
        for m in metrics {
            if m.comparison != comparison {
                lines.append("\(m.comparison):")
                comparison = m.comparison
            }
            let s = Self.spell(before: m.before, after: m.after)
            lines.append("  \(Self.pad(m.run, runWidth))  \(Self.pad(m.metric, metricWidth))  \(s.before) → \(s.after)"
                         + (s.change.isEmpty ? "" : "  (\(s.change))"))
        }
        for note in notes { lines.append(note) }
        let flipped = flippedClaims
        let held = claims.filter { $0.after == true }.count, total = claims.filter { $0.after != nil }.count
        lines.append("claims: \(flipped.count) flipped; \(held) of \(total) hold now")
        for c in flipped {
            lines.append("  line \(c.line): \(c.source)  \(Self.spell(claim: c.before)) → \(Self.spell(claim: c.after))"
                         + (c.afterDetail.map { " (\($0))" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
