import XCTest
@testable import NeuralCore

/// `Sequential` fuses Conv2D → ReLU → MaxPool2D (and Conv2D → MaxPool2D) into
/// one pass that never writes the convolution's output whole; the fused model
/// gives the same bits as the layers run one by one: outputs, every parameter
/// gradient (so also the input gradient between the two convolutions), on one
/// and two threads, with several chunks per batch, `same` and `valid`
/// padding, and a pool that drops a trailing row and column.
final class LayerFusionTests: XCTestCase {
    func layers(_ padding: Padding) -> [Layer] {
        [Conv2D(filters: 16, kernelSize: 3, padding: padding), ReLU(), MaxPool2D(poolSize: 2),
         Conv2D(filters: 32, kernelSize: 3), MaxPool2D(poolSize: 2), Flatten(), Dense(units: 3)]
    }

    func testFusedConvolutionAndPoolingGiveTheSameBits() {
        for (side, padding) in [(28, Padding.valid), (27, Padding.same)] {
            var rng = SeededRNG(seed: 31)
            let batch = 20
            let x = Tensor(shape: [batch, side, side, 1], storage: (0..<(batch * side * side)).map { _ in rng.nextFloat() - 0.3 })
            let dy = Tensor(shape: [batch, 3], storage: (0..<(batch * 3)).map { _ in rng.nextFloat() - 0.5 })
            for threads in [1, 2] {
                let saved = GEMMPath.threads
                GEMMPath.threads = threads
                defer { GEMMPath.threads = saved }
                var results: [[[UInt32]]] = []
                for fuses in [false, true] {
                    let model = Sequential(layers(padding), fusesLayers: fuses)
                    model.build(inputShape: [side, side, 1], seed: 5)
                    XCTAssertEqual((model.layers[0] as! Conv2D).pooling != nil, fuses)
                    XCTAssertEqual((model.layers[3] as! Conv2D).pooling != nil, fuses)
                    let y = model.forward(x, training: true)
                    model.backward(dy)
                    results.append([y.storage.map(\.bitPattern)]
                                   + model.parameters.map { $0.gradient.storage.map(\.bitPattern) })
                }
                XCTAssertEqual(results[0].count, results[1].count)
                for (i, (plain, fused)) in zip(results[0], results[1]).enumerated() {
                    XCTAssertEqual(plain.count, fused.count)
                    let first = plain.indices.first { plain[$0] != fused[$0] }
                    XCTAssertNil(first, "side \(side) threads \(threads): output/gradient \(i) differs at \(first ?? -1)")
                }
            }
        }
    }
}
