/// The "What changed" box of the preview and of the browser rerun: the parameters that differ, then old and
/// new values side by side for every metric that moved and every claim, with
/// the claims that flipped marked. The numbers come from `ResultsDiff`.
public struct WhatChangedView {
    public var diff: ResultsDiff

    public init(diff: ResultsDiff) { self.diff = diff }

    /// The box for two `results.json` texts: the browser rerun's, in lessons.wasm
    /// (`lessons_render_changes`), where documents have no Codable.
    public static func html(beforeJSON: [UInt8], afterJSON: [UInt8]) throws(ResultsReadError) -> String {
        WhatChangedView(diff: ResultsDiff(before: try .init(resultsJSON: beforeJSON), after: try .init(resultsJSON: afterJSON))).html()
    }

    public func html() -> String {
        var out = "<section class=\"preview-changes\" id=\"what-changed\" aria-labelledby=\"what-changed-title\">\n"
        out += "<h2 id=\"what-changed-title\">What changed</h2>\n"
        if diff.isEmpty { return out + "<p>Nothing: the results are the same as before this run.</p>\n</section>\n" }
        if !diff.parameters.isEmpty {
            out += table(caption: "Parameters that differ", header: ["parameter", "before", "now"],
                         rows: diff.parameters.map { p in
                             ["<code>\(escapeHTML(p.name))</code>", code(p.before), code(p.after)]
                         })
        }
        if diff.metrics.isEmpty { out += "<p>No metric of the comparison tables moved.</p>\n" }
        var titles: [String] = []
        for m in diff.metrics where !titles.contains(m.comparison) { titles.append(m.comparison) }
        for title in titles {
            let moved = diff.metrics.filter { $0.comparison == title }
            // The comparison table's own columns in view; each label's recall folded away.
            let perLabel = moved.filter { $0.key.hasPrefix("recall(") }
            out += metricTable(caption: "Metrics that moved: \(title)", moved.filter { !$0.key.hasPrefix("recall(") })
            if !perLabel.isEmpty {
                out += "<details class=\"preview-per-label\"><summary>Recall per label: \(perLabel.count) moved</summary>\n"
                    + metricTable(caption: "Recall per label: \(title)", perLabel) + "</details>\n"
            }
        }
        if !diff.notes.isEmpty {
            out += "<ul class=\"preview-notes\">" + diff.notes.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>\n"
        }
        if !diff.claims.isEmpty {
            let flipped = diff.flippedClaims.count
            out += table(caption: "Claims (\(flipped) flipped)", header: ["line", "claim", "before", "now"],
                         rows: diff.claims.map { c in
                             ["\(c.line)", "<code>\(escapeHTML(c.source))</code>", outcome(c.before, c.beforeDetail),
                              outcome(c.after, c.afterDetail) + (c.flipped ? " <strong class=\"preview-flipped\">flipped</strong>" : "")]
                         }, rowClasses: diff.claims.map { $0.flipped ? "flipped" : "" })
        }
        return out + "</section>\n"
    }

    /// One row per moved metric; a run's name only on its first row.
    private func metricTable(caption: String, _ moved: [ResultsDiff.MetricChange]) -> String {
        guard !moved.isEmpty else { return "" }
        var previousRun: String?
        var rows: [[String]] = [], classes: [String] = []
        for m in moved {
            let s = ResultsDiff.spell(before: m.before, after: m.after)
            let better = (m.after > m.before) == m.higherIsBetter
            rows.append([m.run == previousRun ? "" : escapeHTML(m.run), escapeHTML(m.metric), s.before, s.after,
                         "<span class=\"\(better ? "preview-better" : "preview-worse")\">\(escapeHTML(s.change))"
                         + " \(better ? "better" : "worse")</span>"])
            classes.append(m.run == previousRun ? "" : "preview-run")
            previousRun = m.run
        }
        return table(caption: caption, header: ["run", "metric", "before", "now", "change"], rows: rows, rowClasses: classes)
    }

    private func code(_ source: String?) -> String { source.map { "<code>\(escapeHTML($0))</code>" } ?? "–" }

    private func outcome(_ passed: Bool?, _ detail: String?) -> String {
        let word = ResultsDiff.spell(claim: passed)
        let mark = passed.map { $0 ? "preview-held" : "preview-failed" } ?? "preview-absent"
        return "<span class=\"\(mark)\">\(word)</span>" + (detail.map { " <small>\(escapeHTML($0))</small>" } ?? "")
    }

    /// Cells are markup built above (every lesson-given string already escaped).
    private func table(caption: String, header: [String], rows: [[String]], rowClasses: [String] = []) -> String {
        var out = "<div class=\"preview-scroll\"><table class=\"preview-table\"><caption>\(escapeHTML(caption))</caption><thead><tr>"
        out += header.map { "<th scope=\"col\">\(escapeHTML($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for (i, row) in rows.enumerated() {
            let cls = i < rowClasses.count && !rowClasses[i].isEmpty ? " class=\"\(rowClasses[i])\"" : ""
            out += "<tr\(cls)>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}
