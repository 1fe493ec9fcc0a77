import XCTest
@testable import NeuralCore

/// Finite-difference checks. The objective is f = Σ r·y for a fixed random r (so every
/// output element matters), accumulated in Double. Each step uses the *actual* Float32
/// perturbation (Double(Float(x+ε)) − Double(Float(x−ε))), so rounding of the input does
/// not bias the quotient.
enum GradientCheck {
    static func randomTensor(_ shape: [Int], _ rng: inout SeededRNG, scale: Float = 1) -> Tensor {
        Tensor(shape: shape, storage: (0..<shape.reduce(1, *)).map { _ in Float(rng.normal()) * scale })
    }

    static func dot(_ a: Tensor, _ b: Tensor) -> Double {
        zip(a.storage, b.storage).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Central difference of `f` w.r.t. element i of `values`; `set` installs a perturbed
    /// copy (and finally the original) where `f` reads it.
    static func centralDifference(_ values: [Float], _ i: Int, epsilon: Float,
                                  set: ([Float]) -> Void, _ f: () -> Double) -> Double {
        var v = values
        v[i] = values[i] + epsilon
        let up = v[i]
        set(v)
        let fUp = f()
        v[i] = values[i] - epsilon
        let down = v[i]
        set(v)
        let fDown = f()
        set(values)
        return (fUp - fDown) / (Double(up) - Double(down))
    }

    /// Compares analytic and numeric gradients: |a − n| ≤ tol·max(1, max|n|).
    static func assertMatches(_ analytic: [Double], _ numeric: [Double], tolerance: Double, _ what: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let scale = max(1, numeric.map(abs).max() ?? 0)
        for i in analytic.indices where abs(analytic[i] - numeric[i]) > tolerance * scale {
            XCTFail("\(what)[\(i)]: analytic \(analytic[i]) vs numeric \(numeric[i])", file: file, line: line)
            return
        }
    }

    /// Full check of one layer: input gradient and every parameter gradient.
    static func checkLayer(_ layer: Layer, inputShape: [Int], batch: Int, seed: UInt64, epsilon: Float = 1e-2,
                           tolerance: Double = 1e-3, input: Tensor? = nil, _ what: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        var rng = SeededRNG(seed: seed)
        let outShape = layer.build(inputShape: inputShape, rng: &rng)
        var x = input ?? randomTensor([batch] + inputShape, &rng)
        let r = randomTensor([batch] + outShape, &rng)
        _ = layer.forward(x, training: true)
        let dx = layer.backward(r, needsInputGradient: true)
        let parameterGradients = layer.parameters.map { $0.gradient.storage.map(Double.init) }
        XCTAssertEqual(dx.shape, x.shape, "\(what): input gradient shape", file: file, line: line)

        let x0 = x.storage
        let numericX = x0.indices.map { i in
            centralDifference(x0, i, epsilon: epsilon, set: { x.storage = $0 }) { dot(layer.forward(x, training: false), r) }
        }
        assertMatches(dx.storage.map(Double.init), numericX, tolerance: tolerance, "\(what) d/dinput", file: file, line: line)
        for (p, analytic) in zip(layer.parameters, parameterGradients) {
            let p0 = p.value.storage
            let numeric = p0.indices.map { i in
                centralDifference(p0, i, epsilon: epsilon, set: { p.value.storage = $0 }) { dot(layer.forward(x, training: false), r) }
            }
            assertMatches(analytic, numeric, tolerance: tolerance, "\(what) d/d\(p.name)", file: file, line: line)
        }
    }
}
