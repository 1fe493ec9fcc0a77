import XCTest
@testable import NeuralCore

final class EvaluationTests: XCTestCase {
    /// A model whose logits are its bias alone, so every number is known in advance.
    private func constantModel(_ bias: [Float]) -> Sequential {
        let model = Sequential([Flatten(), Dense(units: bias.count, kernelInitializer: .zeros)])
        model.build(inputShape: [2, 2, 1], seed: 0)
        (model.layers.last as! Dense).bias.value = Tensor(shape: [bias.count], storage: bias)
        return model
    }

    func testEvaluationWithThresholdsAndTopK() {
        let model = constantModel([2, 0, -1])
        let data = LabeledTensors(images: Tensor(zeros: [4, 2, 2, 1]),
                                  labels: Tensor(shape: [4, 3], storage: [1, 0, 0,  1, 1, 0,  0, 0, 1,  1, 0, 0]))
        let e = Evaluation(model: model, data: data, loss: .binaryCrossEntropy())
        XCTAssertEqual(Double(e.probabilities.storage[0]), 1 / (1 + exp(-2.0)), accuracy: 1e-7)
        XCTAssertEqual(e.predictions.storage, [1, 0, 0,  1, 0, 0,  1, 0, 0,  1, 0, 0], "σ(0) = 0.5 is not > 0.5")
        XCTAssertEqual(e.summary.subsetAccuracy, 0.5)
        XCTAssertEqual(e.loss!, LossFunction.binaryCrossEntropy().value(logits: e.logits, targets: data.labels))
        let top2 = Evaluation(model: model, data: data, loss: .softmaxCrossEntropy(), decision: .topK(2))
        XCTAssertEqual(top2.predictions.storage, [1, 1, 0,  1, 1, 0,  1, 1, 0,  1, 1, 0])
        XCTAssertEqual(Double(top2.probabilities.row(0).reduce(0, +)), 1, accuracy: 1e-6, "softmax head from the loss")
        XCTAssertEqual(top2.summary.rocAUCSkippedLabels, [], "every label has both values")
    }
}
