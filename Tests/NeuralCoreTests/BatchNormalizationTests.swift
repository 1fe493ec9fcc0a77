import XCTest
@testable import NeuralCore

/// BatchNormalization against PyTorch `BatchNorm1d` ([6, 4]) and `BatchNorm2d` ([3, 4, 5, 2]
/// NHWC): two training passes (output, input / γ / β gradients of Σ out·r, running
/// statistics with the unbiased variance), then inference from the running statistics.
final class BatchNormalizationTests: XCTestCase {
    func testAgainstPyTorch() throws {
        let cases = try TrainingOptionsFixture.load().section("batch_norm")
        XCTAssertEqual(cases.count, 2, "fixture cases")
        for c in cases {
            let id = c.string("id"), shape = (c["shape"] as! [Any]).map { ($0 as! NSNumber).intValue }
            let layer = BatchNormalization()
            var rng = SeededRNG(seed: 0)
            XCTAssertEqual(layer.build(inputShape: Array(shape.dropFirst()), rng: &rng), Array(shape.dropFirst()))
            layer.gamma.value = c.tensor("gamma")
            layer.beta.value = c.tensor("beta")
            let close: ([Float], (shape: [Int], values: [Double]), String) -> Void = { ours, expected, what in
                assertClose(ours.map { Double($0) }, expected.values, rtol: 1e-5, atol: { _ in 1e-6 }, "\(id) \(what)")
            }
            for (k, pass) in (c["training"] as! [[String: Any]]).enumerated() {
                let y = layer.forward(pass.tensor("x"), training: true)
                close(y.storage, pass.array("output"), "pass \(k) output")
                let dx = layer.backward(pass.tensor("r"), needsInputGradient: true)
                close(dx.storage, pass.array("input_gradient"), "pass \(k) input gradient")
                close(layer.gamma.gradient.storage, pass.array("gamma_gradient"), "pass \(k) gamma gradient")
                close(layer.beta.gradient.storage, pass.array("beta_gradient"), "pass \(k) beta gradient")
                close(layer.runningMean.value.storage, pass.array("running_mean"), "pass \(k) running mean")
                close(layer.runningVariance.value.storage, pass.array("running_var"), "pass \(k) running var")
            }
            let eval = c["eval"] as! [String: Any]
            close(layer.forward(eval.tensor("x"), training: false).storage, eval.array("output"), "eval output")
        }
    }

    func testGradientsMatchFiniteDifferences() {
        // Σ out·r through the layer, checked on a 5×3 batch in Double by central differences.
        var rng = SeededRNG(seed: 4)
        let x = Tensor(shape: [5, 3], storage: (0..<15).map { _ in Float(rng.normal()) })
        let r = Tensor(shape: [5, 3], storage: (0..<15).map { _ in Float(rng.normal()) })
        let layer = BatchNormalization()
        var build = SeededRNG(seed: 0)
        _ = layer.build(inputShape: [3], rng: &build)
        layer.gamma.value = Tensor(shape: [3], storage: [0.5, 1.5, -1])
        func objective(_ input: Tensor) -> Double {
            let probe = BatchNormalization()
            var b = SeededRNG(seed: 0)
            _ = probe.build(inputShape: [3], rng: &b)
            probe.gamma.value = layer.gamma.value
            return zip(probe.forward(input, training: true).storage, r.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        _ = layer.forward(x, training: true)
        let dx = layer.backward(r, needsInputGradient: true)
        for i in 0..<x.count {
            var plus = x, minus = x
            plus.storage[i] += 1e-2; minus.storage[i] -= 1e-2
            let numeric = (objective(plus) - objective(minus)) / 2e-2
            XCTAssertEqual(Double(dx.storage[i]), numeric, accuracy: 2e-3, "dx[\(i)]")
        }
    }

    func testModelsWithBatchNormTrainAndEarlyStoppingRestoresRunningStatistics() throws {
        let model = Sequential.perceptron(hidden: [16], dropout: 0, labelCount: 5, batchNormalization: true)
        XCTAssertTrue(model.layers.contains { $0 is BatchNormalization })
        let data = TrainerTests.separableProblem(count: 24, seed: 5)
        let validation = TrainerTests.separableProblem(count: 64, seed: 6)
        let trainer = Trainer(model: model, loss: .binaryCrossEntropy(), optimizer: Adam(learningRate: 0.03),
                              configuration: TrainingConfiguration(epochs: 40, batchSize: 8, seed: 3,
                                                                   earlyStopping: EarlyStopping(patience: 2)))
        var saved: [Int: [[Float]]] = [:]
        let result = try trainer.fit(data, validation: validation, onEpochEnd: { record in
            saved[record.epoch] = model.state.map(\.value.storage)
        })
        let report = try XCTUnwrap(result.earlyStopping)
        XCTAssertEqual(model.state.count, 2)
        XCTAssertEqual(model.state.map(\.value.storage), saved[report.bestEpoch], "running statistics of the best epoch")
        XCTAssertLessThan(result.history.last!.trainLoss, result.history.first!.trainLoss)

        let cnn = Sequential.convolutional(filters: [2], dense: [4], dropout: 0, kernelSize: 3, labelCount: 5,
                                           batchNormalization: true)
        XCTAssertEqual(cnn.layers.filter { $0 is BatchNormalization }.count, 2)
        let cnnResult = try Trainer(model: cnn, loss: .binaryCrossEntropy(), optimizer: SGD(learningRate: 0.1),
                                    configuration: TrainingConfiguration(epochs: 2, batchSize: 8, seed: 1))
            .fit(data, validation: validation)
        XCTAssertEqual(cnnResult.outcome, .completed(epochs: 2, steps: 6))
        let norms = cnn.layers.compactMap { $0 as? BatchNormalization }
        XCTAssertTrue(norms.allSatisfy { $0.gamma.value.storage != [Float](repeating: 1, count: $0.channels) },
                      "γ of both BatchNormalization layers trained")
        XCTAssertTrue(norms.allSatisfy { $0.runningMean.value.storage.contains { $0 != 0 } }, "running means moved")
    }
}
