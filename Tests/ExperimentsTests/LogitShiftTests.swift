import XCTest
import NeuralCore
@testable import Experiments

/// `logitShift: .undoPosWeight` takes log q back out of each label's logit after training:
/// the same weights and ranking as the run as trained, its probabilities moved down by
/// exactly the shift, and its decisions at 0.5 those of the run cut at q / (1 + q).
final class LogitShiftTests: XCTestCase {
    private let dataset = Dataset(labelNames: ["a", "b"], train: TwoPixelData.split(300, seed: 1),
                                  validation: TwoPixelData.split(40, seed: 2), test: TwoPixelData.split(200, seed: 3))

    func testTheShiftUndoesThePositiveWeightOnTheLogits() throws {
        let loss = Loss.binaryCrossEntropy(posWeight: .fixed([4, 9]))
        let trained = RunExecutor.execute(Run("as trained", model: MLP(hidden: [4]), loss: loss, epochs: 3, seed: 1), on: dataset)
        let shifted = RunExecutor.execute(Run("shifted", model: MLP(hidden: [4]), loss: loss, epochs: 3,
                                              logitShift: .undoPosWeight, seed: 1), on: dataset)
        let cut = RunExecutor.execute(Run("cut", model: MLP(hidden: [4]), loss: loss, epochs: 3,
                                          threshold: .perLabel([0.8, 0.9]), seed: 1), on: dataset)
        let t = try XCTUnwrap(trained.metrics), s = try XCTUnwrap(shifted.metrics), c = try XCTUnwrap(cut.metrics)
        XCTAssertEqual(trained.history.map(\.trainLoss), shifted.history.map(\.trainLoss), "the shift changes nothing in training")
        XCTAssertEqual(s.meanAveragePrecision, t.meanAveragePrecision, accuracy: 1e-12, "a constant shift per label keeps the ranking")
        // σ(x − log q) > 0.5 exactly when σ(x) > q / (1 + q): the cut run's decisions (up to float rounding at the cut).
        for l in 0..<2 {
            XCTAssertEqual(try XCTUnwrap(s.perLabel[l].recall), try XCTUnwrap(c.perLabel[l].recall), accuracy: 0.011, "label \(l)")
        }
        // The weighted model's probabilities are too high; shifted back, they are closer to the frequencies.
        XCTAssertLessThan(try XCTUnwrap(s.values["expectedCalibrationError"]), try XCTUnwrap(t.values["expectedCalibrationError"]))
    }

    func testOffsetsAreTheLogOfEachLabelsWeight() throws {
        let offsets = try XCTUnwrap(LogitShift.undoPosWeight.offsets(loss: .binaryCrossEntropy(posWeight: [4, 1]), labelCount: 2))
        XCTAssertEqual(offsets[0], Float(log(4.0)), accuracy: 1e-6)
        XCTAssertEqual(offsets[1], 0)
        XCTAssertEqual(LogitShift.undoPosWeight.offsets(loss: .binaryCrossEntropy(posWeight: [2]), labelCount: 3)?.count, 3, "one weight for all labels")
        XCTAssertNil(LogitShift.undoPosWeight.offsets(loss: .binaryCrossEntropy(), labelCount: 2), "no weight, nothing to undo")
        XCTAssertNil(LogitShift.none.offsets(loss: .binaryCrossEntropy(posWeight: [4, 1]), labelCount: 2))
        let logits = Tensor(shape: [2, 2], storage: [1, 2, 3, 4])
        XCTAssertEqual(LogitShift.apply([1, 0.5], to: logits).storage, [0, 1.5, 2, 3.5])
    }

    func testARunWithoutAShiftKeepsItsEncoding() throws {
        // nil when .none, so every cached run keeps its key: no "logitShift" in its JSON.
        let json = String(decoding: try JSONEncoder().encode(Run("a")), as: UTF8.self)
        XCTAssertFalse(json.contains("logitShift"), json)
        XCTAssertTrue(String(decoding: try JSONEncoder().encode(Run("a", logitShift: .undoPosWeight)), as: UTF8.self).contains("undoPosWeight"))
    }
}
