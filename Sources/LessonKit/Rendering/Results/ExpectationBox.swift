/// The outcome of an `expect` block's claims, shown right after the block:
/// each claim with pass or fail in words (not only colour) and the actual values;
/// a claim checked per seed says in how many seeds it held and lists each seed.
struct ExpectationBox {
    var records: [ResultsDocument.ExpectationRecord]

    func html() -> String {
        guard !records.isEmpty else { return "" }
        let failed = records.filter { !$0.passed }.count
        var out = "<div class=\"expect-result \(failed == 0 ? "passed" : "failed")\">"
        out += "<p class=\"expect-summary\">" + (failed == 0
            ? "All \(records.count) claim\(records.count == 1 ? "" : "s") hold."
            : "\(failed) of \(records.count) claim\(records.count == 1 ? "" : "s") failed.") + "</p><ul>"
        for record in records {
            let status = record.passed ? "pass" : "fail"
            out += "<li class=\"expect-\(status)\"><strong>\(record.passed ? "✓ holds" : "✗ failed")</strong> "
            out += "<code>\(Markup.escape(record.source))</code>"
            if !record.detail.isEmpty { out += " — \(Markup.escape(record.detail))" }
            out += " <span class=\"note\">(line \(record.line))</span>"
            if let seeds = record.seeds, !seeds.isEmpty {
                out += "<ul class=\"seed-checks\" aria-label=\"per seed\">"
                for check in seeds {
                    out += "<li class=\"expect-\(check.passed ? "pass" : "fail")\">seed \(check.seed): "
                    out += "<strong>\(check.passed ? "✓ holds" : "✗ fails")</strong>"
                    if !check.detail.isEmpty { out += " — \(Markup.escape(check.detail))" }
                    out += "</li>"
                }
                out += "</ul>"
            }
            out += "</li>"
        }
        return out + "</ul></div>"
    }
}

/// Public entry for the page: the fragment placed after an `expect` block.
public enum ExpectationFragment {
    public static func html(_ records: [ResultsDocument.ExpectationRecord]) -> String {
        ExpectationBox(records: records).html()
    }
}
