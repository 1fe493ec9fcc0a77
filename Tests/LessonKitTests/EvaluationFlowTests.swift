@testable import LessonKit
import XCTest

/// The parts of an evaluation hand work to each other without shared state:
/// a statement is judged by the value it makes, an override's prefix and
/// location stay with its own value, and the depth bound holds in claims too.
final class EvaluationFlowTests: XCTestCase {
    func testAStatementIsJudgedByTheTypeOfItsValue() throws {
        let md = EvaluationFixture.blocks([
            ("experiment", """
            let s = Shapes()
            s
            let d: DatasetSpecification = s
            d
            let o: Shapes? = s
            o
            let c: Compare? = Compare("t", on: s, runs: [Run("a")])
            c
            [Run("b")]
            Sweep("w", parameter: "epochs", values: [1, 2], runs: ["a"])
            """),
            ("expect", "Compare(\"u\", on: Shapes(), runs: [Run(\"x\")])\n3\nexpect(results[\"a\"].macroF1 > 0)"),
        ])
        let unused = "is unused; an experiment block declares names and Compare(...) calls"
        XCTAssertEqual(try EvaluationFixture.diagnostics(md), [
            "9:1: a dataset on its own is not shown; pass it to Compare(_:on:runs:)",
            "11:1: a dataset on its own is not shown; pass it to Compare(_:on:runs:)",
            "13:1: result of type 'Shapes?' \(unused)",
            "15:1: result of type 'Compare?' \(unused)",
            "16:1: result of type '[Run]' \(unused)",
            "17:23: no parameter 'epochs'; a sweep sets a number declared in a 'swift parameters' block",
            "23:1: Compare belongs in a 'swift experiment' block",
            "24:1: an expect block states claims as 'expect(...)' statements",
        ])
    }

    func testAnOverrideKeepsItsPrefixAndPlaceToItself() throws {
        let parameters = "```swift parameters\nlet epochs = 12\n```\n\n"
        let experiment = "```swift experiment\n" + #"Compare("t", on: Shapes(), runs: [Run("a", epoch: epochs)])"# + "\n```\n"
        let found = try EvaluationFixture.diagnostics(parameters + experiment, overrides: ["epochs": "2.5"])
        // The override's error is at the parameter and says so; the lesson's own error after it does not.
        XCTAssertEqual(found.first, "8:5: --set epochs=2.5: cannot convert value of type 'Double' to specified type 'Int'")
        XCTAssertEqual(found.dropFirst(), ["12:44: Run has no argument 'epoch'; did you mean 'epochs'? (arguments: model, head, loss, sampleWeight, optimizer, epochs, batchSize, schedule, clipNorm, earlyStopping, threshold, outputBias, logitShift, augmentation, seed)"])
    }

    func testABadOverrideOfASweptParameterIsReportedOnceAtTheParameter() throws {
        let parameters = "```swift parameters\nlet scale = 2\n```\n\n"
        let experiment = "```swift experiment\n" + #"Compare("t", on: Shapes(), runs: [Run("a", epochs: scale)])"# + "\n"
            + #"Sweep("s", parameter: "scale", values: [1, 2], runs: ["a"])"# + "\n```\n"
        let found = try EvaluationFixture.diagnostics(parameters + experiment, overrides: ["scale": "abc"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.contains("--set scale=abc") ?? false, "\(found)")
    }

    func testClaimsNestedTooDeeplyAreReportedOnceEach() throws {
        let n = 17
        let not = String(repeating: "!(", count: n) + "true" + String(repeating: ")", count: n)
        let negated = String(repeating: "-(", count: n) + #"results["a"].macroF1"# + String(repeating: ")", count: n)
        let margin = String(repeating: "-(", count: n) + "1" + String(repeating: ")", count: n)
        let md = EvaluationFixture.blocks([
            ("experiment", #"Compare("t", on: Shapes(), runs: [Run("a")])"#),
            ("expect", "expect(\(not))\nexpect(\(negated) > 0)\nexpect(results[\"a\"].macroF1 > 0 + \(margin))"),
        ])
        let deep = "expression is nested too deeply (more than 32 levels)"
        XCTAssertEqual(try EvaluationFixture.diagnostics(md), ["14:40: \(deep)", "15:39: \(deep)", "16:66: \(deep)"])
    }
}
