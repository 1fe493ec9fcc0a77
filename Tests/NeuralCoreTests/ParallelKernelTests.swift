import XCTest
@testable import NeuralCore

/// Every loop that `parallelChunks` splits between threads gives the same bits
/// as its one-thread run and as its scalar definition, at sizes large enough
/// to be split (small ones never are).
final class ParallelKernelTests: XCTestCase {
    func withThreads<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
        let saved = GEMMPath.threads
        defer { GEMMPath.threads = saved }
        GEMMPath.threads = threads
        return try body()
    }

    /// Runs `body` once on every kernel path this CPU supports.
    func onEveryPath(_ body: (GEMMPath) -> Void) {
        let saved = GEMMPath.current
        defer { GEMMPath.current = saved }
        for path in GEMMPath.supported {
            GEMMPath.current = path
            body(path)
        }
    }

    func testReLUSplitMatchesScalarDefinition() {
        var rng = SeededRNG(seed: 21)
        let count = 140_003
        var x = (0..<count).map { _ in rng.nextFloat() - 0.5 }
        x[0] = -0.0; x[70_001] = .nan; x[70_002] = 0
        let dy = (0..<count).map { _ in rng.nextFloat() - 0.5 }
        for threads in [1, 2] {
            withThreads(threads) {
                var y = [Float](repeating: 7, count: count), dx = [Float](repeating: 7, count: count)
                ReLUKernel.forward(x, &y, count: count)
                XCTAssertEqual(y.map(\.bitPattern), x.map { max($0, 0).bitPattern }, "threads \(threads)")
                ReLUKernel.backward(dy, output: y, &dx, count: count)
                XCTAssertEqual(dx.map(\.bitPattern), (0..<count).map { (y[$0] > 0 ? dy[$0] : 0).bitPattern })
            }
        }
    }

    /// Max-pooling alone, and fused with the ReLU before it, against the scalar
    /// rules applied one after the other (ties and NaNs included).
    func testMaxPoolSplitMatchesScalarRuleForwardAndBackward() {
        var rng = SeededRNG(seed: 22)
        let batch = 33, h = 9, w = 8, c = 20, p = 2
        let x = (0..<(batch * h * w * c)).map { _ -> Float in
            rng.nextFloat() < 0.02 ? .nan : Float(Int(rng.nextFloat() * 5)) - 2
        }
        let dy = (0..<(batch * (h / p) * (w / p) * c)).map { _ in rng.nextFloat() - 0.5 }
        for fused in [false, true] {
            let pooled = fused ? x.map { max($0, 0) } : x
            let (ey, eam) = VectorisedLayerLoopTests.scalarMaxPool(pooled, batch: batch, h: h, w: w, c: c, p: p)
            var edx = [Float](repeating: 0, count: x.count)
            for i in 0..<dy.count { edx[Int(eam[i])] += dy[i] }
            if fused { edx = (0..<x.count).map { pooled[$0] > 0 ? edx[$0] : 0 } }
            let kernel = MaxPoolKernel(height: h, width: w, channels: c, outHeight: h / p, outWidth: w / p,
                                       poolSize: p, appliesReLU: fused)
            onEveryPath { path in
                for threads in [1, 2] {
                    withThreads(threads) {
                        var y = [Float](repeating: 0, count: ey.count), am = [Int32](repeating: 0, count: ey.count)
                        kernel.forward(x, batch: batch, output: &y, argmax: &am)
                        let label = "fused \(fused) \(path) threads \(threads)"
                        XCTAssertEqual(y.map(\.bitPattern), ey.map(\.bitPattern), label)
                        if !fused { XCTAssertEqual(am, eam, label) }
                        var dx = [Float](repeating: 9, count: x.count)
                        kernel.backward(dy, argmax: am, batch: batch, inputGradient: &dx)
                        XCTAssertEqual(dx.map(\.bitPattern), edx.map(\.bitPattern), label)
                    }
                }
            }
        }
    }

    /// The patch matrix by its definition: zeros outside the image (`same` padding).
    static func im2col(_ x: [Float], _ g: ConvGeometry, batch: Int) -> [Float] {
        let (h, w, c, kh, kw) = (g.height, g.width, g.channels, g.kernelHeight, g.kernelWidth)
        let k = g.patchSize
        var cols = [Float](repeating: 0, count: batch * g.outHeight * g.outWidth * k)
        for n in 0..<batch { for oy in 0..<g.outHeight { for ox in 0..<g.outWidth {
            for ky in 0..<kh { for kx in 0..<kw { for ch in 0..<c {
                let iy = oy + ky - g.padTop, ix = ox + kx - g.padLeft
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                cols[((n * g.outHeight + oy) * g.outWidth + ox) * k + (ky * kw + kx) * c + ch] = x[((n * h + iy) * w + ix) * c + ch]
            } } }
        } } }
        return cols
    }

    /// Conv2D reads its patches in place (gathered GEMM); forward output and
    /// kernel and bias gradients must be the bits of the explicit im2col products, with
    /// `same` and `valid` padding and an even kernel.
    func testGatheredConvolutionMatchesExplicitIm2ColProducts() {
        var rng = SeededRNG(seed: 23)
        for (kh, kw, c, padding) in [(3, 3, 1, Padding.same), (2, 4, 3, .same), (3, 3, 16, .valid), (3, 3, 16, .same)] {
            let batch = 20, filters = 5
            let x = (0..<(batch * 7 * 6 * c)).map { _ in rng.nextFloat() - 0.5 }
            for threads in [1, 2] {
                withThreads(threads) {
                    let layer = Conv2D(filters: filters, kernelSize: (kh, kw), padding: padding)
                    var buildRNG = SeededRNG(seed: 5)
                    let outShape = layer.build(inputShape: [7, 6, c], rng: &buildRNG)
                    layer.bias.value = Tensor(shape: [filters], storage: (0..<filters).map { Float($0) * 0.1 - 0.2 })
                    let g = layer.geometryForTesting
                    let cols = Self.im2col(x, g, batch: batch)
                    let rows = batch * g.outHeight * g.outWidth, k = g.patchSize
                    var expected = [Float](repeating: 0, count: rows * filters)
                    gemm(transposeA: false, transposeB: false, m: rows, n: filters, k: k, a: cols, lda: k,
                         b: layer.kernel.value.storage, ldb: filters, c: &expected, ldc: filters, accumulate: false)
                    for r in 0..<rows { for j in 0..<filters { expected[r * filters + j] += layer.bias.value.storage[j] } }
                    let y = layer.forward(Tensor(shape: [batch, 7, 6, c], storage: x), training: true)
                    XCTAssertEqual(y.shape, [batch] + outShape)
                    XCTAssertEqual(y.storage.map(\.bitPattern), expected.map(\.bitPattern), "\(kh)×\(kw)×\(c) \(padding) threads \(threads)")

                    let dy = (0..<(rows * filters)).map { i in Float((i * 37) % 101) / 101 - 0.5 }
                    var expectedDW = [Float](repeating: 0, count: k * filters)
                    gemm(transposeA: true, transposeB: false, m: k, n: filters, k: rows, a: cols, lda: k,
                         b: dy, ldb: filters, c: &expectedDW, ldc: filters, accumulate: false)
                    _ = layer.backward(Tensor(shape: y.shape, storage: dy), needsInputGradient: true)
                    XCTAssertEqual(layer.kernel.gradient.storage.map(\.bitPattern), expectedDW.map(\.bitPattern),
                                   "dK \(kh)×\(kw)×\(c) \(padding) threads \(threads)")
                    // The bias gradient rides along as the product's ones row: dY's rows summed in order.
                    var expectedDB = [Float](repeating: 0, count: filters)
                    for r in 0..<rows { for j in 0..<filters { expectedDB[j] += dy[r * filters + j] } }
                    XCTAssertEqual(layer.bias.gradient.storage.map(\.bitPattern), expectedDB.map(\.bitPattern),
                                   "db \(kh)×\(kw)×\(c) \(padding) threads \(threads)")
                }
            }
        }
    }

    /// Conv2D's input gradient against its definition, bit for bit: for every
    /// input pixel and channel one FMA chain, in (ky, kx, f) order, over the
    /// output gradient at the pixels whose patches saw it (zero outside) times
    /// the flipped kernel. Odd and even kernels, `same` and `valid`, a batch
    /// large enough to be split, every path, 1 and 2 threads.
    func testConvInputGradientMatchesDefinition() {
        var rng = SeededRNG(seed: 25)
        for (kh, kw, cin, cout, padding) in [(3, 3, 1, 16, Padding.same), (2, 4, 3, 5, .same), (3, 3, 16, 8, .valid)] {
            let (h, w, batch) = (7, 6, 20)
            let layer = Conv2D(filters: cout, kernelSize: (kh, kw), padding: padding)
            var build = SeededRNG(seed: 3)
            let outShape = layer.build(inputShape: [h, w, cin], rng: &build)
            let (oh, ow) = (outShape[0], outShape[1])
            let (top, left) = padding == .same ? ((kh - 1) / 2, (kw - 1) / 2) : (0, 0)
            let x = Tensor(shape: [batch, h, w, cin], storage: (0..<(batch * h * w * cin)).map { _ in rng.nextFloat() - 0.5 })
            let dy = Tensor(shape: [batch, oh, ow, cout], storage: (0..<(batch * oh * ow * cout)).map { _ in rng.nextFloat() - 0.5 })
            let kernel = layer.kernel.value.storage
            var expected = [Float](repeating: 0, count: batch * h * w * cin)
            for n in 0..<batch { for iy in 0..<h { for ix in 0..<w { for c in 0..<cin {
                var acc: Float = 0
                for ky in 0..<kh { for kx in 0..<kw { for f in 0..<cout {
                    // Tap (ky, kx) of the flipped kernel is tap (kh−1−ky, kw−1−kx) of the kernel.
                    let (ty, tx) = (kh - 1 - ky, kw - 1 - kx)
                    let (oy, ox) = (iy - ty + top, ix - tx + left)
                    let g: Float = oy >= 0 && oy < oh && ox >= 0 && ox < ow ? dy.storage[((n * oh + oy) * ow + ox) * cout + f] : 0
                    acc = acc.addingProduct(g, kernel[((ty * kw + tx) * cin + c) * cout + f])
                } } }
                expected[((n * h + iy) * w + ix) * cin + c] = acc
            } } } }
            for threads in [1, 2] {
                withThreads(threads) {
                    onEveryPath { path in
                        _ = layer.forward(x, training: true)
                        let dx = layer.backward(dy, needsInputGradient: true)
                        XCTAssertEqual(dx.storage.map(\.bitPattern), expected.map(\.bitPattern),
                                       "\(kh)×\(kw)×\(cin)→\(cout) \(padding) \(path) threads \(threads)")
                    }
                }
            }
        }
    }

    func testAdamAndFiniteCheckSplitMatchOneThread() {
        var rng = SeededRNG(seed: 24)
        let count = 70_007
        let start = (0..<count).map { _ in rng.nextFloat() - 0.5 }
        let grads = (0..<3).map { _ in (0..<count).map { _ in rng.nextFloat() - 0.5 } }
        func run(_ threads: Int) -> [UInt32] {
            withThreads(threads) {
                let p = Parameter(name: "w", value: Tensor(shape: [count], storage: start))
                let adam = Adam(learningRate: 1e-2, weightDecay: 0.01)
                for g in grads {
                    p.gradient = Tensor(shape: [count], storage: g)
                    adam.step([p])
                }
                XCTAssertTrue(p.value.isFinite)
                XCTAssertEqual(adam.lastStepWeightsFinite, true)
                let overflowing = Parameter(name: "big", value: Tensor(shape: [count], storage: start))
                overflowing.value.storage[count / 2 + 5] = .infinity
                overflowing.gradient = Tensor(shape: [count], storage: grads[0])
                adam.step([p, overflowing])
                XCTAssertEqual(adam.lastStepWeightsFinite, false, "threads \(threads)")
                var bad = p.value
                bad.storage[count - 1] = .infinity
                XCTAssertFalse(bad.isFinite)
                bad.storage[count - 1] = 0; bad.storage[3] = .nan
                XCTAssertFalse(bad.isFinite)
                return p.value.storage.map(\.bitPattern)  // after four steps on every thread count
            }
        }
        XCTAssertEqual(run(2), run(1))
    }

    func testGatherSplitCopiesTheChosenRows() {
        let items = Tensor(shape: [300, 28, 28], storage: (0..<(300 * 784)).map(Float.init))
        let order = (0..<300).map { ($0 * 7) % 300 }
        for threads in [1, 2] {
            withThreads(threads) {
                var batch = Tensor.empty
                items.gatherItems(order[10..<266], into: &batch)
                XCTAssertEqual(batch.shape, [256, 28, 28])
                for (row, i) in order[10..<266].enumerated() {
                    XCTAssertEqual(batch.storage[(row * 784)..<((row + 1) * 784)], items.storage[(i * 784)..<((i + 1) * 784)])
                }
            }
        }
    }
}
