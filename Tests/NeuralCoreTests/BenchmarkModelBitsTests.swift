import XCTest
@testable import NeuralCore

/// The two `lessons bench` models, trained briefly on every kernel path and
/// thread count, end with exactly the weights and losses recorded here, which
/// were computed before the step was made faster (fused optimizer pass, loss
/// and hand-offs): speed work may not change one bit of a training run.
final class BenchmarkModelBitsTests: XCTestCase {
    /// FNV-1a over the bits of every weight, then of every epoch loss.
    func trainedHash(_ model: BenchmarkModel, data: SyntheticMultiLabel, epochs: Int,
                     path: GEMMPath, threads: Int, choice: ThreadChoice? = nil) throws -> UInt64 {
        let savedPath = GEMMPath.current, savedThreads = GEMMPath.threads
        defer { GEMMPath.current = savedPath; GEMMPath.threads = savedThreads }
        GEMMPath.current = path
        GEMMPath.threads = threads
        let net = model.makeModel()
        let posWeight = try PositiveWeighting.balanced.resolve(labels: data.labels)
        let trainer = Trainer(model: net, loss: .binaryCrossEntropy(posWeight: posWeight),
                              optimizer: Adam(learningRate: TrainingBenchmark.learningRate),
                              configuration: TrainingConfiguration(epochs: epochs, batchSize: TrainingBenchmark.batchSize,
                                                                   seed: 11))
        if let choice { trainer.threadChoice = { choice } }
        let result = try trainer.fit(LabeledTensors(images: data.images, labels: data.labels))
        XCTAssertEqual(result.history.count, epochs)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bits: UInt64, bytes: Int) {
            for i in 0..<bytes { hash = (hash ^ ((bits >> (8 * UInt64(i))) & 0xff)) &* 0x0000_0100_0000_01b3 }
        }
        for p in net.parameters { for v in p.value.storage { mix(UInt64(v.bitPattern), bytes: 4) } }
        for e in result.history { mix(e.trainLoss.bitPattern, bytes: 8) }
        return hash
    }

    func assertRecorded(_ model: BenchmarkModel, count: Int, epochs: Int, expected: UInt64) throws {
        let data = SyntheticMultiLabel(count: count, prevalences: TrainingBenchmark.prevalences, seed: 0x5EED)
        for path in GEMMPath.supported {
            for threads in [1, 2] {
                let hash = try trainedHash(model, data: data, epochs: epochs, path: path, threads: threads)
                XCTAssertEqual(hash, expected, "\(model) on \(path) with \(threads) threads: 0x\(String(hash, radix: 16))")
            }
            // Steps alone and on the threads in turns, as a run on a contended machine switches.
            let switching = try trainedHash(model, data: data, epochs: epochs, path: path, threads: 2,
                                            choice: ThreadChoice(schedule: { $0 % 3 == 1 ? .alone : .threads }))
            XCTAssertEqual(switching, expected, "\(model) on \(path), switching between one thread and two")
        }
    }

    func testMLPTrainsTheRecordedBits() throws {
        // 5 batches of 64 (the last one short), 2 epochs.
        try assertRecorded(.mlp, count: 300, epochs: 2, expected: 0x8490_4cea_9e51_7e90)
    }

    func testCNNTrainsTheRecordedBits() throws {
        try assertRecorded(.cnn, count: 80, epochs: 1, expected: 0xa6f8_34da_6efb_7079)
    }
}
