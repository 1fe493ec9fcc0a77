import XCTest
import Experiments
import PortableJSON
@testable import LessonKit

/// `lessons verify`'s comparison: bit for bit, timings aside, the first difference
/// named by its path; and the wasm engine's refusal of data it cannot make.
final class ResultComparisonTests: XCTestCase {
    private let result = try! JSONValue(parsing: """
        {"name": "a", "history": [{"epoch": 1, "trainLoss": 0.5}], "outcome": {"completed": {}},
         "metrics": {"macroF1": 0.1, "perLabel": [{"label": "x", "f1": 0.25}, {"label": "y", "f1": 0.75}]},
         "timings": {"trainSeconds": 1.5, "evaluateSeconds": 0.25}}
        """)

    private func changed(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: result.text.replacingOccurrences(of: text.components(separatedBy: "→")[0],
                                                               with: text.components(separatedBy: "→")[1]))
    }

    func testIdenticalResultsAgreeWhateverTheirTimings() throws {
        XCTAssertNil(ResultDifference.first(expected: result, got: result))
        XCTAssertNil(ResultDifference.first(expected: result, got: try changed("\"trainSeconds\":1.5→\"trainSeconds\":9")))
    }

    func testAChangedNumberIsNamedByItsPath() throws {
        let got = try changed("\"f1\":0.75→\"f1\":0.7500000000000001")
        XCTAssertEqual(ResultDifference.first(expected: result, got: got)?.description,
                       "metrics.perLabel[1].f1: expected 0.75, got 0.7500000000000001")
        XCTAssertEqual(ResultDifference.first(expected: result, got: try changed("\"macroF1\":0.1,→"))?.description,
                       "metrics.macroF1: expected 0.1, got nothing")
        XCTAssertEqual(ResultDifference.first(expected: result, got: try changed("{\"epoch\":1,\"trainLoss\":0.5}→"))?.description,
                       "history.count: expected 1, got 0")
        XCTAssertEqual(ResultDifference.first(expected: result, got: try changed("{\"completed\":{}}→\"x\""))?.description,
                       "outcome: expected {\"completed\":{}}, got \"x\"")
    }

    func testTheWasmEngineRefusesDataItCannotMake() {
        let pair = VerifyPair(context: "Fashion", run: Run("r"), dataset: .fashionMosaics(FashionMosaics()), seed: 1, expected: result)
        let verification = LessonVerification(engine: .wasm(WasmEngine(module: "/nonexistent", host: "/nonexistent")), lessonFolder: nil)
        var datasets: [DatasetSource: Dataset] = [:]
        XCTAssertThrowsError(try verification.train(pair, datasets: &datasets)) {
            XCTAssertEqual(($0 as? LessonsError)?.exitCode, 2)
            let message = ($0 as? LessonsError)?.diagnostics.first?.message ?? ""
            XCTAssertTrue(message.hasPrefix("'Fashion': --engine wasm trains only on Shapes data so far"), message)
        }
    }
}
