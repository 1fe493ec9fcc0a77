import XCTest
@testable import NeuralCore

final class WeightingAndHeadTests: XCTestCase {
    // 6 samples, 3 labels: positives 3, 1, 0 → label 2 has none.
    private let labels = Tensor(shape: [6, 3], storage: [1, 0, 0,  1, 1, 0,  0, 0, 0,  1, 0, 0,  0, 0, 0,  0, 0, 0])

    func testBalancedPosWeightAndItsError() throws {
        let ok = Tensor(shape: [4, 2], storage: [1, 0, 0, 1, 0, 0, 1, 0])
        XCTAssertEqual(try PositiveWeighting.balanced.resolve(labels: ok), [1, 3])
        XCTAssertEqual(try PositiveWeighting.fixed([2]).resolve(labels: ok), [2])
        XCTAssertNil(try PositiveWeighting.none.resolve(labels: ok))
        XCTAssertThrowsError(try PositiveWeighting.balanced.resolve(labels: labels, labelNames: ["circle", "square", "ring"])) {
            XCTAssertEqual($0 as? WeightingError, .noPositives(label: "ring"))
            XCTAssertTrue("\($0)".contains("'ring'"))
        }
        XCTAssertThrowsError(try PositiveWeighting.fixed([1, 2]).resolve(labels: labels))
    }

    func testSampleWeightSchemes() throws {
        let l = Tensor(shape: [5, 2], storage: [1, 0,  1, 1,  0, 1,  0, 0,  1, 0])
        // positives: label 0 → 3 (balanced 2/3), label 1 → 2 (balanced 3/2).
        let rarest = try SampleWeighting.rarestLabel.weights(labels: l)!
        let twoThirds = Float(2.0 / 3)
        let expectedRarest: [Float] = [twoThirds, 1.5, 1.5, 1, twoThirds]
        XCTAssertEqual(rarest, expectedRarest)
        // groups by rarest positive: label0 {0,4}, label1 {1,2}, none {3} → 5/(3·size)
        let inverse = try SampleWeighting.inverseFrequency.weights(labels: l)!
        let sixth = Float(5.0 / 6), third = Float(5.0 / 3)
        let expectedInverse: [Float] = [sixth, sixth, sixth, third, sixth]
        XCTAssertEqual(inverse, expectedInverse)
        XCTAssertEqual(inverse.reduce(0, +) / 5, 1, accuracy: 1e-6)
        XCTAssertEqual(try SampleWeighting.kerasClassWeight([3, 7]).weights(labels: l), [3, 3, 7, 3, 3],
                       "first positive label; all-zero row takes class 0")
        XCTAssertNil(try SampleWeighting.none.weights(labels: l))
    }

    func testHeadsProbabilitiesAndStrictThreshold() {
        let logits = Tensor(shape: [2, 3], storage: [0, 2, -2,  1, 1, 1])
        let sig = OutputHead.sigmoid.probabilities(logits)
        XCTAssertEqual(sig.storage[0], 0.5)
        XCTAssertEqual(Double(sig.storage[1]), 1 / (1 + exp(-2.0)), accuracy: 1e-7)
        XCTAssertEqual(OutputHead.sigmoid.predict(logits: logits, threshold: 0.5).storage, [0, 1, 0, 1, 1, 1], "0.5 is not > 0.5")
        let soft = OutputHead.softmax.probabilities(logits)
        XCTAssertEqual(Double(soft.row(0).reduce(0, +)), 1, accuracy: 1e-6)
        XCTAssertEqual(Double(soft.storage[3]), 1.0 / 3, accuracy: 1e-7)
        XCTAssertEqual(OutputHead.softmax.predict(logits: logits, threshold: 0.3).storage, [0, 1, 0, 1, 1, 1])
        XCTAssertEqual(OutputHead.softmax.predict(logits: logits, thresholds: [0.9, 0.5, 0.1]).storage, [0, 1, 0, 0, 0, 1])
        XCTAssertEqual(OutputHead.softmax.predictTopK(logits: logits, k: 1).storage, [0, 1, 0, 1, 0, 0], "ties: lower index")
        XCTAssertEqual(OutputHead.topK(logits, k: 2).storage, [1, 1, 0, 1, 1, 0])
    }
}
