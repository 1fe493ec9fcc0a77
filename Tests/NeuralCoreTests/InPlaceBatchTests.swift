import XCTest
@testable import NeuralCore

/// An MLP's first Dense layer reads a training batch's rows where they lie in
/// the data set (`Sequential.forward(rows:of:)`) instead of a gathered copy:
/// the logits and every parameter gradient are the same bits as from the
/// copy, on every kernel path, with one and two threads, for a batch wide
/// enough to split between threads and for one smaller than a register tile.
final class InPlaceBatchTests: XCTestCase {
    func model() -> Sequential {
        Sequential([Flatten(), Dense(units: 40), ReLU(), Dense(units: 3)])
    }

    func testRowsReadInPlaceGiveTheBitsOfTheGatheredBatch() {
        let (savedPath, savedThreads) = (GEMMPath.current, GEMMPath.threads)
        defer { GEMMPath.current = savedPath; GEMMPath.threads = savedThreads }
        var rng = SeededRNG(seed: 7)
        let (n, side) = (90, 20)
        let data = Tensor(shape: [n, side, side, 1], storage: (0..<(n * side * side)).map { _ in rng.nextFloat() - 0.4 })
        for path in GEMMPath.supported {
            for threads in [1, 2] {
                GEMMPath.current = path
                GEMMPath.threads = threads
                for rows in [Array(rng.permutation(n).prefix(64)), [17, 3, 88, 3]] {
                    let dy = Tensor(shape: [rows.count, 3], storage: (0..<(rows.count * 3)).map { _ in rng.nextFloat() - 0.5 })
                    let (inPlace, copied) = (model(), model())
                    inPlace.build(inputShape: [side, side, 1], seed: 5)
                    copied.build(inputShape: [side, side, 1], seed: 5)
                    XCTAssertEqual(inPlace.inPlaceBatchReader, 1)
                    var batch = Tensor.empty
                    data.gatherItems(rows, into: &batch)
                    let a = inPlace.forward(rows: rows[...], of: data), b = copied.forward(batch, training: true)
                    XCTAssertEqual(a.storage.map(\.bitPattern), b.storage.map(\.bitPattern), "\(path) ×\(threads)")
                    inPlace.backward(dy)
                    copied.backward(dy)
                    for (p, q) in zip(inPlace.parameters, copied.parameters) {
                        XCTAssertEqual(p.gradient.storage.map(\.bitPattern), q.gradient.storage.map(\.bitPattern),
                                       "\(p.name) on \(path) ×\(threads), batch \(rows.count)")
                    }
                }
            }
        }
    }

    func testOnlyAFirstDenseReadsInPlace() {
        XCTAssertEqual(Sequential([Dense(units: 2)]).inPlaceBatchReader, 0)
        XCTAssertNil(Sequential([Flatten(), ReLU(), Dense(units: 2)]).inPlaceBatchReader)
        XCTAssertNil(BenchmarkModel.cnn.makeModel().inPlaceBatchReader)
        XCTAssertEqual(BenchmarkModel.mlp.makeModel().inPlaceBatchReader, 1)
    }
}
