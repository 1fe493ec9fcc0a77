import Foundation
import XCTest
@testable import NeuralCore

/// Label smoothing for BCE against Keras `BinaryCrossentropy(label_smoothing:)` (every
/// reduction, sample weights, gradients) and PyTorch `BCEWithLogitsLoss(pos_weight:, weight:)`
/// on Keras-smoothed targets. Tolerance: the shared reference rule, 1e-5·|b| + 1e-7, with the
/// Float32-port atol 1e-7·max(1, |x|) on the edge logits (the README beside the fixture).
final class LabelSmoothingTests: XCTestCase {
    func testAgainstKerasAndPyTorch() throws {
        let fixture = try TrainingOptionsFixture.load()
        let section = fixture.object("label_smoothing")
        let inputs = section["inputs"] as! [String: Any]
        let cases = section["cases"] as! [[String: Any]]
        XCTAssertEqual(cases.count, 80, "fixture cases")
        func input(_ name: String) -> Tensor { inputs.tensor(name) }
        for c in cases {
            let id = c.string("id")
            let logits = input(c.string("logits")), labels = input(c.string("labels"))
            let weights = (c["sample_weight"] as? String).map { input($0).storage }
            let classes = Double(logits.shape[1])
            let maxX = logits.storage.map { abs(Double($0)) }.max()!
            let edge = id.contains("edge_")
            let atol: (Int) -> Double = { i in edge ? 1e-7 * max(1, abs(Double(logits.storage[i % logits.count]))) : 1e-7 }
            let sumAtol: (Int) -> Double = { _ in edge ? 1e-7 * max(1, maxX) * classes : 1e-7 }
            let expected = c.array("value").values, expectedGradient = c.array("gradient_of_sum").values
            let s = Float(c.double("smoothing"))
            let pw = c.optionalFloats("pos_weight"), cw = c.optionalFloats("class_weight")
            switch (c.string("library"), c.string("reduction")) {
            case ("torch", "none"):
                let loss = LossFunction.binaryCrossEntropy(posWeight: pw, classWeight: cw, labelSmoothing: s)
                let cells = loss.elementwise(logits: logits, targets: labels)!
                assertClose(cells.values, expected, rtol: 1e-5, atol: atol, "\(id) values")
                assertClose(cells.gradient, expectedGradient, rtol: 1e-5, atol: atol, "\(id) gradient")
            case ("torch", let r):
                // torch's mean is ours (a class mean per sample, then over the batch); its
                // sum is over cells, ours over per-sample class means: C times smaller.
                let scale = r == "sum" ? classes : 1
                let loss = LossFunction.binaryCrossEntropy(posWeight: pw, classWeight: cw, labelSmoothing: s,
                                                           reduction: r == "sum" ? .sum : .mean)
                var g = Tensor.empty
                let v = loss.valueAndGradient(logits: logits, targets: labels, gradient: &g)
                assertClose([v * scale], expected, rtol: 1e-5, atol: sumAtol, "\(id) value")
                assertClose(g.storage.map { Double($0) * scale }, expectedGradient, rtol: 1e-5, atol: atol, "\(id) gradient")
            case ("keras", let r):
                let reduction: Reduction = r == "none" ? .none : Reduction(rawValue: Self.camel(r))!
                let loss = LossFunction.binaryCrossEntropy(labelSmoothing: s, reduction: reduction)
                var g = Tensor.empty
                let v = loss.valueAndGradient(logits: logits, targets: labels, sampleWeight: weights, gradient: &g)
                let values = r == "none" ? loss.perSample(logits: logits, targets: labels, sampleWeight: weights) : [v]
                assertClose(values, expected, rtol: 1e-5, atol: { _ in sumAtol(0) / classes }, "\(id) value")
                assertClose(g.storage.map { Double($0) }, expectedGradient, rtol: 1e-5, atol: atol, "\(id) gradient")
            default:
                XCTFail("\(id): unknown library")
            }
        }
    }

    /// `sum_over_batch_size` → `sumOverBatchSize`.
    static func camel(_ s: String) -> String {
        let parts = s.split(separator: "_")
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    func testZeroSmoothingIsTheSameBits() {
        let logits = Tensor(shape: [2, 3], storage: [-2, 0, 3.5, 40, -0.25, 1])
        let labels = Tensor(shape: [2, 3], storage: [1, 0, 1, 0, 1, 1])
        var g0 = Tensor.empty, g1 = Tensor.empty
        let plain = LossFunction.binaryCrossEntropy(posWeight: [2])
        let off = LossFunction.binaryCrossEntropy(posWeight: [2], labelSmoothing: 0)
        let a = plain.valueAndGradient(logits: logits, targets: labels, gradient: &g0)
        let b = off.valueAndGradient(logits: logits, targets: labels, gradient: &g1)
        XCTAssertEqual(a.bitPattern, b.bitPattern)
        XCTAssertEqual(g0.storage.map(\.bitPattern), g1.storage.map(\.bitPattern))
        // Full smoothing asks for 1/2 everywhere: the gradient vanishes at logit 0.
        let half = LossFunction.binaryCrossEntropy(labelSmoothing: 1)
            .elementwise(logits: Tensor(shape: [1, 2], storage: [0, 0]), targets: Tensor(shape: [1, 2], storage: [1, 0]))!
        XCTAssertEqual(half.gradient, [0, 0])
    }

    func testInvalidSmoothingIsAnError() {
        XCTAssertThrowsError(try LossFunction.binaryCrossEntropy(labelSmoothing: 1.5).validate(classes: 3))
        XCTAssertThrowsError(try LossFunction.binaryCrossEntropy(labelSmoothing: -0.1).validate(classes: 3))
        XCTAssertThrowsError(try LossFunction(.sigmoidFocal(alpha: nil, gamma: 2), labelSmoothing: 0.1).validate(classes: 3))
        XCTAssertNoThrow(try LossFunction.binaryCrossEntropy(labelSmoothing: 0.1).validate(classes: 3))
    }
}
