import XCTest
@testable import NeuralCore

final class InitializerTests: XCTestCase {
    func testGlorotAndHeLimitsAndDeterminism() {
        var rng = SeededRNG(seed: 41)
        let glorot = Initializer.glorotUniform.values(count: 20_000, fanIn: 784, fanOut: 128, rng: &rng)
        let limit = (6.0 / Double(784 + 128)).squareRoot()
        XCTAssertLessThanOrEqual(glorot.map { abs(Double($0)) }.max()!, limit)
        XCTAssertGreaterThan(glorot.map { abs(Double($0)) }.max()!, 0.99 * limit, "fills the whole range")
        // Variance of U(−l, l) is l²/3.
        let variance = glorot.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(glorot.count)
        XCTAssertEqual(variance, limit * limit / 3, accuracy: 0.03 * limit * limit / 3)
        let he = Initializer.heUniform.values(count: 1000, fanIn: 9, fanOut: 16, rng: &rng)
        XCTAssertLessThanOrEqual(he.map { abs(Double($0)) }.max()!, (6.0 / 9).squareRoot())

        let a = Sequential([Conv2D(filters: 4), Flatten(), Dense(units: 3)]), b = Sequential([Conv2D(filters: 4), Flatten(), Dense(units: 3)])
        XCTAssertEqual(a.build(inputShape: [5, 5, 2], seed: 9), [3])
        b.build(inputShape: [5, 5, 2], seed: 9)
        XCTAssertEqual(a.parameters.map(\.value), b.parameters.map(\.value), "same seed, same weights")
        XCTAssertEqual(a.parameterCount, 3 * 3 * 2 * 4 + 4 + 3 * 3 * 4 * 3 + 3)
    }
}
