import XCTest
@testable import PortableRun

/// Small configurations shared by the tests: a CNN with balanced posWeight and an
/// MLP with SGD, both on 16-pixel Shapes, in `PairConfiguration`'s flat layout.
enum SmallPairs {
    static let cnn: [Double] = [1, 3, 0.5, 0.3, 0.2, -1, -1, 0, 16, 0.05, 96, 0, 48, 7,
                                1, 2, 4, 6, 1, 8, 0, 3, 1, 0.5, 0, 0.003, 0, 2, 32, 11]
    static let mlp: [Double] = [1, 2, 0.5, 0.25, -1, -1, 16, 0.1, 64, 0, 32, 3,
                                0, 0, 2, 12, 6, 0, 3, 0, 0, 1, 0.05, 0.9, 2, 16, 5]
}

final class PairConfigurationTests: XCTestCase {
    func testReadsEveryField() throws {
        let c = try PairConfiguration(flat: SmallPairs.cnn)
        XCTAssertEqual(c.shapes.labels, ["circle", "square", "triangle"])
        XCTAssertEqual(c.shapes.prevalence, [0.5, 0.3, 0.2])
        XCTAssertEqual(c.shapes.together, ["triangle": "circle"])
        XCTAssertEqual([c.shapes.size, c.shapes.train, c.shapes.validation, c.shapes.test, c.shapes.seed], [16, 96, 0, 48, 7])
        XCTAssertTrue(c.isConvolutional)
        XCTAssertEqual(c.filters, [4, 6])
        XCTAssertEqual(c.widths, [8])
        XCTAssertEqual(c.balancedPosWeightScale, 0.5)
        XCTAssertFalse(c.usesSGD)
        XCTAssertEqual([c.epochs, c.batchSize, c.seed], [2, 32, 11])
        let m = try PairConfiguration(flat: SmallPairs.mlp)
        XCTAssertFalse(m.isConvolutional)
        XCTAssertEqual(m.widths, [12, 6])
        XCTAssertNil(m.balancedPosWeightScale)
        XCTAssertTrue(m.usesSGD)
    }

    func testBadValuesAreNamedWithTheirPosition() {
        func message(_ flat: [Double]) -> String {
            do { _ = try PairConfiguration(flat: flat); return "accepted" } catch { return error.description }
        }
        XCTAssertEqual(message([2]), "layout version must be 1")
        XCTAssertEqual(message([1, 9]), "label count at position 1 must be a whole number in 1...5")
        XCTAssertEqual(message(Array(SmallPairs.cnn.dropLast())), "missing seed at position 29")
        XCTAssertEqual(message(SmallPairs.cnn + [0]), "1 values too many")
        var nan = SmallPairs.cnn
        nan[9] = .nan
        XCTAssertEqual(message(nan), "noise at position 9 is not finite")
    }

    func testTrainingIsDeterministicAndHashesTheWeights() throws {
        let c = try PairConfiguration(flat: SmallPairs.mlp)
        let first = try PairRun.train(c), second = try PairRun.train(c)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.stepLosses.count, 2 * 4)
        XCTAssertEqual(first.epochLosses.count, 2)
        XCTAssertEqual(first.testProbabilities.count, 32 * 2)
        var other = c
        other.seed += 1
        XCTAssertNotEqual(try PairRun.train(other).weightsHash, first.weightsHash)
    }
}
