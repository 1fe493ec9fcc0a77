import Claims
import Experiments
import ResultsRendering

/// A claim checked on a lesson's runs: its outcome (for the located error of a
/// failed claim) and the record `results.json` and the page show.
public struct CheckedClaim: Sendable {
    public var expectation: Expectation
    public var outcome: ExpectationOutcome
    public var checked: CheckedExpectation
}

extension LessonRunOutcome {
    /// Checks `expectations` on these runs, in order, and marks the divergences a held
    /// claim states as expected (the lesson's point, not its failure).
    public mutating func check(_ expectations: [Expectation]) -> [CheckedClaim] {
        let runs = reports
        let claims = expectations.map { expectation -> CheckedClaim in
            let result = expectation.evaluate(runs)
            let values = expectation.comparedValues(runs)
            let record = ResultsDocument.ExpectationRecord(
                line: expectation.location.line, column: expectation.location.column, source: expectation.claim,
                passed: result.passed, detail: result.actual, required: result.required, seeds: result.seeds,
                values: values.isEmpty ? nil : values, sanityCheck: expectation.sanityCheck ? true : nil)
            return CheckedClaim(expectation: expectation, outcome: result,
                                checked: CheckedExpectation(blockIndex: expectation.blockIndex, record: record))
        }
        expectedToDiverge = Set(claims.filter { $0.outcome.passed }.flatMap { $0.expectation.expectedDivergences })
        return claims
    }
}
