import XCTest
@testable import NeuralCore

/// Layers overwrite their buffers in place from step to step: hidden activations and
/// logits of successive training steps live at the same addresses. (If a layer kept a
/// reference to its input past `backward`, the producing layer would have to copy.)
final class BufferReuseTests: XCTestCase {
    /// Identity layer that records where its input lives.
    final class Probe: Layer {
        var addresses: [UnsafeRawPointer] = []
        func build(inputShape: [Int], rng: inout SeededRNG) -> [Int] { inputShape }
        func forward(_ input: Tensor, training: Bool) -> Tensor {
            addresses.append(input.storage.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress!) })
            return input
        }
        func backward(_ g: Tensor, needsInputGradient: Bool) -> Tensor { g }
    }

    func testTrainingStepsReuseActivationBuffers() {
        let mlpProbe = Probe(), cnnProbe = Probe()
        for (probe, model) in [
            (mlpProbe, Sequential([Flatten(), Dense(units: 8), Dropout(rate: 0.5), ReLU(), mlpProbe, Dense(units: 3)])),
            (cnnProbe, Sequential([Conv2D(filters: 2, padding: .same), ReLU(), MaxPool2D(), Flatten(), cnnProbe, Dense(units: 3)]))] {
            model.build(inputShape: [4, 4, 1], seed: 1)
            var rng = SeededRNG(seed: 2)
            let x = GradientCheck.randomTensor([5, 4, 4, 1], &rng)
            let y = Tensor(repeating: 1, shape: [5, 3])
            let loss = LossFunction.binaryCrossEntropy(), optimizer = Adam()
            var gradient = Tensor.empty
            var addresses: [UnsafeRawPointer] = []
            for _ in 0..<3 {
                let logits = model.forward(x, training: true)
                addresses.append(logits.storage.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress!) })
                _ = loss.valueAndGradient(logits: logits, targets: y, gradient: &gradient)
                model.backward(gradient)
                optimizer.step(model.parameters)
            }
            XCTAssertEqual(Set(addresses).count, 1, "logits buffer reallocated between steps")
            XCTAssertEqual(probe.addresses.count, 3)
            XCTAssertEqual(Set(probe.addresses).count, 1, "hidden activation reallocated between steps")
        }
    }
}
