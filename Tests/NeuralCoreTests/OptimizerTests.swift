import XCTest
@testable import NeuralCore

/// Optimizers against the update rules as PyTorch and Keras document them, written out
/// in Double for a few steps with changing gradients.
final class OptimizerTests: XCTestCase {
    private let start: [Double] = [0.5, -1.5, 2.0]
    private let gradients: [[Double]] = [[0.1, -0.2, 0.3], [0.05, 0.4, -0.1], [-0.3, 0.2, 0.2], [1e-3, -2e-3, 0.5]]

    private func run(_ optimizer: GradientOptimizer) -> [Double] {
        let p = Parameter(name: "w", value: Tensor(shape: [3], storage: start.map(Float.init)))
        for g in gradients {
            p.gradient = Tensor(shape: [3], storage: g.map(Float.init))
            optimizer.step([p])
        }
        return p.value.storage.map(Double.init)
    }

    private func assertClose(_ a: [Double], _ b: [Double], _ what: String) {
        for i in a.indices { XCTAssertEqual(a[i], b[i], accuracy: 1e-5 * max(1, abs(b[i])), "\(what)[\(i)]") }
    }

    private func sgdReference(lr: Double, momentum mu: Double, nesterov: Bool, weightDecay wd: Double) -> [Double] {
        var theta = start, buf = [Double](repeating: 0, count: 3)
        for (t, grad) in gradients.enumerated() {
            for i in 0..<3 {
                var g = grad[i] + wd * theta[i]
                if mu != 0 {
                    buf[i] = t == 0 ? g : mu * buf[i] + g
                    g = nesterov ? g + mu * buf[i] : buf[i]
                }
                theta[i] -= lr * g
            }
        }
        return theta
    }

    private func adamReference(lr: Double, eps: Double, weightDecay wd: Double, decoupled: Bool, keras: Bool) -> [Double] {
        let b1 = 0.9, b2 = 0.999
        var theta = start, m = [Double](repeating: 0, count: 3), v = m
        for (k, grad) in gradients.enumerated() {
            let t = Double(k + 1)
            for i in 0..<3 {
                var g = grad[i]
                if decoupled { theta[i] *= 1 - lr * wd } else { g += wd * theta[i] }
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                if keras {
                    let lrT = lr * (1 - pow(b2, t)).squareRoot() / (1 - pow(b1, t))
                    theta[i] -= lrT * m[i] / (v[i].squareRoot() + eps)
                } else {
                    let mHat = m[i] / (1 - pow(b1, t)), vHat = v[i] / (1 - pow(b2, t))
                    theta[i] -= lr * mHat / (vHat.squareRoot() + eps)
                }
            }
        }
        return theta
    }

    func testSGDVariants() {
        assertClose(run(SGD(learningRate: 0.1)), sgdReference(lr: 0.1, momentum: 0, nesterov: false, weightDecay: 0), "plain")
        assertClose(run(SGD(learningRate: 0.1, momentum: 0.9)), sgdReference(lr: 0.1, momentum: 0.9, nesterov: false, weightDecay: 0), "momentum")
        assertClose(run(SGD(learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01)),
                    sgdReference(lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01), "nesterov + decay")
    }

    func testAdamVariants() {
        assertClose(run(Adam(learningRate: 0.01)), adamReference(lr: 0.01, eps: 1e-8, weightDecay: 0, decoupled: false, keras: false), "pytorch")
        assertClose(run(Adam(learningRate: 0.01, epsilon: 1e-7, epsilonPlacement: .keras)),
                    adamReference(lr: 0.01, eps: 1e-7, weightDecay: 0, decoupled: false, keras: true), "keras")
        assertClose(run(Adam(learningRate: 0.01, weightDecay: 0.1)),
                    adamReference(lr: 0.01, eps: 1e-8, weightDecay: 0.1, decoupled: false, keras: false), "L2")
        assertClose(run(Adam.adamW(learningRate: 0.01, weightDecay: 0.1)),
                    adamReference(lr: 0.01, eps: 1e-8, weightDecay: 0.1, decoupled: true, keras: false), "AdamW")
    }

    func testEpsilonPlacementMattersForSmallGradients() {
        let p = Parameter(name: "w", value: Tensor(zeros: [1])), q = Parameter(name: "w", value: Tensor(zeros: [1]))
        let torch = Adam(learningRate: 1, epsilon: 1e-3), keras = Adam(learningRate: 1, epsilon: 1e-3, epsilonPlacement: .keras)
        p.gradient = Tensor(shape: [1], storage: [1e-3]); q.gradient = p.gradient
        torch.step([p]); keras.step([q])
        // Step 1: PyTorch −g/(|g| + ε) = −0.5; Keras −√(1−β₂)·g/(√(1−β₂)|g| + ε) ≈ −0.0307.
        XCTAssertEqual(p.value.storage[0], -0.5, accuracy: 1e-4)
        XCTAssertEqual(q.value.storage[0], -Float(0.001 * 0.0316227766 / (0.001 * 0.0316227766 + 0.001)), accuracy: 1e-4)
    }
}
