import XCTest
import SIMDKernels
@testable import NeuralCore

/// Adam's vector update on every kernel path, and the finiteness check, give
/// exactly what their scalar definitions give, including the tail that does not fill a vector.
final class VectorisedUpdateTests: XCTestCase {
    func scalarAdam(_ u: AdamUpdate, theta: inout [Float], m: inout [Float], v: inout [Float], g: [Float]) {
        for i in 0..<theta.count {
            var gi = g[i]
            if u.weightDecay != 0 {
                if u.decoupled { theta[i] -= u.learningRate * u.weightDecay * theta[i] } else { gi += u.weightDecay * theta[i] }
            }
            m[i] = u.beta1 * m[i] + (1 - u.beta1) * gi
            v[i] = u.beta2 * v[i] + (1 - u.beta2) * gi * gi
            theta[i] -= u.stepSize * m[i] / (v[i].squareRoot() * u.vScale + u.epsilon)
        }
    }

    func testAdamUpdateMatchesTheScalarFormulaBitForBit() {
        var rng = SeededRNG(seed: 3)
        for (count, wd, decoupled) in [(1, Float(0), false), (8, 0, false), (13, 0.01, true), (100, 0.05, false), (7, 0.01, false)] {
            let u = AdamUpdate(beta1: 0.9, beta2: 0.999, stepSize: 0.0123, vScale: 1.7, epsilon: 1e-8,
                               learningRate: 1e-3, weightDecay: wd, decoupled: decoupled)
            let theta = (0..<count).map { _ in rng.nextFloat() - 0.5 }
            let m = (0..<count).map { _ in (rng.nextFloat() - 0.5) * 0.1 }
            let v = (0..<count).map { _ in rng.nextFloat() * 0.01 }
            let grads = (0..<3).map { _ in (0..<count).map { _ in (rng.nextFloat() - 0.5) * 4 } }
            var (t2, m2, v2) = (theta, m, v)
            for g in grads { scalarAdam(u, theta: &t2, m: &m2, v: &v2, g: g) }
            for path in GEMMPath.supported {
                var (t1, m1, v1) = (theta, m, v)
                for g in grads {
                    _ = t1.withUnsafeMutableBufferPointer { tp in
                        m1.withUnsafeMutableBufferPointer { mp in
                            v1.withUnsafeMutableBufferPointer { vp in
                                g.withUnsafeBufferPointer { gp in
                                    u.apply(path: path, theta: tp.baseAddress!, m: mp.baseAddress!, v: vp.baseAddress!,
                                            g: gp.baseAddress!, count: count)
                                }
                            }
                        }
                    }
                }
                XCTAssertEqual(t1.map(\.bitPattern), t2.map(\.bitPattern), "\(path) count \(count) wd \(wd)")
                XCTAssertEqual(m1.map(\.bitPattern), m2.map(\.bitPattern), "\(path)")
                XCTAssertEqual(v1.map(\.bitPattern), v2.map(\.bitPattern), "\(path)")
            }
        }
    }

    func testFiniteCheckFindsEveryNonFiniteValueAnywhere() {
        for count in [0, 1, 7, 8, 9, 31] {
            let values = (0..<count).map { Float($0) - 3.5 }
            XCTAssertTrue(Tensor(shape: [count], storage: values).isFinite)
            for bad in [Float.nan, .infinity, -.infinity] {
                for position in 0..<count {
                    var copy = values
                    copy[position] = bad
                    XCTAssertFalse(Tensor(shape: [count], storage: copy).isFinite, "\(bad) at \(position) of \(count)")
                }
            }
        }
        XCTAssertTrue(Tensor(shape: [2], storage: [Float.greatestFiniteMagnitude, -.greatestFiniteMagnitude]).isFinite)
    }
}

/// The vectorised layer loops against their scalar definitions, with the
/// awkward values (NaN, ±0, ties) and lengths that leave a tail.
final class VectorisedLayerLoopTests: XCTestCase {
    func testReLULoopsMatchScalarDefinitions() {
        var rng = SeededRNG(seed: 11)
        for count in [1, 7, 8, 19] {
            var x = (0..<count).map { _ in rng.nextFloat() - 0.5 }
            x[0] = -0.0
            if count > 3 { x[2] = .nan; x[3] = 0 }
            let dy = (0..<count).map { _ in rng.nextFloat() - 0.5 }
            var y = [Float](repeating: 7, count: count), dx = [Float](repeating: 7, count: count)
            ReLUKernel.forward(x, &y, count: count)
            XCTAssertEqual(y.map(\.bitPattern), x.map { max($0, 0).bitPattern })
            ReLUKernel.backward(dy, output: y, &dx, count: count)
            XCTAssertEqual(dx.map(\.bitPattern), (0..<count).map { (y[$0] > 0 ? dy[$0] : 0).bitPattern })
        }
    }

    /// The max-pool loop's previous scalar form, per output element.
    static func scalarMaxPool(_ x: [Float], batch: Int, h: Int, w: Int, c: Int, p: Int) -> ([Float], [Int32]) {
        let oh = h / p, ow = w / p
        var y = [Float](repeating: 0, count: batch * oh * ow * c), am = [Int32](repeating: 0, count: y.count)
        for n in 0..<batch { for oy in 0..<oh { for ox in 0..<ow { for ch in 0..<c {
            var best = -Float.infinity, bestIndex = -1
            for dy in 0..<p { for dx in 0..<p {
                let i = ((n * h + oy * p + dy) * w + ox * p + dx) * c + ch
                if bestIndex < 0 || !(x[i] <= best) { best = x[i]; bestIndex = i }
            } }
            let o = ((n * oh + oy) * ow + ox) * c + ch
            y[o] = best; am[o] = Int32(bestIndex)
        } } } }
        return (y, am)
    }

    func testMaxPoolMatchesScalarRuleWithTiesAndNaN() {
        var rng = SeededRNG(seed: 12)
        for (c, p) in [(6, 2), (16, 2), (3, 3), (32, 2)] {
            let batch = 2, h = 5, w = 4
            // Few distinct values make ties common; some NaNs.
            let x = (0..<(batch * h * w * c)).map { _ -> Float in
                rng.nextFloat() < 0.05 ? .nan : Float(Int(rng.nextFloat() * 4))
            }
            let (ey, eam) = Self.scalarMaxPool(x, batch: batch, h: h, w: w, c: c, p: p)
            var y = [Float](repeating: 0, count: ey.count), am = [Int32](repeating: 0, count: ey.count)
            MaxPoolKernel(height: h, width: w, channels: c, outHeight: h / p, outWidth: w / p, poolSize: p)
                .forward(x, batch: batch, output: &y, argmax: &am)
            XCTAssertEqual(y.map(\.bitPattern), ey.map(\.bitPattern), "c=\(c) p=\(p)")
            XCTAssertEqual(am, eam, "c=\(c) p=\(p)")
        }
    }
}
