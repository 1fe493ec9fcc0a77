import Foundation
import XCTest
import NeuralCore
@testable import Experiments

/// Each training option of the lesson API reaches NeuralCore: a tiny run with it trains
/// differently from the same run without it, gives the same result twice, and a run
/// without it keeps the JSON (and so the cache key) it had before the option existed.
final class TrainingOptionRunTests: XCTestCase {
    private let dataset = Dataset(labelNames: ["a", "b"], train: TwoPixelData.split(200, seed: 1),
                                  validation: TwoPixelData.split(60, seed: 2), test: TwoPixelData.split(100, seed: 3))

    private func run(_ name: String, loss: Loss = .binaryCrossEntropy(), schedule: Schedule = .constant,
                     clipNorm: Double? = nil) -> Run {
        Run(name, model: MLP(hidden: [4]), loss: loss, epochs: 4, batchSize: 16, schedule: schedule, clipNorm: clipNorm, seed: 2)
    }

    /// The option changes training (the loss history) and the run is deterministic.
    private func assertChangesTraining(_ option: Run, file: StaticString = #filePath, line: UInt = #line) throws {
        let plain = RunExecutor.execute(run("plain"), on: dataset, clock: .stopped)
        let with = RunExecutor.execute(option, on: dataset, clock: .stopped)
        let again = RunExecutor.execute(option, on: dataset, clock: .stopped)
        XCTAssertEqual(with.outcome, .completed, file: file, line: line)
        XCTAssertNotNil(with.metrics, file: file, line: line)
        XCTAssertNotEqual(with.history.map(\.trainLoss), plain.history.map(\.trainLoss), "the option changes nothing", file: file, line: line)
        XCTAssertEqual(with.history, again.history, "not deterministic", file: file, line: line)
        XCTAssertEqual(with.metrics, again.metrics, "not deterministic", file: file, line: line)
    }

    private func json(_ run: Run) throws -> String { String(decoding: try JSONEncoder().encode(run), as: UTF8.self) }

    func testARunWithoutOptionsKeepsItsEncoding() throws {
        var cnn = run("a")
        cnn.model = .cnn(CNN(filters: [2], dense: []))
        let plain = try json(run("a")) + json(cnn)
        for key in ["labelSmoothing", "clipNorm", "schedule", "earlyStopping", "batchNorm"] { XCTAssertFalse(plain.contains(key), plain) }
    }

    func testLabelSmoothingTrainsTowardsSoftTargets() throws {
        let smoothed = run("smoothed", loss: .binaryCrossEntropy(labelSmoothing: 0.2))
        try assertChangesTraining(smoothed)
        XCTAssertTrue(try json(smoothed).contains("\"labelSmoothing\":0.2"))
        // NeuralCore's loss (Keras' smoothing, tested there against Keras) gets s.
        let loss = try smoothed.loss.lossFunction(trainLabels: dataset.train.labels, labelNames: ["a", "b"])
        XCTAssertEqual(loss.labelSmoothing, 0.2)
        // Smoothed targets keep the probabilities away from 0 and 1: the mean confidence drops.
        let plainTrained = RunExecutor.execute(Run("p", model: MLP(hidden: [4]), epochs: 30, seed: 2), on: dataset, clock: .stopped)
        let smoothTrained = RunExecutor.execute(Run("s", model: MLP(hidden: [4]), loss: .binaryCrossEntropy(labelSmoothing: 0.4),
                                                    epochs: 30, seed: 2), on: dataset, clock: .stopped)
        XCTAssertGreaterThan(try XCTUnwrap(smoothTrained.history.last?.trainLoss), try XCTUnwrap(plainTrained.history.last?.trainLoss),
                             "soft targets cannot be met: the loss floor rises")
    }

    func testClippingByGlobalNormSlowsTheSteps() throws {
        let clipped = run("clipped", clipNorm: 0.01)
        try assertChangesTraining(clipped)
        XCTAssertTrue(try json(clipped).contains("\"clipNorm\":0.01"))
        // A norm no gradient reaches changes nothing: the clipping only ever scales down.
        let loose = RunExecutor.execute(run("loose", clipNorm: 1e6), on: dataset, clock: .stopped)
        XCTAssertEqual(loose.history, RunExecutor.execute(run("plain"), on: dataset, clock: .stopped).history)
        // SGD's steps are the gradient's size (Adam's are not): clipped to norm 0.01, they learn less in 4 epochs.
        var sgd = run("sgd"), small = run("sgd, clipped", clipNorm: 0.01)
        sgd.optimizer = .sgd(learningRate: 0.5)
        small.optimizer = sgd.optimizer
        let free = RunExecutor.execute(sgd, on: dataset, clock: .stopped), slowed = RunExecutor.execute(small, on: dataset, clock: .stopped)
        XCTAssertGreaterThan(try XCTUnwrap(slowed.history.last?.trainLoss), try XCTUnwrap(free.history.last?.trainLoss) + 0.01)
    }

