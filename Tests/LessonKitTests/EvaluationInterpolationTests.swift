import Experiments
@testable import LessonKit
import XCTest

/// Parameter values interpolated into names: spelled as Swift spells them, kept
/// in step with `--set`, found by sweeps, and refused for values that have no
/// plain spelling.
final class EvaluationInterpolationTests: XCTestCase {
    let data = "Shapes(labels: [\"circle\", \"ring\"], prevalence: [0.5, 0.1], train: 40, test: 20)"

    func lesson(_ expect: String = "") -> String {
        EvaluationFixture.blocks([
            ("parameters", "let rate = 0.001\nlet epochs = 3\nlet tag = \"v2\"\nlet tuned = true"),
            ("experiment", """
            Compare("Adam at \\(rate), \\(epochs) epochs", on: \(data), runs: [
                Run("Adam, lr \\(rate)", optimizer: .adam(learningRate: rate), epochs: epochs),
                Run("plain \\(tag) \\(tuned) \\"quoted\\"", epochs: 2),
            ])
            Sweep("lr \\(rate) and beyond", parameter: "rate", values: [0.001, 0.01, 0.00001], runs: ["Adam, lr \\(rate)"])
            """),
            ("expect", expect.isEmpty ? #"expect(results["Adam, lr \(rate)"].macroF1 >= 0)"# : expect),
        ])
    }

    func testValuesAreSpelledAsSwiftSpellsThem() throws {
        let plan = try EvaluationFixture.plan(lesson())
        XCTAssertEqual(plan.comparisons[0].title, "Adam at 0.001, 3 epochs")
        XCTAssertEqual(plan.comparisons[0].runs.map(\.name), ["Adam, lr 0.001", #"plain v2 true "quoted""#])
        XCTAssertEqual(plan.expectations[0].runNames, ["Adam, lr 0.001"])
        // --set changes the name with the value, claims follow it.
        let set = try EvaluationFixture.plan(lesson(), overrides: ["rate": "1e-5", "epochs": "12"])
        XCTAssertEqual(set.comparisons[0].runs[0].name, "Adam, lr \(1e-5)")
        XCTAssertEqual(set.comparisons[0].runs[0].name, "Adam, lr 1e-05")
        XCTAssertEqual(set.comparisons[0].title, "Adam at 1e-05, 12 epochs")
        XCTAssertEqual(set.expectations[0].runNames, ["Adam, lr 1e-05"])
    }

    func testASweepFindsARunWhoseNameCarriesTheSweptValue() throws {
        let plan = try EvaluationFixture.plan(lesson())
        XCTAssertEqual(plan.sweeps.count, 1)
        let sweep = plan.sweeps[0]
        XCTAssertEqual(sweep.title, "lr 0.001 and beyond")
        XCTAssertEqual(sweep.points.map { $0.runs.map(\.name) }, Array(repeating: ["Adam, lr 0.001"], count: 3))
        XCTAssertEqual(sweep.points.map { $0.runs[0].optimizer }, [0.001, 0.01, 0.00001].map { Optimizer.adam(learningRate: $0) })
    }

    func testValuesWithoutAPlainSpellingAreRefused() throws {
        let d = try EvaluationFixture.diagnostics(EvaluationFixture.blocks([
            ("parameters", "let sizes = [64, 32]"),
            ("experiment", #"""
            Compare("a \(sizes)", on: Shapes(), runs: [Run("x")])
            Compare("b", on: Shapes(), runs: [Run("y \(epochs: 2)")])
            Compare("c", on: Shapes(), runs: [Run("z \(MLP())")])
            """#),
        ]))
        XCTAssertEqual(d.count, 3, d.joined(separator: "\n"))
        XCTAssertTrue(d[0].contains("cannot interpolate a value of type '[Int]'"), d[0])
        XCTAssertTrue(d[1].contains("an interpolation takes one value"), d[1])
        XCTAssertTrue(d[2].contains("cannot interpolate a value of type 'MLP'"), d[2])
    }
    /// A claim names an interpolated run by the same interpolation; one that wrote the
    /// name out breaks under --set, and the error says how to write it.
    func testAClaimWritingTheNameOutIsToldToInterpolate() throws {
        let written = lesson(#"expect(results["Adam, lr 0.001"].macroF1 >= 0)"#)
        XCTAssertNoThrow(try EvaluationFixture.plan(written))
        let d = try EvaluationFixture.diagnostics(written, overrides: ["rate": "0.01"])
        XCTAssertEqual(d.count, 1, d.joined(separator: "\n"))
        XCTAssertTrue(d[0].contains(#"no run named 'Adam, lr 0.001'; did you mean 'Adam, lr 0.01'?"#), d[0])
        XCTAssertTrue(d[0].contains(#"'Adam, lr 0.01' is named by interpolation: write results["Adam, lr \(rate)"], and the claim follows --set"#), d[0])
    }
}
