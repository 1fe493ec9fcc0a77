/// The outcome of an `expect` block's claims, shown right after the block:
/// each claim with pass or fail in words (not only colour) and the actual values —
/// both sides of each comparison and its margin, apart.
struct ExpectationBox {
    var records: [ResultsDocument.ExpectationRecord]

    func html() -> String {
        guard !records.isEmpty else { return "" }
        let failed = records.filter { !$0.passed }.count
        var out: MarkupBuffer = "<div class=\"expect-result \(failed == 0 ? "passed" : "failed")\"><p class=\"expect-summary\">"
        if failed == 0 { out += "All \(records.count)" } else { out += "\(failed) of \(records.count)" }
        out += " claim\(records.count == 1 ? "" : "s") \(failed == 0 ? "hold" : "failed").</p><ul>"
        for record in records {
            let status = record.passed ? "pass" : "fail"
            out += "<li class=\"expect-\(status)\"><strong>\(record.passed ? "✓ holds" : "✗ failed")</strong> "
            if record.sanityCheck == true {
                // Said in words on the page, not only in a code comment: no reader takes it for a finding.
                out += "<span class=\"sanity-check\">sanity check, true by construction:</span> "
            }
            out += "<code>\(Self.breakable(record.source))</code>"
            out += " <span class=\"note\">(line \(record.line))</span>"
            if let values = record.values, !values.isEmpty, record.seeds == nil {
                out += "<ul class=\"claim-values\">"
                for v in values { Self.values(v, into: &out) }
                out += "</ul>"
            } else if !record.detail.isEmpty {
                out += " — \(Markup.escape(record.detail))"
            }
            if let seeds = record.seeds, !seeds.isEmpty {
                out += "<ul class=\"seed-checks\">"
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
        out += "</ul></div>"
        return out.text
    }

    /// The claim escaped, with a line-break chance before each member access
    /// (`results["a"]<wbr>.recall("ring")`), so a narrow screen wraps it between
    /// tokens, never inside `"ring"`.
    static func breakable(_ source: String) -> String {
        ClaimSource.breakingBeforeMembers(Markup.escape(source))
    }

    /// `left = 0.85 > right = 0.425 + margin 0.1 (= 0.525)`, each number once, in words and figures.
    static func values(_ v: ClaimValues, into out: inout MarkupBuffer) {
        func side(_ source: String, _ value: Double) -> MarkupBuffer {
            "<code>\(breakable(source))</code> = <strong>\(Markup.escape(NumberText.claim(value)))</strong>"
        }
        out += "<li>\(side(v.left, v.leftValue)) \(Markup.escape(v.comparison)) \(side(v.right, v.rightValue))"
        if let margin = v.margin {
            let sign = margin < 0 ? "−" : "+"
            out += " \(sign) margin <strong>\(Markup.escape(NumberText.claim(abs(margin))))</strong>"
            out += " <span class=\"note\">(difference \(Markup.escape(NumberText.claim(v.leftValue - v.rightValue))), "
            out += v.holds ? "enough)" : "not enough)"
            out += "</span>"
        }
        out += "</li>"
    }
}

/// Public entry for the page: the fragment placed after an `expect` block.
public enum ExpectationFragment {
    public static func html(_ records: [ResultsDocument.ExpectationRecord]) -> String {
        ExpectationBox(records: records).html()
    }
}
