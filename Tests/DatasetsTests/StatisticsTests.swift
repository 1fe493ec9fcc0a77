import XCTest
import NeuralCore
@testable import Datasets

final class StatisticsTests: XCTestCase {
    /// Labels (a, b, c) for 5 images: {a}, {a, b}, {}, {a, b}, {c}.
    private func dataset() -> Dataset {
        let hot: [Float] = [1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1]
        let train = LabeledImages(images: Tensor(zeros: [5, 2, 2, 1]), labels: Tensor(shape: [5, 3], storage: hot))
        let empty = LabeledImages(images: Tensor(zeros: [0, 2, 2, 1]), labels: Tensor(zeros: [0, 3]))
        let test = LabeledImages(images: Tensor(zeros: [2, 2, 2, 1]), labels: Tensor(shape: [2, 3], storage: [0, 0, 1, 0, 0, 0]))
        return Dataset(labelNames: ["a", "b", "c"], train: train, validation: empty, test: test)
    }

    func testCountsSharesAndCoOccurrence() throws {
        let stats = dataset().statistics
        XCTAssertEqual(stats.train.count, 5)
        XCTAssertEqual(stats.train.positives, [3, 2, 1])
        XCTAssertEqual(stats.train.prevalence, [0.6, 0.4, 0.2])
        XCTAssertEqual(stats.train.labelCardinality, 6.0 / 5.0)
        XCTAssertEqual(stats.train.shareWithNoLabel, 0.2)
        XCTAssertEqual(stats.train.shareWithOneLabel, 0.4)
        XCTAssertEqual(stats.train.shareWithSeveralLabels, 0.4)
        XCTAssertEqual(stats.train.coOccurrence, [[3, 2, 0], [2, 2, 0], [0, 0, 1]])
        XCTAssertEqual(stats.validation.prevalence, [0, 0, 0])
        XCTAssertEqual(stats.test.prevalence, [0, 0, 0.5])
        XCTAssertEqual(try stats.balancedPosWeight(), [2.0 / 3.0, 3.0 / 2.0, 4.0])
    }

    func testLabelWithoutPositivesIsNamed() {
        var data = dataset()
        data.labelNames = ["a", "b", "rare"]
        data.train.labels.storage = data.train.labels.storage.enumerated().map { $0.offset % 3 == 2 ? 0 : $0.element }
        assertDatasetError(["'rare'", "no positive", "train"]) { _ = try data.statistics.balancedPosWeight() }
    }

    func testStatisticsAreCodable() throws {
        let stats = dataset().statistics
        XCTAssertEqual(try JSONDecoder().decode(DatasetStatistics.self, from: JSONEncoder().encode(stats)), stats)
    }
}