    func testSchedulesSetTheRateInEpochs() throws {
        for schedule: Schedule in [.warmup(epochs: 2), .step(everyEpochs: 1, factor: 0.5), .cosine(epochs: 3, alpha: 0.1, warmupEpochs: 1)] {
            try assertChangesTraining(run("scheduled", schedule: schedule))
        }
        XCTAssertTrue(try json(run("s", schedule: .step(everyEpochs: 2))).contains("\"schedule\":{\"step\""))
        XCTAssertNil(run("c", schedule: .constant).schedule, "the default is stored as nil")
        // NeuralCore's schedule in epochs (its numerics are tested there against optax, PyTorch and Keras).
        let cosine = try XCTUnwrap(Schedule.cosine(epochs: 10, alpha: 0.1, warmupEpochs: 2).learningRateSchedule)
        XCTAssertEqual(cosine, .cosine(steps: 10, alpha: 0.1, warmup: 2, unit: .epochs))
        let inSteps = cosine.inSteps(stepsPerEpoch: 5)
        XCTAssertEqual(inSteps.factor(atStep: 0), 0, "the warmup starts at 0")
        XCTAssertEqual(inSteps.factor(atStep: 10), 1, "full rate when the 2 warmup epochs of 5 steps end")
        XCTAssertEqual(inSteps.factor(atStep: 60), 0.1, accuracy: 1e-12, "alpha·r after 10 more epochs")
        XCTAssertEqual(Schedule.warmup(epochs: 3).learningRateSchedule, LearningRateSchedule(decay: .constant, warmup: 3, unit: .epochs))
        // A step schedule that multiplies by 1 is the constant rate, to the bit.
        let plain = RunExecutor.execute(run("plain"), on: dataset, clock: .stopped)
        XCTAssertEqual(RunExecutor.execute(run("x1", schedule: .step(everyEpochs: 1, factor: 1)), on: dataset, clock: .stopped).history,
                       plain.history)
    }

    func testEarlyStoppingStopsAndMeasuresTheBestEpoch() throws {
        // minDelta 1: no epoch after the first improves enough, so training stops after epoch 2 (never after the first).
        func stopping(_ restore: Bool) -> Run {
            var r = run("stopping")
            r.epochs = 30
            r.earlyStopping = Experiments.EarlyStopping(patience: 1, minDelta: 1, restoreBestWeights: restore)
            return r
        }
        try assertChangesTraining(stopping(true))
        let restored = RunExecutor.execute(stopping(true), on: dataset, clock: .stopped)
        let last = RunExecutor.execute(stopping(false), on: dataset, clock: .stopped)
        XCTAssertEqual(restored.history.count, 2)
        XCTAssertEqual(restored.history, last.history, "restoring changes what is measured, not training")
        XCTAssertNotEqual(restored.metrics, last.metrics, "the first epoch's weights are measured, not the second's")
        XCTAssertTrue(try json(stopping(true)).contains("\"earlyStopping\":{"))
        // Patience long enough for every epoch: the same training as without early stopping.
        var patient = run("patient")
        patient.earlyStopping = Experiments.EarlyStopping(patience: 1000, restoreBestWeights: false)
        let plain = RunExecutor.execute(run("plain"), on: dataset, clock: .stopped)
        let waited = RunExecutor.execute(patient, on: dataset, clock: .stopped)
        XCTAssertEqual(waited.history, plain.history)
        XCTAssertEqual(waited.metrics, plain.metrics)
        // Without validation images the run fails with the reason (a lesson gets a located error first).
        let noValidation = Dataset(labelNames: ["a", "b"], train: dataset.train, validation: TwoPixelData.split(0, seed: 2),
                                   test: dataset.test)
        guard case .failed(let message) = RunExecutor.execute(stopping(true), on: noValidation, clock: .stopped).outcome else {
            return XCTFail("trained without validation data")
        }
        XCTAssertTrue(message.contains("validation"), message)
    }

    func testBatchNormalizationInTheMLPAndCNNBlocks() throws {
        var mlp = run("mlp, batch norm")
        mlp.model = .mlp(MLP(hidden: [4], batchNorm: true))
        try assertChangesTraining(mlp)
        XCTAssertTrue(try json(mlp).contains("\"batchNorm\":true"))
        func cnn(_ batchNorm: Bool) -> Run {
            var r = run("cnn")
            r.model = .cnn(CNN(filters: [2], dense: [3], batchNorm: batchNorm))
            return r
        }
        let plain = RunExecutor.execute(cnn(false), on: dataset, clock: .stopped)
        let normalized = RunExecutor.execute(cnn(true), on: dataset, clock: .stopped)
        XCTAssertNotEqual(normalized.history.map(\.trainLoss), plain.history.map(\.trainLoss))
        XCTAssertEqual(normalized, RunExecutor.execute(cnn(true), on: dataset, clock: .stopped))
        // One BatchNormalization per hidden layer (convolutions and dense), none in the plain model.
        func count(_ model: Model) -> Int {
            ModelFactory.sequential(model, labelCount: 2).layers.filter { $0 is BatchNormalization }.count
        }
        XCTAssertEqual(count(.cnn(CNN(filters: [2, 4], dense: [3], batchNorm: true))), 3)
        XCTAssertEqual(count(.mlp(MLP(hidden: [4, 4], batchNorm: true))), 2)
        XCTAssertEqual(count(.cnn(CNN(filters: [2, 4], dense: [3]))), 0)
    }
}
