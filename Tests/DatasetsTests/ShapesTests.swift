import XCTest
@testable import Datasets

final class ShapesTests: XCTestCase {
    func testSameSeedGivesIdenticalDataAndAnotherSeedDiffers() throws {
        let spec = Shapes(train: 120, validation: 20, test: 30, seed: 7)
        let a = try spec.load(), b = try spec.load()
        XCTAssertEqual(a, b)
        var other = spec
        other.seed = 8
        let c = try other.load()
        XCTAssertNotEqual(a.train.images, c.train.images)
        XCTAssertNotEqual(a.train.labels, c.train.labels)
        XCTAssertEqual(a.train.images.shape, [120, 28, 28, 1])
        XCTAssertEqual(a.validation.labels.shape, [20, 5])
        XCTAssertEqual(a.test.count, 30)
        XCTAssertEqual(a.labelNames, Shapes.defaultLabels)
        XCTAssertTrue(a.train.images.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
        XCTAssertTrue(a.train.labels.storage.allSatisfy { $0 == 0 || $0 == 1 })
    }

    func testEachSplitHasItsOwnStreamSoResizingOneLeavesTheOthers() throws {
        let a = try Shapes(train: 60, validation: 10, test: 20, seed: 3).load()
        let b = try Shapes(train: 60, validation: 30, test: 5, seed: 3).load()
        XCTAssertEqual(a.train, b.train)
        XCTAssertNotEqual(a.test, b.test)
    }

    func testPrevalenceMatchesRequestAtFourThousandImages() throws {
        let prevalence = [0.40, 0.20, 0.10, 0.05, 0.02]
        let data = try Shapes(prevalence: prevalence, train: 4000, validation: 0, test: 0, seed: 3).load()
        let measured = data.statistics.train.prevalence
        for (label, (want, got)) in zip(data.labelNames, zip(prevalence, measured)) {
            XCTAssertEqual(got, want, accuracy: 0.02, label)
        }
        // Several labels at once must occur: the point of a multi-label course.
        XCTAssertGreaterThan(data.statistics.train.shareWithSeveralLabels, 0.05)
    }

    func testEveryPositiveShapeIsPlacedApartAndVisible() throws {
        let generated = try Shapes(prevalence: [0.6, 0.5, 0.5, 0.4, 0.3], noise: 0,
                                   train: 300, validation: 0, test: 0, seed: 11).generate()
        let data = generated.dataset.train
        let size = 28
        var severalLabels = 0
        for (i, placements) in generated.trainPlacements.enumerated() {
            let positives = (0..<5).filter { data.labels.storage[i * 5 + $0] == 1 }
            XCTAssertEqual(placements.map(\.label), positives, "image \(i): one placement per positive label")
            if positives.count >= 2 { severalLabels += 1 }
            for (a, p) in placements.enumerated() {
                XCTAssertEqual(p.kind.rawValue, generated.dataset.labelNames[p.label])
                for q in placements[(a + 1)...] {
                    let d = ((p.centerX - q.centerX) * (p.centerX - q.centerX)
                        + (p.centerY - q.centerY) * (p.centerY - q.centerY)).squareRoot()
                    XCTAssertGreaterThan(d, p.radius + q.radius, "image \(i): discs of \(p.kind) and \(q.kind) touch")
                }
                // Bright pixels inside this shape's own disc: it is drawn and nothing covers it.
                var bright = 0
                for y in 0..<size {
                    for x in 0..<size {
                        let dx = Float(x) + 0.5 - p.centerX, dy = Float(y) + 0.5 - p.centerY
                        if dx * dx + dy * dy <= (p.radius + 0.5) * (p.radius + 0.5),
                           data.images.storage[i * size * size + y * size + x] >= 0.25 { bright += 1 }
                    }
                }
                XCTAssertGreaterThanOrEqual(bright, 6, "image \(i): \(p.kind) has \(bright) visible pixels")
            }
            // With no noise, pixels outside every disc stay black.
            for y in 0..<size {
                for x in 0..<size {
                    let outside = placements.allSatisfy { p in
                        let dx = Float(x) + 0.5 - p.centerX, dy = Float(y) + 0.5 - p.centerY
                        return dx * dx + dy * dy > (p.radius + 1.5) * (p.radius + 1.5)
                    }
                    if outside { XCTAssertEqual(data.images.storage[i * size * size + y * size + x], 0) }
                }
            }
        }
        XCTAssertGreaterThan(severalLabels, 100)
    }

    func testNoiseHasTheRequestedStandardDeviation() throws {
        // On a black background, clipping keeps the positive half of N(0, σ²):
        // mean σ/√(2π), mean square σ²/2.
        let sigma = 0.1
        let pixels = try Shapes(prevalence: [0, 0, 0, 0, 0], noise: sigma, train: 200, validation: 0, test: 0, seed: 2)
            .load().train.images.storage.map(Double.init)
        let mean = pixels.reduce(0, +) / Double(pixels.count)
        let meanSquare = pixels.reduce(0) { $0 + $1 * $1 } / Double(pixels.count)
        XCTAssertEqual(mean, sigma / (2 * Double.pi).squareRoot(), accuracy: 0.001)
        XCTAssertEqual(meanSquare, sigma * sigma / 2, accuracy: 0.0002)
    }

    func testTogetherMakesTheValueLabelFollowTheKeyAndKeepsPrevalence() throws {
        let data = try Shapes(prevalence: [0.3, 0.1, 0.1, 0.2, 0.05], together: ["square": "cross"],
                              train: 2000, validation: 0, test: 0, seed: 5).load()
        let hot = data.train.labels.storage
        for i in 0..<data.train.count where hot[i * 5 + 1] == 1 {
            XCTAssertEqual(hot[i * 5 + 3], 1, "image \(i) shows a square without a cross")
        }
        XCTAssertEqual(data.statistics.train.prevalence[3], 0.2, accuracy: 0.001)
        XCTAssertEqual(data.statistics.train.coOccurrence[1][3], data.statistics.train.positives[1])
    }

    func testLargerImagesAndSubsetsOfShapes() throws {
        let data = try Shapes(labels: ["ring", "circle"], prevalence: [0.5, 0.5], size: 40,
                              train: 50, validation: 5, test: 5, seed: 1).load()
        XCTAssertEqual(data.imageShape, [40, 40, 1])
        XCTAssertEqual(data.labelNames, ["ring", "circle"])
    }

    func testInvalidArgumentsAreNamed() {
        assertDatasetError(["labels", "'hexagon'"]) {
            _ = try Shapes(labels: ["circle", "hexagon"], prevalence: [0.1, 0.1]).load()
        }
        assertDatasetError(["prevalence", "2 values for 5 labels"]) { _ = try Shapes(prevalence: [0.1, 0.2]).load() }
        assertDatasetError(["together", "'cross'"]) {
            _ = try Shapes(together: ["square": "cross"], train: 10).load()  // cross 0.05 < square 0.20
        }
        assertDatasetError(["together", "cycle"]) {
            _ = try Shapes(prevalence: [0.1, 0.1, 0.1, 0.1, 0.1], together: ["circle": "square", "square": "circle"]).load()
        }
        assertDatasetError(["size"]) { _ = try Shapes(size: 8).load() }
        assertDatasetError(["train"]) { _ = try Shapes(train: -1).load() }
    }

    func testSpecIsCodableAndHashable() throws {
        let spec = Shapes(together: ["ring": "circle"], noise: 0.1, seed: 9)
        let decoded = try JSONDecoder().decode(Shapes.self, from: JSONEncoder().encode(spec))
        XCTAssertEqual(decoded, spec)
        XCTAssertNotEqual(Set([spec, Shapes(seed: 10)]).count, 1)
    }
}
