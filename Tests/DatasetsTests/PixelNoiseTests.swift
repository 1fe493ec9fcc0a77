import XCTest
@testable import Datasets

final class PixelNoiseTests: XCTestCase {
    func testInverseNormalCDFMatchesTextbookQuantiles() {
        // Φ⁻¹ at familiar probabilities (e.g. 1.959964 for a two-sided 95 % interval).
        let known: [(Double, Double)] = [(0.01, -2.3263478740408408), (0.3, -0.5244005127080407), (0.5, 0),
                                         (0.975, 1.9599639845400536), (0.999, 3.090232306167813)]
        for (p, x) in known {
            XCTAssertEqual(PixelNoise.inverseNormalCDF(p), x, accuracy: 1e-8 * max(1, abs(x)), "Φ⁻¹(\(p))")
        }
    }

    func testQuantileTableIsAStandardNormal() {
        let table = PixelNoise.quantiles.map(Double.init)
        let mean = table.reduce(0, +) / Double(table.count)
        let variance = table.reduce(0) { $0 + $1 * $1 } / Double(table.count) - mean * mean
        XCTAssertEqual(mean, 0, accuracy: 1e-6)
        XCTAssertEqual(variance, 1, accuracy: 1e-3)
        XCTAssertEqual(table.first!, -4.3249, accuracy: 1e-3)
        XCTAssertEqual(zip(table, table.dropFirst()).allSatisfy { $0 < $1 }, true)
    }
}
