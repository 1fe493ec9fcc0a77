import XCTest
@testable import ResultsRendering

/// The hand-written claim reader against the regular expressions it replaced
/// (Embedded Swift has no `Regex`): the same matches on every claim form.
final class ClaimSourceTests: XCTestCase {
    private let pattern = /results\["((?:[^"\\]|\\.)*)"\]\.([A-Za-z0-9_]+)(?:\("((?:[^"\\]|\\.)*)"\))?/

    private func regexReferences(_ source: String) -> [String] {
        source.matches(of: pattern).map { m in "\(m.output.1)|\(m.output.2)|\(m.output.3.map(String.init) ?? "-")" }
    }

    private let claims = [
        #"results["pos_weight"].recall("ring") > results["plain BCE"].recall("ring") + 0.05"#,
        #"results["a"].macroF1 >= results["b"].meanAveragePrecision"#,
        #"abs(results["x \"quoted\""].f1("la\\bel") - 0.5) < 0.1"#,
        #"results["lr × 100"].diverged"#,
        #"results["a"].recall("ring"#,
        #"results["a"]."#,
        #"results["a"].recall(ring)"#,
        #"myresults["a"].x_1("é") && results["ü"].ü"#,
        #"results["unclosed].recall"#,
        "results[\"a\\\nb\"].x",
        #"results["a"].recall("ring")results["b"].precision("square")"#,
        "",
    ]

    func testReferencesMatchTheRegularExpression() {
        for claim in claims {
            let mine = ClaimSource.references(in: claim).map { "\($0.run)|\($0.name)|\($0.label ?? "-")" }
            XCTAssertEqual(mine, regexReferences(claim), claim)
        }
    }

    func testBreakOpportunitiesMatchTheRegularExpression() {
        for claim in claims + ["a.b.c", ".x", "x.", "1.5 < a.recall", "a..b", "a.é"] {
            XCTAssertEqual(ClaimSource.breakingBeforeMembers(claim), claim.replacing(/\.(?=[A-Za-z])/, with: "<wbr>."), claim)
        }
    }
}
