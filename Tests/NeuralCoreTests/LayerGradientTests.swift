import XCTest
@testable import NeuralCore

/// Backward passes against finite differences, and forwards against direct formulas.
final class LayerGradientTests: XCTestCase {
    func testDenseGradients() {
        GradientCheck.checkLayer(Dense(units: 4), inputShape: [6], batch: 3, seed: 1, "Dense")
    }

    func testConv2DValidGradients() {
        GradientCheck.checkLayer(Conv2D(filters: 3, kernelSize: 3, padding: .valid), inputShape: [5, 6, 2],
                                 batch: 2, seed: 2, "Conv2D valid 3×3")
    }

    func testConv2DSameGradients() {
        GradientCheck.checkLayer(Conv2D(filters: 2, kernelSize: 3, padding: .same), inputShape: [5, 4, 2],
                                 batch: 2, seed: 3, "Conv2D same 3×3")
        GradientCheck.checkLayer(Conv2D(filters: 2, kernelSize: 5, padding: .same), inputShape: [4, 5, 1],
                                 batch: 1, seed: 4, "Conv2D same 5×5 (kernel wider than the padding)")
        GradientCheck.checkLayer(Conv2D(filters: 2, kernelSize: (1, 3), padding: .same), inputShape: [3, 4, 2],
                                 batch: 2, seed: 5, "Conv2D same 1×3")
    }

    func testReLUGradientsAwayFromTheKink() {
        var rng = SeededRNG(seed: 6)
        // |x| ≥ 0.1 keeps the ±ε probes on one side of 0.
        let x = Tensor(shape: [3, 8], storage: (0..<24).map { _ in
            let v = rng.uniform(0.1, 2); return rng.nextFloat() < 0.5 ? -v : v })
        GradientCheck.checkLayer(ReLU(), inputShape: [8], batch: 3, seed: 6, epsilon: 1e-3, input: x, "ReLU")
    }

    func testMaxPoolGradientsWithoutTies() {
        // A permutation of distinct values, spaced 0.1 apart, so ±ε never changes a maximum.
        var rng = SeededRNG(seed: 7)
        let values = rng.permutation(2 * 4 * 5 * 3).map { Float($0) * 0.1 }
        let x = Tensor(shape: [2, 4, 5, 3], storage: values)
        GradientCheck.checkLayer(MaxPool2D(poolSize: 2), inputShape: [4, 5, 3], batch: 2, seed: 7, epsilon: 1e-2,
                                 input: x, "MaxPool2D (odd width drops the last column)")
    }

    func testMaxPoolTiesRouteTheGradientOnce() {
        let pool = MaxPool2D(poolSize: 2)
        var rng = SeededRNG(seed: 8)
        _ = pool.build(inputShape: [2, 2, 1], rng: &rng)
        // One window, the maximum 3 appears at positions 1 and 2 (row-major).
        let y = pool.forward(Tensor(shape: [1, 2, 2, 1], storage: [1, 3, 3, 2]), training: true)
        XCTAssertEqual(y.storage, [3])
        let dx = pool.backward(Tensor(shape: [1, 1, 1, 1], storage: [5]), needsInputGradient: true)
        XCTAssertEqual(dx.storage, [0, 5, 0, 0], "the first maximum takes the whole gradient, the tie gets none")
        // A plateau of equal values also passes exactly one copy of the gradient.
        _ = pool.forward(Tensor(shape: [1, 2, 2, 1], storage: [4, 4, 4, 4]), training: true)
        XCTAssertEqual(pool.backward(Tensor(shape: [1, 1, 1, 1], storage: [1]), needsInputGradient: true).storage, [1, 0, 0, 0])
    }

    func testFlattenIsAReshape() {
        GradientCheck.checkLayer(Flatten(), inputShape: [2, 3, 2], batch: 2, seed: 9, "Flatten")
    }

    func testConv2DForwardMatchesDirectConvolution() {
        for padding in [Padding.valid, .same] {
            var rng = SeededRNG(seed: 10)
            let conv = Conv2D(filters: 3, kernelSize: 3, padding: padding)
            let outShape = conv.build(inputShape: [5, 4, 2], rng: &rng)
            conv.bias.value = Tensor(shape: [3], storage: [0.5, -1, 2])
            let x = GradientCheck.randomTensor([2, 5, 4, 2], &rng)
            let y = conv.forward(x, training: false)
            let pad = padding == .same ? 1 : 0
            let (oh, ow) = (outShape[0], outShape[1])
            XCTAssertEqual(outShape, padding == .same ? [5, 4, 3] : [3, 2, 3])
            let w = conv.kernel.value.storage
            for n in 0..<2 { for oy in 0..<oh { for ox in 0..<ow { for f in 0..<3 {
                var acc = Double(conv.bias.value.storage[f])
                for ky in 0..<3 { for kx in 0..<3 { for c in 0..<2 {
                    let iy = oy + ky - pad, ix = ox + kx - pad
                    guard iy >= 0, iy < 5, ix >= 0, ix < 4 else { continue }
                    acc += Double(x.storage[((n * 5 + iy) * 4 + ix) * 2 + c]) * Double(w[((ky * 3 + kx) * 2 + c) * 3 + f])
                } } }
                XCTAssertEqual(Double(y.storage[((n * oh + oy) * ow + ox) * 3 + f]), acc, accuracy: 1e-5, "\(padding)")
            } } } }
        }
    }

