import Foundation
import XCTest
@testable import NeuralCore

/// The asymmetric loss against `Fixtures/asymmetric-loss.json`, written by
/// `scripts/reference/asymmetric_loss.py` from the authors' formula in float64. Tolerance:
/// the shared reference rule |a − b| ≤ 1e-5·|b| + 1e-7, with the Float32-port atol
/// 1e-7·max(1, |x|) (1e-7·max(1, max|x|) for sums) on the edge logits.
final class AsymmetricLossTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Array64: Decodable { var shape: [Int]; var values: [Double] }
        struct Case: Decodable {
            var id: String
            var arrays: [String: String]
            var scalars: [String: Double]
            var none: Array64
            var official_sum: Array64
            var gradient_of_sum: Array64
        }
        var inputs: [String: Array64]
        var cases: [Case]

        static func load(filePath: String = #filePath) throws -> Fixture {
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/asymmetric-loss.json")
            return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        }

        func tensor(_ c: Case, _ role: String) -> Tensor {
            let a = inputs[c.arrays[role]!]!
            return Tensor(shape: a.shape, storage: a.values.map { Float($0) })
        }
    }

    func testFixtureCases() throws {
        let fixture = try Fixture.load()
        XCTAssertEqual(fixture.cases.count, 6, "fixture cases")
        var worst = 0.0   // max |a − b| / |b| over cells with |b| ≥ 1e-6, for the record
        for c in fixture.cases {
            let logits = fixture.tensor(c, "logits"), labels = fixture.tensor(c, "labels")
            let x = logits.storage.map { abs(Double($0)) }
            let edge = c.arrays["logits"]!.hasPrefix("edge_")
            let cellAtol: (Int) -> Double = { i in edge ? 1e-7 * max(1, x[i]) : 1e-7 }
            let sumAtol: (Int) -> Double = { _ in edge ? 1e-7 * max(1, x.max()!) : 1e-7 }
            let loss = LossFunction.asymmetric(gammaPositive: Float(c.scalars["gamma_pos"]!),
                                               gammaNegative: Float(c.scalars["gamma_neg"]!),
                                               clip: Float(c.scalars["clip"]!), reduction: .sum)
            XCTAssertNoThrow(try loss.validate(classes: logits.shape[1]), c.id)
            let cells = loss.elementwise(logits: logits, targets: labels)!
            assertClose(cells.values, c.none.values, rtol: 1e-5, atol: cellAtol, "\(c.id) none")
            assertClose(cells.gradient, c.gradient_of_sum.values, rtol: 1e-5, atol: cellAtol, "\(c.id) gradient")

            // The authors' −loss.sum() is our `.sum` (a sum of label means) times C, and
            // `.mean` times B·C; the reduced gradient scales the same way (Float32 out).
            let classes = Double(logits.shape[1]), count = Double(logits.count)
            var g = Tensor.empty
            let sum = loss.valueAndGradient(logits: logits, targets: labels, gradient: &g)
            let mean = LossFunction.asymmetric(gammaPositive: Float(c.scalars["gamma_pos"]!),
                                               gammaNegative: Float(c.scalars["gamma_neg"]!),
                                               clip: Float(c.scalars["clip"]!), reduction: .mean)
                .value(logits: logits, targets: labels)
            assertClose([sum * classes, mean * count], c.official_sum.values + c.official_sum.values,
                        rtol: 1e-5, atol: sumAtol, "\(c.id) official sum")
            assertClose(g.storage.map { Double($0) * classes }, c.gradient_of_sum.values, rtol: 1e-5, atol: cellAtol,
                        "\(c.id) reduced gradient")

            for (a, b) in zip(cells.values + cells.gradient, c.none.values + c.gradient_of_sum.values) where abs(b) >= 1e-6 {
                worst = max(worst, abs(a - b) / abs(b))
            }
        }
        print("asymmetric loss: max relative error against the fixture \(worst) (cells with |b| ≥ 1e-6)")
    }

    func testShiftedNegativesCostNothing() {
        // p = σ(−4) ≈ 0.018 ≤ clip: the negative term is 0 with zero derivative; a positive is not shifted.
        let loss = LossFunction.asymmetric(reduction: .sum)
        let e = loss.elementwise(logits: Tensor(shape: [1, 2], storage: [-4, -4]), targets: Tensor(shape: [1, 2], storage: [0, 1]))!
        XCTAssertEqual(e.values[0], 0)
        XCTAssertEqual(e.gradient[0], 0)
        XCTAssertGreaterThan(e.values[1], 0)
        XCTAssertLessThan(e.gradient[1], 0)
    }

    func testOutOfRangeParametersAreErrors() {
        for bad: LossFunction in [.asymmetric(gammaPositive: -1), .asymmetric(gammaNegative: .nan),
                                  .asymmetric(gammaNegative: .infinity), .asymmetric(clip: 1), .asymmetric(clip: -0.1)] {
            XCTAssertThrowsError(try bad.validate(classes: 3), "\(bad.kind)")
        }
        XCTAssertNoThrow(try LossFunction.asymmetric(gammaPositive: 0, gammaNegative: 0, clip: 0).validate(classes: 3))
        XCTAssertEqual(LossFunction.asymmetric().head, .sigmoid)
    }
}
