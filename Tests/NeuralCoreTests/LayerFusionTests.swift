import XCTest
@testable import NeuralCore

/// `Sequential` fuses Conv2D → ReLU → MaxPool2D (and Conv2D → MaxPool2D) into
/// one pass that never writes the convolution's output whole; the fused model
/// gives the same bits as the layers run one by one: outputs, every parameter
/// gradient (so also the input gradient between the two convolutions), on one
/// and two threads, on every kernel path, with several chunks per batch and
/// then a smaller batch in the same buffers,
/// `same` and `valid` padding, and a pool that drops a trailing row and column.
/// With 16 and 32 filters and 2×2 pools the fused layers pool in registers
/// (`ConvPoolImage`); with 8 filters, or 3×3 pools, they go through scratch.
/// The second convolution (8 or 16 input channels, 2×2 pool, with or without
/// ReLU) takes its backward straight from the pooled gradient (`PooledConvGradient`).
final class LayerFusionTests: XCTestCase {
    func layers(_ padding: Padding, filters: Int, pool: Int, secondReLU: Bool) -> [Layer] {
        [Conv2D(filters: filters, kernelSize: 3, padding: padding), ReLU(), MaxPool2D(poolSize: pool),
         Conv2D(filters: 2 * filters, kernelSize: 3, padding: padding)] + (secondReLU ? [ReLU()] : [])
            + [MaxPool2D(poolSize: 2), Flatten(), Dense(units: 3)]
    }

    func testFusedConvolutionAndPoolingGiveTheSameBits() {
        let saved = GEMMPath.current
        defer { GEMMPath.current = saved }
        for path in GEMMPath.supported {
            GEMMPath.current = path
            for (side, padding, filters, pool, relu) in [(28, Padding.valid, 16, 2, true), (27, .same, 16, 2, false),
                                                         (27, .same, 8, 2, true), (28, .same, 16, 3, true),
                                                         (30, .valid, 8, 2, false)] {
                compare(side: side, padding: padding, filters: filters, pool: pool, secondReLU: relu, path: path)
            }
        }
    }

    func compare(side: Int, padding: Padding, filters: Int, pool: Int, secondReLU: Bool, path: GEMMPath) {
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
                let model = Sequential(layers(padding, filters: filters, pool: pool, secondReLU: secondReLU), fusesLayers: fuses)
                model.build(inputShape: [side, side, 1], seed: 5)
                XCTAssertEqual((model.layers[0] as! Conv2D).pooling != nil, fuses)
                XCTAssertEqual((model.layers[3] as! Conv2D).pooling != nil, fuses)
                if fuses, let second = model.layers[3] as? Conv2D {
                    XCTAssertNotNil(second.pooling!.pooledGradient(geometry: second.geometryForTesting, filters: second.filters))
                    XCTAssertEqual(second.pooling!.kernel.appliesReLU, secondReLU)
                }
                if fuses, let conv = model.layers[0] as? Conv2D {
                    let direct = conv.pooling!.directKernel(geometry: conv.geometryForTesting, filters: conv.filters)
                    XCTAssertEqual(direct != nil, filters % 16 == 0 && pool == 2)
                }
                // Then a smaller batch, which reuses the first one's buffers.
                var all: [[UInt32]] = []
                for (x, dy) in [(x, dy), (x.items(0..<7), dy.items(0..<7))] {
                    let y = model.forward(x, training: true)
                    model.backward(dy)
                    all += [y.storage.map(\.bitPattern)] + model.parameters.map { $0.gradient.storage.map(\.bitPattern) }
                }
                results.append(all)
            }
            XCTAssertEqual(results[0].count, results[1].count)
            for (i, (plain, fused)) in zip(results[0], results[1]).enumerated() {
                XCTAssertEqual(plain.count, fused.count)
                let first = plain.indices.first { plain[$0] != fused[$0] }
                XCTAssertNil(first, "side \(side) \(filters) filters pool \(pool) ReLU \(secondReLU) \(path) threads \(threads): output/gradient \(i) differs at \(first ?? -1)")
            }
        }
    }
}
