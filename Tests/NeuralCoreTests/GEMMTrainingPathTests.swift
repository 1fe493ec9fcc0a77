import XCTest
@testable import NeuralCore

/// A training run's result — every weight and every epoch loss — is the same
/// bits whichever GEMM kernel path and thread count ran its products.
final class GEMMTrainingPathTests: XCTestCase {
    struct Outcome: Equatable {
        var weights: [[UInt32]]
        var losses: [Double]
    }

    func train(_ makeModel: () -> Sequential, data: SyntheticMultiLabel, path: GEMMPath, threads: Int) throws -> Outcome {
        let savedPath = GEMMPath.current, savedThreads = GEMMPath.threads
        defer { GEMMPath.current = savedPath; GEMMPath.threads = savedThreads }
        GEMMPath.current = path
        GEMMPath.threads = threads
        let model = makeModel()
        let posWeight = try PositiveWeighting.balanced.resolve(labels: data.labels)
        let trainer = Trainer(model: model, loss: .binaryCrossEntropy(posWeight: posWeight),
                              optimizer: Adam(learningRate: 1e-3),
                              configuration: TrainingConfiguration(epochs: 2, batchSize: 32, seed: 7))
        let result = try trainer.fit(LabeledTensors(images: data.images, labels: data.labels))
        return Outcome(weights: model.parameters.map { $0.value.storage.map(\.bitPattern) },
                       losses: result.history.map(\.trainLoss))
    }

    func assertSameOnEveryPath(_ makeModel: () -> Sequential, data: SyntheticMultiLabel) throws {
        let reference = try train(makeModel, data: data, path: .portable, threads: 1)
        XCTAssertEqual(reference.losses.count, 2)
        XCTAssertLessThan(reference.losses[1], reference.losses[0], "the run should learn something")
        for path in GEMMPath.supported {
            for threads in [1, 2] {
                let outcome = try train(makeModel, data: data, path: path, threads: threads)
                XCTAssertEqual(outcome, reference, "\(path) with \(threads) threads changed the run")
            }
        }
    }

    func testMLPRunIsIdenticalOnEveryPath() throws {
        let data = SyntheticMultiLabel(count: 128, prevalences: [0.3, 0.15, 0.08], seed: 1)
        try assertSameOnEveryPath({ Sequential([Flatten(), Dense(units: 64), ReLU(), Dense(units: 3)]) }, data: data)
    }

    func testCNNRunIsIdenticalOnEveryPath() throws {
        let data = SyntheticMultiLabel(count: 64, height: 14, width: 14, prevalences: [0.3, 0.15], seed: 2)
        try assertSameOnEveryPath({
            Sequential([Conv2D(filters: 4, kernelSize: 3), ReLU(), MaxPool2D(poolSize: 2),
                        Conv2D(filters: 8, kernelSize: 3), ReLU(), MaxPool2D(poolSize: 2),
                        Flatten(), Dense(units: 2)])
        }, data: data)
    }
}
