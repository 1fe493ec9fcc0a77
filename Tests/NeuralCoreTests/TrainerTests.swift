import XCTest
@testable import NeuralCore

final class TrainerTests: XCTestCase {
    /// 5 labels, label k on when feature k > threshold_k: separable, with prevalences
    /// from ~50% down to ~10%. Inputs shaped like images [N, 2, 4, 1].
    static func separableProblem(count: Int, seed: UInt64) -> LabeledTensors {
        var rng = SeededRNG(seed: seed)
        let thresholds: [Float] = [0, 0.4, 0.7, 1.0, 1.3]
        var x: [Float] = [], y: [Float] = []
        for _ in 0..<count {
            let features = (0..<8).map { _ in Float(rng.normal()) }
            x += features
            y += (0..<5).map { features[$0] > thresholds[$0] ? 1 : 0 }
        }
        return LabeledTensors(images: Tensor(shape: [count, 2, 4, 1], storage: x), labels: Tensor(shape: [count, 5], storage: y))
    }

    static func mlp() -> Sequential { Sequential([Flatten(), Dense(units: 32), ReLU(), Dense(units: 5)]) }

    private func train(seed: UInt64 = 7) throws -> (TrainingResult, Sequential, [EpochRecord]) {
        let data = Self.separableProblem(count: 512, seed: 1)
        let validation = Self.separableProblem(count: 256, seed: 2)
        let model = Self.mlp()
        let posWeight = try PositiveWeighting.balanced.resolve(labels: data.labels)
        let trainer = Trainer(model: model, loss: .binaryCrossEntropy(posWeight: posWeight), optimizer: Adam(learningRate: 0.01),
                              configuration: TrainingConfiguration(epochs: 100, batchSize: 32, seed: seed, maxSteps: 400,
                                                                   outputBias: .prior))
        var seen: [EpochRecord] = []
        let result = try trainer.fit(data, validation: validation, onEpochEnd: { seen.append($0) })
        return (result, model, seen)
    }

    func testSmallMLPLearnsASeparableMultiLabelProblemDeterministically() throws {
        let (result, model, seen) = try train()
        XCTAssertEqual(result.outcome, .completed(epochs: 25, steps: 400), "400 steps of 16 per epoch")
        XCTAssertEqual(seen, result.history, "callback sees every epoch record")
        let first = result.history.first!, last = result.history.last!
        XCTAssertLessThan(last.trainLoss, first.trainLoss * 0.5)
        let macroF1 = last.validation!.macroF1
        print("training sanity: validation macro-F1 \(macroF1) after \(result.steps) steps, loss \(first.trainLoss) → \(last.trainLoss)")
        XCTAssertGreaterThanOrEqual(macroF1, 0.90, "separable problem must be learnt within 400 steps")

        let (again, model2, _) = try train()
        XCTAssertEqual(again, result, "same seed, same history bit for bit")
        for (a, b) in zip(model.parameters, model2.parameters) {
            XCTAssertEqual(a.value.storage.map(\.bitPattern), b.value.storage.map(\.bitPattern), "weights differ: \(a.name)")
        }
        let (other, _, _) = try train(seed: 8)
        XCTAssertNotEqual(other.history.map(\.trainLoss), result.history.map(\.trainLoss), "the seed must matter")
    }

    func testDivergenceIsAnOutcomeNotACrash() throws {
        let data = Self.separableProblem(count: 256, seed: 3)
        // The last run turns the loss threshold off, so only NaN/∞ can stop it.
        for (optimizer, limit) in [(SGD(learningRate: 1e4) as GradientOptimizer, 1e6), (Adam(learningRate: 1e4), 1e6),
                                   (SGD(learningRate: 1e4), .infinity)] {
            let trainer = Trainer(model: Self.mlp(), loss: .binaryCrossEntropy(), optimizer: optimizer,
                                  configuration: TrainingConfiguration(epochs: 20, batchSize: 32, seed: 1, validationSplit: 0.25,
                                                                       divergenceThreshold: limit))
            let result = try trainer.fit(data)
            guard case .diverged(let epoch, let step, let message) = result.outcome else {
                return XCTFail("\(type(of: optimizer)) lr 1e4 did not diverge: \(result.outcome)")
            }
            print("divergence (\(type(of: optimizer))): \(message)")
            XCTAssertGreaterThanOrEqual(epoch, 1)
            XCTAssertEqual(result.steps, step)
            XCTAssertEqual(result.history.count, epoch - 1, "only completed epochs are recorded")
            XCTAssertTrue(message.contains("smaller learning rate") && message.contains("epoch \(epoch)"))
            for r in result.history {
                XCTAssertTrue(r.trainLoss.isFinite && (r.validationLoss?.isFinite ?? true), "no NaN in results")
                XCTAssertTrue(r.validation.map { $0.macroF1.isFinite && $0.meanAveragePrecision.isFinite } ?? true)
            }
        }
    }

