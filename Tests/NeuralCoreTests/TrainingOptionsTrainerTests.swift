import XCTest
@testable import NeuralCore

/// The trainer applies schedules and clipping per optimizer step as PyTorch and optax do:
/// nine steps of a one-layer model (BCE, batches of 4, no shuffling) from the fixture's
/// weights, against PyTorch Adam / SGD with `clip_grad_norm_` and an optax
/// `chain(clip_by_global_norm, adam(schedule))`.
final class TrainingOptionsTrainerTests: XCTestCase {
    func testFewStepsAgainstPyTorchAndOptax() throws {
        let training = try TrainingOptionsFixture.load().object("training")
        let data = training["data"] as! [String: Any]
        let cases = training["cases"] as! [[String: Any]]
        XCTAssertEqual(cases.count, 6, "fixture cases")
        let set = LabeledTensors(images: data.tensor("x"), labels: data.tensor("y"))
        for c in cases {
            let id = c.string("id"), spec = c["optimizer"] as! [String: Any]
            let dense = Dense(units: 3)
            let model = Sequential([dense])
            model.build(inputShape: [4], seed: 0)
            dense.kernel.value = data.tensor("kernel0")
            dense.bias.value = data.tensor("bias0")
            let rate = Float(spec.double("lr"))
            let optimizer: GradientOptimizer = spec.string("kind") == "adam"
                ? Adam(learningRate: rate, epsilon: 1e-8)
                : SGD(learningRate: rate, momentum: Float(spec.double("momentum")))
            let clipping = c.optionalDouble("clip_norm").map {
                GradientClipping(maxNorm: $0, epsilon: c.string("clip_epsilon") == "none" ? .none : .pytorch)
            }
            let schedule = (c["schedule"] as? [String: Any]).map(LearningRateScheduleTests.schedule)
            let steps = c.int("steps"), batch = c.int("batch_size")
            let trainer = Trainer(model: model, loss: .binaryCrossEntropy(), optimizer: optimizer,
                                  configuration: TrainingConfiguration(
                                    epochs: steps * batch / set.count, batchSize: batch, shuffle: false,
                                    learningRateSchedule: schedule, gradientClipping: clipping))
            var losses: [Double] = []
            let result = try trainer.fit(set, onStep: { losses.append($0.loss) })
            XCTAssertEqual(result.steps, steps, id)
            assertClose(losses, c.doubles("step_losses"), rtol: 1e-5, atol: { _ in 1e-7 }, "\(id) step losses")
            assertClose(dense.kernel.value.storage.map { Double($0) }, c.array("final_kernel").values,
                        rtol: 1e-5, atol: { _ in 1e-6 }, "\(id) kernel")
            assertClose(dense.bias.value.storage.map { Double($0) }, c.array("final_bias").values,
                        rtol: 1e-5, atol: { _ in 1e-6 }, "\(id) bias")
            XCTAssertEqual(optimizer.learningRate, rate, "\(id): the optimizer's own rate is back after fit")
        }
    }
}
