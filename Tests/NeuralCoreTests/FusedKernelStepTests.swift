import XCTest
@testable import NeuralCore

/// Adam's step on the first layer's kernel runs inside that layer's kernel
/// gradient product, part by part; the weights are those of a whole backward
/// pass followed by a whole `step`, bit for bit, on every path and thread
/// count, and for products that split by rows, by panels or not at all.
final class FusedKernelStepTests: XCTestCase {
    /// Weights after `steps` steps: through the trainer (fused), or by hand
    /// (backward, then `Adam.step` over every parameter).
    func train(fused: Bool, inputs: Int, units: Int, batch: Int, steps: Int) -> [[UInt32]] {
        let model = Sequential([Flatten(), Dense(units: units), ReLU(), Dense(units: 3)])
        model.build(inputShape: [inputs], seed: 5)
        let adam = Adam(learningRate: 0.01)
        var rng = SeededRNG(seed: 9)
        var gradient = Tensor.empty
        let loss = LossFunction.binaryCrossEntropy()
        for _ in 0..<steps {
            let x = Tensor(shape: [batch, inputs], storage: (0..<(batch * inputs)).map { _ in rng.nextFloat() - 0.5 })
            let y = Tensor(shape: [batch, 3], storage: (0..<(batch * 3)).map { _ in rng.nextFloat() < 0.3 ? 1 : 0 })
            let logits = model.forward(x, training: true)
            _ = loss.valueAndGradient(logits: logits, targets: y, gradient: &gradient)
            if fused {
                adam.beginStep()
                let stepped = model.backward(gradient, stepping: adam)
                XCTAssertTrue(stepped?.fused === (model.layers[1] as! Dense).kernel)
                XCTAssertEqual(stepped?.finite, true)
                adam.finishStep(model.parameters, skipping: stepped?.fused, finite: stepped?.finite ?? true)
            } else {
                model.backward(gradient)
                adam.step(model.parameters)
            }
        }
        XCTAssertEqual(adam.lastStepWeightsFinite, true)
        return model.parameters.map { $0.value.storage.map(\.bitPattern) }
    }

    func testFusedStepGivesTheBitsOfAWholeStep() {
        let saved = (GEMMPath.current, GEMMPath.threads)
        defer { (GEMMPath.current, GEMMPath.threads) = saved }
        // 784×128 by 64 splits by rows; 40×400 by 32 by panels; 10×7 by 4 runs on one thread.
        for (inputs, units, batch) in [(784, 128, 64), (40, 400, 32), (10, 7, 4)] {
            GEMMPath.current = .portable
            GEMMPath.threads = 1
            let reference = train(fused: false, inputs: inputs, units: units, batch: batch, steps: 3)
            for path in GEMMPath.supported {
                for threads in [1, 2] {
                    GEMMPath.current = path
                    GEMMPath.threads = threads
                    XCTAssertEqual(train(fused: true, inputs: inputs, units: units, batch: batch, steps: 3), reference,
                                   "\(inputs)×\(units) batch \(batch) on \(path) with \(threads) threads")
                }
            }
        }
    }

    func testTheStepCountsEveryRowOnceAndReportsOverflow() {
        // rowsFinished covers every row of C exactly once, whatever the split.
        for (m, n, k, threads) in [(784, 128, 64, 2), (6, 600, 80, 2), (13, 5, 3, 1), (0, 4, 4, 2)] {
            let a = [Float](repeating: 1, count: max(m * k, 1)), b = [Float](repeating: 1, count: max(k * n, 1))
            var c = [Float](repeating: 0, count: max(m * n, 1))
            let rows = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(m, 1))
            defer { rows.deallocate() }
            rows.initialize(repeating: 0)
            let ok = a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        gemm(threads: threads, transposeA: false, transposeB: false, m: m, n: n, k: k,
                             a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n, c: pc.baseAddress!, ldc: n,
                             accumulate: false, rowsFinished: { r in
                                 for i in r { rows[i] += 1 }
                                 return !r.contains(m - 1)   // the last row "overflows"
                             })
                    }
                }
            }
            XCTAssertEqual(Array(rows.prefix(m)), [Int](repeating: 1, count: m), "\(m)×\(n)×\(k)")
            XCTAssertEqual(ok, m == 0, "\(m)×\(n)×\(k): a false from any range makes the product report false")
        }
    }
}
