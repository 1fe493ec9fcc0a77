import NeuralCore
@testable import Experiments

/// Tiny learnable data for runs in tests: 2×2 images whose first two pixels are
/// brightened by labels a and b, with noise, so a model can learn something.
enum TwoPixelData {
    static func split(_ count: Int, seed: UInt64, prevalence: (a: Double, b: Double) = (0.4, 0.15)) -> LabeledImages {
        var rng = SeededRNG(seed: seed)
        var pixels: [Float] = [], labels: [Float] = []
        for _ in 0..<count {
            let a = rng.nextDouble() < prevalence.a, b = rng.nextDouble() < prevalence.b
            pixels += [Float(a ? 0.7 : 0.3) + Float(rng.nextDouble() * 0.4 - 0.2),
                       Float(b ? 0.7 : 0.3) + Float(rng.nextDouble() * 0.4 - 0.2), 0, 0]
            labels += [a ? 1 : 0, b ? 1 : 0]
        }
        return LabeledImages(images: Tensor(shape: [count, 2, 2, 1], storage: pixels),
                             labels: Tensor(shape: [count, 2], storage: labels))
    }
}
