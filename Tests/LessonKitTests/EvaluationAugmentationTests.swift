import Experiments
@testable import LessonKit
import XCTest

/// Augmentation in lesson code: declared once (Experiments' `Augmentation`), it binds to
/// the value the Swift API makes, defaults to none (the run without it), a value out of
/// range is an error at the value, the reference page lists it, and it survives plan.json.
final class EvaluationAugmentationTests: XCTestCase {
    private func run(_ argument: String, file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let md = EvaluationFixture.blocks([("experiment", "Compare(\"t\", on: Shapes(), runs: [Run(\"r\", \(argument))])")])
        return try XCTUnwrap(EvaluationFixture.plan(md, file: file, line: line).runs.first, file: file, line: line)
    }

    private func diagnostics(_ code: String) throws -> [String] {
        try EvaluationFixture.diagnostics(EvaluationFixture.blocks([("experiment", code)]))
    }

    func testAugmentationBindsAndDefaultsToNone() throws {
        XCTAssertEqual(try run("augmentation: Augmentation(flips: .horizontal, shift: 2, noise: 0.05)"),
                       Run("r", augmentation: Augmentation(flips: .horizontal, shift: 2, noise: 0.05)))
        XCTAssertEqual(try run("augmentation: Augmentation(flips: .both)"), Run("r", augmentation: Augmentation(flips: .both)))
        XCTAssertEqual(try run("augmentation: Augmentation()"), Run("r"))
        XCTAssertEqual(try run("augmentation: nil"), Run("r"))
        XCTAssertNil(try run("epochs: 3").augmentation)
    }

    func testABadAugmentationIsAnErrorAtTheValue() throws {
        XCTAssertEqual(try diagnostics(#"let r = Run("a", augmentation: Augmentation(shift: 17))"#), ["8:52: shift must be 0...16, got 17"])
        XCTAssertEqual(try diagnostics(#"let r = Run("a", augmentation: Augmentation(noise: -0.5))"#), ["8:52: noise must be 0...1, got -0.5"])
        XCTAssertEqual(try diagnostics(#"let r = Run("a", augmentation: Augmentation(flips: .diagonal))"#),
                       ["8:53: type 'Flips' has no member 'diagonal' (members: both, horizontal, none, vertical)"])
    }

    func testTheReferencePageDescribesAugmentation() {
        let page = APIReferencePage.html()
        for text in ["type-augmentation", "Augmentation(flips:<wbr>shift:<wbr>noise:<wbr>)", "RandomCrop", "GaussianNoise",
                     "type-flips", "<code>.horizontal</code>", "<code>augmentation</code>"] {
            XCTAssertTrue(page.contains(text), "the reference page does not mention \(text)")
        }
    }

    /// Read from parameters, it resolves from plan.json to the runs `--set` makes.
    func testALessonWithAugmentationRoundTripsThroughPlanJSON() throws {
        let markdown = EvaluationFixture.blocks([
            ("parameters", "let shift = 1\nlet noise = 0.1"),
            ("experiment", """
            Compare("t", on: Shapes(), runs: [
                Run("a", augmentation: Augmentation(flips: .vertical, shift: shift, noise: noise)),
            ])
            """),
        ])
        let lesson = try EvaluationFixture.lesson(markdown)
        let back = try PlanJSONTests.readBack(lesson).back
        let set = ["shift": "3", "noise": "0.2"]
        guard case .success(let resolved) = PlanResolver.resolve(back, settings: try PlanResolutionTests.lowered(lesson, set).settings,
                                                                 path: lesson.path),
              case .success(let running) = Evaluator.evaluate(lesson, overrides: set) else { return XCTFail("does not resolve") }
        XCTAssertEqual(resolved.comparisons[0].runs, running.runs)
        XCTAssertEqual(resolved.comparisons[0].runs, [Run("a", augmentation: Augmentation(flips: .vertical, shift: 3, noise: 0.2))])
        XCTAssertEqual(try diagnostics("Compare(\"t\", on: Shapes(), runs: [Run(\"a\", augmentation: Augmentation(shift: 99))])"),
                       ["8:78: shift must be 0...16, got 99"])
    }
}
