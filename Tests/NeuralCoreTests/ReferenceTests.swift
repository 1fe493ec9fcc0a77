import XCTest
@testable import NeuralCore

/// Every case of `shared/reference/losses-and-metrics.json` against the public API.
/// Cases are selected by `op`; an op nobody handles is a failure, so a new family in the
/// file cannot be skipped silently.
final class ReferenceTests: XCTestCase {
    func testEveryReferenceCase() throws {
        let ref = try ReferenceData.load()
        let ledger = CaseLedger()
        var unhandledOps = Set<String>()
        for c in ref.cases {
            if checkLossCase(c, ref, ledger) || checkMetricCase(c, ref, ledger) { continue }
            ledger.skip(c.id, "no handler for op \(c.op)")
            unhandledOps.insert(c.op)
        }
        let families = Set(ref.cases.map { $0.op })
        print("reference coverage: \(ledger.covered.count) of \(ref.cases.count) cases covered, "
              + "\(ledger.skipped.count) skipped, \(families.count) ops")
        for d in ledger.deviations { print("  deliberate deviation: \(d)") }
        XCTAssertEqual(Set(ledger.covered).count, ledger.covered.count, "a case was counted twice")
        XCTAssertEqual(ledger.covered.count, ref.cases.count, "uncovered ops: \(unhandledOps.sorted())")
        XCTAssertGreaterThanOrEqual(ref.cases.count, 580, "reference file shrank")
    }
}