    func testStepBudgetValidationSplitAndInputErrors() throws {
        let data = Self.separableProblem(count: 100, seed: 4)
        let model = Self.mlp()
        let trainer = Trainer(model: model, loss: .binaryCrossEntropy(), optimizer: SGD(learningRate: 0.1, momentum: 0.9),
                              configuration: TrainingConfiguration(epochs: 3, batchSize: 32, seed: 2, maxSteps: 5, validationSplit: 0.2))
        let result = try trainer.fit(data)
        // 80 training rows → 3 steps per epoch; 5 steps = one full epoch and a partial one.
        XCTAssertEqual(result.steps, 5)
        XCTAssertEqual(result.history.map(\.step), [3, 5])
        XCTAssertNotNil(result.history.last?.validation)
        XCTAssertThrowsError(try trainer.fit(data, sampleWeight: [1, 2]))
        XCTAssertThrowsError(try trainer.fit(data, sampleWeight: [Float](repeating: -1, count: 100)))
        let wrong = Trainer(model: Sequential([Flatten(), Dense(units: 3)]), loss: .binaryCrossEntropy(), optimizer: SGD(),
                            configuration: TrainingConfiguration(epochs: 1))
        XCTAssertThrowsError(try wrong.fit(data)) { XCTAssertTrue("\($0)".contains("outputs [3] values per sample"), "\($0)") }
    }

    func testPriorOutputBiasIsTheLogOdds() throws {
        let data = Self.separableProblem(count: 200, seed: 5)
        let model = Self.mlp()
        let trainer = Trainer(model: model, loss: .binaryCrossEntropy(), optimizer: SGD(learningRate: 0),
                              configuration: TrainingConfiguration(epochs: 1, batchSize: 50, seed: 3, outputBias: .prior))
        _ = try trainer.fit(data)
        let p = LabelStatistics(data.labels).prevalence
        let bias = (model.layers.last as! Dense).bias.value.storage
        for k in 0..<5 { XCTAssertEqual(Double(bias[k]), log(p[k] / (1 - p[k])), accuracy: 1e-5) }
    }

    func testSampleWeightsChangeTraining() throws {
        let data = Self.separableProblem(count: 64, seed: 6)
        func run(_ w: [Float]?) throws -> Double {
            let trainer = Trainer(model: Self.mlp(), loss: .binaryCrossEntropy(), optimizer: Adam(),
                                  configuration: TrainingConfiguration(epochs: 2, batchSize: 16, seed: 4))
            return try trainer.fit(data, sampleWeight: w).finalLoss!
        }
        let weights = try SampleWeighting.rarestLabel.weights(labels: data.labels)!
        XCTAssertNotEqual(try run(nil), try run(weights))
        XCTAssertEqual(try run(nil), try run([Float](repeating: 1, count: 64)), "unit weights are no weights")
    }
}

extension TrainerTests {
    func testConfigurationErrorsAreThrownNotTrapped() throws {
        let data = Self.separableProblem(count: 20, seed: 9)
        func fit(_ loss: LossFunction, model: Sequential = TrainerTests.mlp()) throws {
            _ = try Trainer(model: model, loss: loss, optimizer: SGD(), configuration: TrainingConfiguration(epochs: 1)).fit(data)
        }
        XCTAssertThrowsError(try fit(.binaryCrossEntropy(posWeight: [1, 2]))) { XCTAssertTrue("\($0)".contains("posWeight has 2 values")) }
        XCTAssertThrowsError(try fit(.softmaxCrossEntropy(classWeight: [1, 2, 3])))
        XCTAssertThrowsError(try fit(.sigmoidFocal(alpha: 2)))
        let built = Self.mlp()
        built.build(inputShape: [4, 2, 1], seed: 0)
        XCTAssertThrowsError(try fit(.binaryCrossEntropy(), model: built)) { XCTAssertTrue("\($0)".contains("built for inputs")) }
        XCTAssertNoThrow(try fit(.sparseSoftmaxCrossEntropy(classWeight: [1, 1, 2, 2, 3])))
    }
}
