import XCTest
import NeuralCore
@testable import Experiments

/// `.tunedOnTest` picks each label's threshold on the test split itself: the leak lesson 4
/// lets a student measure. By construction its test F1 is the best any threshold reaches there.
final class ThresholdLeakTests: XCTestCase {
    private func split(_ count: Int, seed: UInt64) -> LabeledImages { TwoPixelData.split(count, seed: seed) }

    func testLeakyThresholdsAreTheTestSplitsBestF1() throws {
        let dataset = Dataset(labelNames: ["a", "b"], train: split(200, seed: 1), validation: split(40, seed: 2),
                              test: split(120, seed: 3))
        let honest = RunExecutor.execute(Run("honest", model: MLP(hidden: [4]), epochs: 2, threshold: .tuned(maximizing: .f1),
                                             seed: 1), on: dataset)
        let leaky = RunExecutor.execute(Run("leaky", model: MLP(hidden: [4]), epochs: 2,
                                            threshold: .tunedOnTest(maximizing: .f1), seed: 1), on: dataset)
        let h = try XCTUnwrap(honest.metrics), l = try XCTUnwrap(leaky.metrics)
        XCTAssertEqual(h.meanAveragePrecision, l.meanAveragePrecision, "same weights, same ranking")
        XCTAssertNotEqual(honest.thresholds, leaky.thresholds, "the two splits choose different cuts")
        for c in 0..<2 {
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(l.perLabel[c].f1), try XCTUnwrap(h.perLabel[c].f1), "label \(c): the leak is never worse on test")
        }
        XCTAssertTrue(Threshold.tunedOnTest(maximizing: .f1).tunesOnTestSplit)
        XCTAssertFalse(Threshold.tuned(maximizing: .f1).tunesOnTestSplit)
    }
}
