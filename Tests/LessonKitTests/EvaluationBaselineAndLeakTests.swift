import Experiments
@testable import LessonKit
import XCTest

/// Lesson code can name the constant-score baseline, the leaky threshold and the ROC-AUC metrics,
/// and the evaluator checks them like any other API.
final class EvaluationBaselineAndLeakTests: XCTestCase {
    func testBaselineLeakAndROCAUCEvaluate() throws {
        let plan = try EvaluationFixture.plan(EvaluationFixture.blocks([
            ("experiment", #"""
            Compare("t", on: Shapes(), runs: [
                Run("baseline", model: PrevalenceBaseline()),
                Run("leak", threshold: .tunedOnTest(maximizing: .f1)),
            ])
            """#),
            ("expect", #"expect(results["baseline"].rocAUC("ring") == 0.5 && results["leak"].macroROCAUC > 0.5)"#),
        ]))
        XCTAssertEqual(plan.runs.map(\.model), [.prevalence(PrevalenceBaseline()), MLP().model])
        XCTAssertEqual(plan.runs.last?.threshold, .tunedOnTest(maximizing: .f1))
        XCTAssertEqual(plan.expectations.count, 1)
    }

    func testMisspeltMetricSuggestsROCAUC() throws {
        let messages = try EvaluationFixture.diagnostics(EvaluationFixture.blocks([
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("a")])"#),
            ("expect", #"expect(results["a"].rocAuc("ring") > 0.5)"#),
        ]))
        XCTAssertTrue(messages.contains { $0.contains("rocAUC") }, "\(messages)")
    }
}
