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
        let verification = LessonVerification(engine: .wasm(WasmEngine(module: "/nonexistent/lessons.wasm", host: "/nonexistent")),
                                              lessonFolder: nil)
        func refusal(_ dataset: DatasetSource) -> String {
            let pair = VerifyPair(context: "Data", run: Run("r"), dataset: dataset, seed: 1, expected: result)
            var datasets: [DatasetSource: Dataset] = [:]
            do { _ = try verification.train(pair, datasets: &datasets) } catch let error as LessonsError {
                XCTAssertEqual(error.exitCode, 2)
                return error.diagnostics.first?.message ?? ""
            } catch { return "\(error)" }
            return "trained"
        }
        XCTAssertEqual(refusal(.numpy(NumpyDataset(images: "x.npy", labels: "y.npy"))),
                       "'Data': --engine wasm makes Shapes and FashionMosaics data only; this lesson's data is read from files (use --engine native)")
        XCTAssertEqual(refusal(.fashionMosaics(FashionMosaics())),
                       "--engine wasm: no Fashion-MNIST asset at /nonexistent/fashion-mnist.js (lessons fashion-asset writes it)")
    }
}
