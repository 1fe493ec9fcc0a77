import XCTest
@testable import NeuralCore

/// Every loss and reduction: the analytic gradient against finite differences of `value`.
final class LossGradientTests: XCTestCase {
    private func check(_ loss: LossFunction, targets: Tensor, sampleWeight: [Float]? = nil, _ what: String) {
        var rng = SeededRNG(seed: 21)
        var logits = GradientCheck.randomTensor(targets.rank == 2 ? targets.shape : [targets.count, 4], &rng, scale: 2)
        logits.storage[0] = 0   // exactly-zero logits happen (dead hidden layers); the gradient must be right there
        var g = Tensor.empty
        _ = loss.valueAndGradient(logits: logits, targets: targets, sampleWeight: sampleWeight, gradient: &g)
        let x0 = logits.storage
        let numeric = x0.indices.map { i in
            GradientCheck.centralDifference(x0, i, epsilon: 1e-3, set: { logits.storage = $0 }) {
                loss.value(logits: logits, targets: targets, sampleWeight: sampleWeight)
            }
        }
        GradientCheck.assertMatches(g.storage.map(Double.init), numeric, tolerance: 1e-5, what)
    }

    private let multiHot = Tensor(shape: [4, 4], storage: [1, 0, 0, 1,  0, 0, 0, 0,  1, 1, 1, 1,  0, 1, 0, 0])
    private let weights: [Float] = [0.5, 2, 0, 1.5]

    func testBinaryLossesInEveryReduction() {
        for reduction in Reduction.allCases {
            for w in [nil, weights] {
                let tag = "\(reduction) sw=\(w != nil)"
                check(.binaryCrossEntropy(reduction: reduction), targets: multiHot, sampleWeight: w, "BCE \(tag)")
                check(.binaryCrossEntropy(posWeight: [0.5, 1, 4, 20], classWeight: [1, 2, 0.5, 3], reduction: reduction),
                      targets: multiHot, sampleWeight: w, "BCE pos+class weight \(tag)")
                check(.sigmoidFocal(alpha: 0.25, gamma: 2, reduction: reduction), targets: multiHot, sampleWeight: w, "focal \(tag)")
                check(.sigmoidFocal(alpha: nil, gamma: 1.5, reduction: reduction), targets: multiHot, sampleWeight: w, "focal γ=1.5 \(tag)")
                check(.asymmetric(reduction: reduction), targets: multiHot, sampleWeight: w, "ASL \(tag)")
                check(.asymmetric(gammaPositive: 2, gammaNegative: 1, clip: 0, reduction: reduction), targets: multiHot,
                      sampleWeight: w, "ASL γ+=2 γ−=1 no clip \(tag)")
            }
        }
    }

    func testSoftmaxLossesInEveryReduction() {
        let indices = Tensor(shape: [4], storage: [3, 0, 2, 1])
        for reduction in Reduction.allCases {
            for w in [nil, weights] {
                let tag = "\(reduction) sw=\(w != nil)"
                check(.softmaxCrossEntropy(reduction: reduction), targets: multiHot, sampleWeight: w, "CCE \(tag)")
                check(.softmaxCrossEntropy(classWeight: [1, 2, 0.5, 3], reduction: reduction), targets: multiHot,
                      sampleWeight: w, "CCE class weight \(tag)")
                check(.sparseSoftmaxCrossEntropy(reduction: reduction), targets: indices, sampleWeight: w, "SCCE \(tag)")
                check(.sparseSoftmaxCrossEntropy(classWeight: [1, 2, 0.5, 3], reduction: reduction), targets: indices,
                      sampleWeight: w, "SCCE class weight \(tag)")
                check(.sparseSoftmaxCrossEntropy(reduction: reduction), targets: multiHot, sampleWeight: w, "SCCE from rows \(tag)")
            }
        }
    }

    func testGradientAtZeroLogitIsTheTrueDerivative() {
        // d/dx at x = 0: (1+(q−1)z)/2 − qz → 0.5 for z = 0 and −q/2 for z = 1 (not TF's 1 and 0).
        let loss = LossFunction.binaryCrossEntropy(posWeight: [4], reduction: .sum)
        let e = loss.elementwise(logits: Tensor(zeros: [1, 2]), targets: Tensor(shape: [1, 2], storage: [0, 1]))!
        XCTAssertEqual(e.gradient, [0.5, -2])
        XCTAssertEqual(e.values[0], log(2), accuracy: 1e-15)
        XCTAssertEqual(e.values[1], 4 * log(2), accuracy: 1e-15)
    }
}
