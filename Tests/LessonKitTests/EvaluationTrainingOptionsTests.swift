import Experiments
@testable import LessonKit
import XCTest

/// The training options in lesson code: each binds to the value the Swift API makes, its
/// default is the run without it, a value out of range is an error at the value, the
/// reference page lists it, and a lesson using it survives plan.json.
final class EvaluationTrainingOptionsTests: XCTestCase {
    /// The run `Run("r", <argument>)` makes in a comparison on Shapes.
    private func run(_ argument: String, file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let md = EvaluationFixture.blocks([("experiment", "Compare(\"t\", on: Shapes(), runs: [Run(\"r\", \(argument))])")])
        return try XCTUnwrap(EvaluationFixture.plan(md, file: file, line: line).runs.first, file: file, line: line)
    }

    private func diagnostics(_ code: String) throws -> [String] {
        try EvaluationFixture.diagnostics(EvaluationFixture.blocks([("experiment", code)]))
    }

    func testLabelSmoothing() throws {
        XCTAssertEqual(try run("loss: .binaryCrossEntropy(labelSmoothing: 0.1)"), Run("r", loss: .binaryCrossEntropy(labelSmoothing: 0.1)))
        XCTAssertEqual(try run("loss: .binaryCrossEntropy(posWeight: .balanced, labelSmoothing: 0)"),
                       Run("r", loss: .binaryCrossEntropy(posWeight: .balanced)), "0 is the default, stored as none")
        XCTAssertEqual(try diagnostics(#"let r = Run("a", loss: .binaryCrossEntropy(labelSmoothing: 1.5))"#),
                       ["8:60: labelSmoothing must be 0...1, got 1.5"])
    }

    func testClipNorm() throws {
        XCTAssertEqual(try run("clipNorm: 1.5"), Run("r", clipNorm: 1.5))
        XCTAssertEqual(try run("clipNorm: nil"), Run("r"))
        XCTAssertEqual(try diagnostics(#"let r = Run("a", clipNorm: 0)"#), ["8:28: clipNorm must be > 0 and ≤ 1000000, got 0"])
    }

    func testSchedule() throws {
        XCTAssertEqual(try run("schedule: .cosine(epochs: 10, alpha: 0.1, warmupEpochs: 2)"),
                       Run("r", schedule: .cosine(epochs: 10, alpha: 0.1, warmupEpochs: 2)))
        XCTAssertEqual(try run("schedule: .step(everyEpochs: 3)"), Run("r", schedule: .step(everyEpochs: 3, factor: 0.1, warmupEpochs: 0)))
        XCTAssertEqual(try run("schedule: .warmup(epochs: 2)"), Run("r", schedule: .warmup(epochs: 2)))
        XCTAssertEqual(try run("schedule: .constant"), Run("r"))
        XCTAssertEqual(try diagnostics(#"let r = Run("a", schedule: .step(everyEpochs: 0))"#), ["8:47: everyEpochs must be 1...1000, got 0"])
        XCTAssertEqual(try diagnostics(#"let r = Run("a", schedule: .step(everyEpochs: 2, factor: 0))"#),
                       ["8:58: factor must be > 0 and ≤ 1, got 0"])
        XCTAssertEqual(try diagnostics(#"let r = Run("a", schedule: .cosine(epochs: 5, warmupEpochs: -1))"#),
                       ["8:61: warmupEpochs must be 0...1000, got -1"])
    }

    func testEarlyStopping() throws {
        XCTAssertEqual(try run("earlyStopping: EarlyStopping(patience: 3, minDelta: 0.001, restoreBestWeights: false)"),
                       Run("r", earlyStopping: EarlyStopping(patience: 3, minDelta: 0.001, restoreBestWeights: false)))
        XCTAssertEqual(try run("earlyStopping: EarlyStopping()"),
                       Run("r", earlyStopping: EarlyStopping(patience: 5, minDelta: 0, restoreBestWeights: true)))
        XCTAssertEqual(try run("earlyStopping: nil"), Run("r"))
        XCTAssertEqual(try diagnostics(#"let r = Run("a", earlyStopping: EarlyStopping(patience: 1001))"#),
                       ["8:57: patience must be 0...1000, got 1001"])
        // The dataset decides: without validation images the error sits on the run's argument.
        let none = "early stopping watches the validation loss, but this dataset holds out no validation images "
        XCTAssertEqual(try diagnostics("""
            let stop = EarlyStopping(patience: 2)
            Compare("t", on: Shapes(validation: 0), runs: [Run("a"), Run("b", earlyStopping: stop)])
            """), ["9:82: " + none + "(validation: 0); give it validation images or drop earlyStopping"])
        XCTAssertEqual(try diagnostics(#"Compare("t", on: FashionMosaics(validation: 0), runs: [Run("a", earlyStopping: EarlyStopping())])"#),
                       ["8:80: " + none + "(validation: 0); give it validation images or drop earlyStopping"])
        XCTAssertEqual(try diagnostics(#"Compare("t", on: Shapes(), runs: [Run("a", earlyStopping: EarlyStopping())])"#), [])
    }

    func testBatchNorm() throws {
        XCTAssertEqual(try run("model: MLP(hidden: [8], batchNorm: true)"), Run("r", model: MLP(hidden: [8], batchNorm: true)))
        XCTAssertEqual(try run("model: CNN(filters: [4], batchNorm: true)"), Run("r", model: CNN(filters: [4], batchNorm: true)))
        XCTAssertEqual(try run("model: MLP(batchNorm: false)"), Run("r"))
        XCTAssertEqual(try diagnostics(#"let m = CNN(batchNorm: 1)"#), ["8:24: cannot convert value of type 'Int' to expected argument type 'Bool'"])
    }

    func testTheReferencePageListsEveryOption() {
        let page = APIReferencePage.html()
        for text in ["labelSmoothing", "label_smoothing", "clipNorm", "clip_grad_norm_", "schedule", "Schedule", "warmupEpochs", "cosine_decay_schedule", "earlyStopping", "EarlyStopping", "patience", "restoreBestWeights", "batchNorm"] {
            XCTAssertTrue(page.contains(text), "the reference page does not mention \(text)")
        }
    }

    /// A lesson using every option, its values read from parameters, lowers to a plan that
    /// reads back equal from plan.json and resolves, with other values, to the runs `--set` makes.
    func testALessonWithTheOptionsRoundTripsThroughPlanJSON() throws {
        let markdown = EvaluationFixture.blocks([
            ("parameters", "let smoothing = 0.1\nlet clip = 2.0\nlet decayEvery = 2\nlet patience = 4\nlet norm = false"),
            ("experiment", """
            Compare("t", on: Shapes(), runs: [
                Run("a", model: MLP(batchNorm: norm), loss: .binaryCrossEntropy(labelSmoothing: smoothing),
                    schedule: .step(everyEpochs: decayEvery, factor: 0.5), clipNorm: clip, earlyStopping: EarlyStopping(patience: patience, minDelta: 0.01)),
            ])
            """),
        ])
        let lesson = try EvaluationFixture.lesson(markdown)
        let back = try PlanJSONTests.readBack(lesson).back
        let set = ["smoothing": "0.3", "clip": "0.5", "decayEvery": "3", "patience": "7", "norm": "true"]
        guard case .success(let resolved) = PlanResolver.resolve(back, settings: try PlanResolutionTests.lowered(lesson, set).settings,
                                                                 path: lesson.path),
              case .success(let running) = Evaluator.evaluate(lesson, overrides: set) else { return XCTFail("does not resolve") }
        XCTAssertEqual(resolved.comparisons[0].runs, running.runs)
        XCTAssertEqual(resolved.comparisons[0].runs, [
            Run("a", model: MLP(batchNorm: true), loss: .binaryCrossEntropy(labelSmoothing: 0.3), schedule: .step(everyEpochs: 3, factor: 0.5),
                clipNorm: 0.5, earlyStopping: EarlyStopping(patience: 7, minDelta: 0.01)),
        ])
    }
}
