import XCTest
@testable import NeuralCore

/// Global-norm clipping against PyTorch `clip_grad_norm_` (epsilon 1e-6) and optax
/// `clip_by_global_norm` (none), on gradients from 1 down to 1e-6 in norm, where the two
/// conventions part by up to 8%.
final class GradientClippingTests: XCTestCase {
    func testAgainstPyTorchAndOptax() throws {
        let cases = try TrainingOptionsFixture.load().section("clipping")
        XCTAssertEqual(cases.count, 6, "fixture cases")
        for c in cases {
            let id = c.string("id"), maxNorm = c.double("max_norm")
            let gradients = (c["gradients"] as! [[String: Any]]).map { ["g": $0].tensor("g") }
            for (epsilon, key) in [(GradientClipping.Epsilon.pytorch, "torch_clip_grad_norm_"),
                                   (.none, "optax_clip_by_global_norm")] {
                let parameters = gradients.map { g -> Parameter in
                    let p = Parameter(name: "p", value: Tensor(zeros: g.shape))
                    p.gradient = g
                    return p
                }
                let norm = GradientClipping(maxNorm: maxNorm, epsilon: epsilon).apply(to: parameters)
                XCTAssertEqual(norm, c.double("norm"), accuracy: 1e-6 * c.double("norm"), "\(id) norm")
                let expected = (c[key] as! [[String: Any]]).flatMap { ["g": $0].array("g").values }
                let ours = parameters.flatMap { $0.gradient.storage.map { Double($0) } }
                assertClose(ours, expected, rtol: 1e-5, atol: { _ in 1e-14 }, "\(id) \(epsilon)")
            }
        }
    }

    func testBelowTheNormNothingChanges() {
        let p = Parameter(name: "p", value: Tensor(zeros: [3]))
        p.gradient = Tensor(shape: [3], storage: [0.1, -0.2, 0.3])
        let before = p.gradient
        for epsilon in [GradientClipping.Epsilon.pytorch, .none] {
            GradientClipping(maxNorm: 1, epsilon: epsilon).apply(to: [p])
            XCTAssertEqual(p.gradient, before)
        }
        XCTAssertEqual(GradientClipping(maxNorm: 1, epsilon: .none).factor(norm: 1), 1)
        XCTAssertLessThan(GradientClipping(maxNorm: 1).factor(norm: 1), 1, "PyTorch scales at the limit already")
        XCTAssertThrowsError(try GradientClipping(maxNorm: 0).validate())
        XCTAssertThrowsError(try GradientClipping(maxNorm: .infinity).validate())
    }
}
