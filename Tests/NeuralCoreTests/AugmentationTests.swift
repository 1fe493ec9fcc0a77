import XCTest
@testable import NeuralCore

/// Seeded augmentation: exact flips and shifts (a shift is torchvision's pad-then-crop),
/// the draw frequencies, the noise's spread, determinism, and the trainer's use of it.
final class AugmentationTests: XCTestCase {
    /// A 3×4 two-channel image, value 100·y + 10·x + k.
    private let image: [Float] = {
        var values: [Float] = []
        for y in 0..<3 { for x in 0..<4 { for k in 0..<2 { values.append(Float(100 * y + 10 * x + k)) } } }
        return values
    }()

    private func moved(_ m: Augmentation.Move) -> [Float] {
        var out = [Float](repeating: -1, count: image.count)
        image.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { Augmentation.transform(s.baseAddress!, into: $0.baseAddress!, height: 3, width: 4, channels: 2, m) }
        }
        return out
    }

    private func pixel(_ a: [Float], _ y: Int, _ x: Int, _ k: Int) -> Float { a[(y * 4 + x) * 2 + k] }

    func testFlipsAndShiftsMoveEveryPixelWhereTheySay() {
        let h = moved(.init(flipX: true))
        let v = moved(.init(flipY: true))
        for y in 0..<3 { for x in 0..<4 { for k in 0..<2 {
            XCTAssertEqual(pixel(h, y, x, k), Float(100 * y + 10 * (3 - x) + k))
            XCTAssertEqual(pixel(v, y, x, k), Float(100 * (2 - y) + 10 * x + k))
        } } }
        // A shift by (dy, dx) = (1, −2) is the window of torchvision's RandomCrop(padding: 2)
        // at top s − dy, left s − dx of the zero-padded image.
        let s = 2, dy = 1, dx = -2
        let shifted = moved(.init(dy: dy, dx: dx))
        for y in 0..<3 { for x in 0..<4 { for k in 0..<2 {
            let py = y + (s - dy), px = x + (s - dx)          // position in the padded image
            let inside = py >= s && py < s + 3 && px >= s && px < s + 4
            XCTAssertEqual(pixel(shifted, y, x, k), inside ? Float(100 * (py - s) + 10 * (px - s) + k) : 0, "(\(y), \(x))")
        } } }
        // Flip first, then shift.
        let both = moved(.init(flipX: true, dy: 0, dx: 1))
        XCTAssertEqual(pixel(both, 0, 0, 0), 0)
        XCTAssertEqual(pixel(both, 0, 1, 0), 30)
    }

    func testDrawsAreFairAndSeeded() {
        let a = Augmentation(horizontalFlip: true, verticalFlip: true, maxShift: 2)
        var rng = SeededRNG(seed: 9)
        let moves = (0..<4000).map { _ in a.draw(&rng) }
        let flips = Double(moves.filter(\.flipX).count) / 4000, vflips = Double(moves.filter(\.flipY).count) / 4000
        XCTAssertEqual(flips, 0.5, accuracy: 0.03)
        XCTAssertEqual(vflips, 0.5, accuracy: 0.03)
        XCTAssertEqual(Set(moves.map(\.dx)), Set(-2...2))
        XCTAssertEqual(Set(moves.map(\.dy)), Set(-2...2))
        var again = SeededRNG(seed: 9)
        XCTAssertEqual((0..<4000).map { _ in a.draw(&again) }, moves, "same seed, same draws")
        var none = SeededRNG(seed: 9)
        XCTAssertEqual(Augmentation(noise: 0.1).draw(&none), .init(), "noise alone moves nothing")
    }

    func testNoiseHasTheRequestedSpreadAndIsDeterministic() {
        var images = Tensor(zeros: [50, 8, 8, 1]), copy = images
        var rng = SeededRNG(seed: 3), rng2 = SeededRNG(seed: 3)
        Augmentation(noise: 0.2).apply(to: &images, rng: &rng)
        Augmentation(noise: 0.2).apply(to: &copy, rng: &rng2)
        XCTAssertEqual(images.storage.map(\.bitPattern), copy.storage.map(\.bitPattern))
        let values = images.storage.map { Double($0) }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        XCTAssertEqual(mean, 0, accuracy: 0.01)
        XCTAssertEqual(sd, 0.2, accuracy: 0.006)
    }

    func testTrainerAugmentsTrainingBatchesOnlyAndStaysDeterministic() throws {
        let data = TrainerTests.separableProblem(count: 64, seed: 1)
        let validation = TrainerTests.separableProblem(count: 64, seed: 2)
        func run(_ augmentation: Augmentation?) throws -> TrainingResult {
            try Trainer(model: TrainerTests.mlp(), loss: .binaryCrossEntropy(), optimizer: Adam(learningRate: 0.01),
                        configuration: TrainingConfiguration(epochs: 3, batchSize: 16, seed: 4, augmentation: augmentation))
                .fit(data, validation: validation)
        }
        let plain = try run(nil)
        let augmented = try run(Augmentation(horizontalFlip: true, maxShift: 1, noise: 0.05))
        XCTAssertEqual(try run(Augmentation(horizontalFlip: true, maxShift: 1, noise: 0.05)), augmented, "same seed, same run")
        XCTAssertNotEqual(augmented.history.map(\.trainLoss), plain.history.map(\.trainLoss))
        XCTAssertEqual(try run(Augmentation()), plain, "an augmentation that does nothing changes nothing")

        let flat = LabeledTensors(images: Tensor(zeros: [8, 4]), labels: Tensor(zeros: [8, 5]))
        XCTAssertThrowsError(try Trainer(model: TrainerTests.mlp(), loss: .binaryCrossEntropy(), optimizer: Adam(),
                                         configuration: TrainingConfiguration(epochs: 1, augmentation: Augmentation(maxShift: 1)))
            .fit(flat)) { XCTAssertTrue("\($0)".contains("[N, H, W, C]"), "\($0)") }
        XCTAssertThrowsError(try Trainer(model: TrainerTests.mlp(), loss: .binaryCrossEntropy(), optimizer: Adam(),
                                         configuration: TrainingConfiguration(epochs: 1, augmentation: Augmentation(noise: -1)))
            .fit(data))
    }
}