    func testDenseForwardMatchesFormula() {
        var rng = SeededRNG(seed: 11)
        let dense = Dense(units: 3)
        _ = dense.build(inputShape: [4], rng: &rng)
        dense.bias.value = Tensor(shape: [3], storage: [1, 2, 3])
        let x = GradientCheck.randomTensor([2, 4], &rng)
        let y = dense.forward(x, training: false)
        for i in 0..<2 { for j in 0..<3 {
            var acc = Double(dense.bias.value.storage[j])
            for k in 0..<4 { acc += Double(x.storage[i * 4 + k]) * Double(dense.kernel.value.storage[k * 3 + j]) }
            XCTAssertEqual(Double(y.storage[i * 3 + j]), acc, accuracy: 1e-5)
        } }
    }

    func testDropoutIsSeededScaledAndOffAtInference() {
        func make() -> Dropout {
            let d = Dropout(rate: 0.25)
            var rng = SeededRNG(seed: 12)
            _ = d.build(inputShape: [1000], rng: &rng)
            return d
        }
        let x = Tensor(repeating: 2, shape: [4, 1000])
        let d = make()
        XCTAssertEqual(d.forward(x, training: false), x, "identity at inference")
        let y = d.forward(x, training: true)
        XCTAssertEqual(make().forward(x, training: true), y, "same seed, same mask")
        let kept = y.storage.filter { $0 != 0 }
        XCTAssertTrue(kept.allSatisfy { $0 == 2 / 0.75 }, "survivors scaled by 1/(1−rate)")
        XCTAssertEqual(Double(kept.count) / 4000, 0.75, accuracy: 0.03)
        // Backward multiplies by the same mask: dx = r·y/x.
        var rng = SeededRNG(seed: 13)
        let r = GradientCheck.randomTensor([4, 1000], &rng)
        let dx = d.backward(r, needsInputGradient: true)
        for i in 0..<dx.count { XCTAssertEqual(dx.storage[i], r.storage[i] * y.storage[i] / 2, accuracy: 1e-6) }
    }

    func testSmallCNNEndToEndGradients() {
        // Conv(same) → ReLU → MaxPool → Flatten → Dense, through the loss, against finite differences.
        let model = Sequential([Conv2D(filters: 2, kernelSize: 3, padding: .same), ReLU(), MaxPool2D(poolSize: 2),
                                Flatten(), Dense(units: 3)])
        model.build(inputShape: [4, 4, 1], seed: 14)
        var rng = SeededRNG(seed: 15)
        let x = GradientCheck.randomTensor([2, 4, 4, 1], &rng)
        let y = Tensor(shape: [2, 3], storage: [1, 0, 1, 0, 0, 1])
        let loss = LossFunction.binaryCrossEntropy(posWeight: [2])
        var g = Tensor.empty
        _ = loss.valueAndGradient(logits: model.forward(x, training: true), targets: y, gradient: &g)
        model.backward(g)
        for p in model.parameters {
            let analytic = p.gradient.storage.map(Double.init)
            let p0 = p.value.storage
            let numeric = p0.indices.map { i in
                GradientCheck.centralDifference(p0, i, epsilon: 1e-3, set: { p.value.storage = $0 }) {
                    loss.value(logits: model.forward(x, training: false), targets: y)
                }
            }
            GradientCheck.assertMatches(analytic, numeric, tolerance: 2e-3, "CNN d/d\(p.name)")
        }
    }
}

extension LayerGradientTests {
    func testMLPWithDropoutEndToEndGradients() {
        // Flatten → Dense → ReLU → Dropout → Dense: the first Dense skips its input gradient.
        // Dropout is checked with its mask frozen: rate 0 here, the masked case is tested above.
        let model = Sequential([Flatten(), Dense(units: 6), ReLU(), Dropout(rate: 0), Dense(units: 3)])
        model.build(inputShape: [2, 2, 1], seed: 16)
        var rng = SeededRNG(seed: 17)
        let x = GradientCheck.randomTensor([3, 2, 2, 1], &rng)
        let y = Tensor(shape: [3, 3], storage: [1, 0, 0, 0, 1, 1, 0, 0, 0])
        let loss = LossFunction.softmaxCrossEntropy()
        var g = Tensor.empty
        _ = loss.valueAndGradient(logits: model.forward(x, training: true), targets: y, gradient: &g)
        model.backward(g)
        for p in model.parameters {
            let analytic = p.gradient.storage.map(Double.init)
            let p0 = p.value.storage
            let numeric = p0.indices.map { i in
                GradientCheck.centralDifference(p0, i, epsilon: 1e-3, set: { p.value.storage = $0 }) {
                    loss.value(logits: model.forward(x, training: false), targets: y)
                }
            }
            GradientCheck.assertMatches(analytic, numeric, tolerance: 2e-3, "MLP d/d\(p.name)")
        }
    }
}
