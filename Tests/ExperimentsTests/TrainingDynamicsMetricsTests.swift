import NeuralCore
import XCTest
@testable import Experiments

/// A trained run reports how training went (validation loss, its lowest point and
/// epoch, steps) and the same model on its training images, all from one training.
final class TrainingDynamicsMetricsTests: XCTestCase {
    private func split(_ count: Int, seed: UInt64) -> LabeledImages { TwoPixelData.split(count, seed: seed, prevalence: (0.5, 0.3)) }

    func testATrainedRunReportsItsHistoryAndItsTrainingSplit() throws {
        let dataset = Dataset(labelNames: ["a", "b"], train: split(96, seed: 1), validation: split(32, seed: 2), test: split(64, seed: 3))
        let result = RunExecutor.execute(Run("r", model: MLP(hidden: [4]), epochs: 3, batchSize: 16, seed: 1), on: dataset)
        let m = try XCTUnwrap(result.metrics)
        let losses = result.history.compactMap(\.validationLoss)
        XCTAssertEqual(losses.count, 3)
        XCTAssertEqual(m.values["validationLoss"], losses.last)
        XCTAssertEqual(m.values["minValidationLoss"], losses.min())
        XCTAssertEqual(m.values["bestEpoch"], Double(try XCTUnwrap(losses.firstIndex(of: losses.min()!)) + 1))
        XCTAssertEqual(m.values["trainingSteps"], 3 * 6, "3 epochs of 96 images in batches of 16")
        let trainF1 = try XCTUnwrap(m.values["trainMacroF1"]), trainRecall = try XCTUnwrap(m.perLabel[0].values["trainRecall"])
        XCTAssertTrue((0...1).contains(trainF1) && (0...1).contains(trainRecall))
        XCTAssertNotEqual(m.values["trainMeanAveragePrecision"], m.meanAveragePrecision,
                          "the training images are other images than the test images")
        // The prevalence baseline does not train: those metrics are undefined, not zero.
        let baseline = try XCTUnwrap(RunExecutor.execute(Run("base", model: PrevalenceBaseline()), on: dataset).metrics)
        XCTAssertNil(baseline.values["trainMacroF1"])
        XCTAssertNil(baseline.values["validationLoss"])
    }
}
