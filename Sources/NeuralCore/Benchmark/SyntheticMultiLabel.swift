/// Deterministic synthetic multi-label images for benchmarks: N grey 28×28
/// images, labels with exact prevalences (e.g. 0.30/0.15/0.08/0.04/0.02), and
/// a faint per-label pattern so training has something to learn.
public struct SyntheticMultiLabel {
    /// [N, H, W, 1] in [0, 1].
    public var images: Tensor
    /// Multi-hot [N, L].
    public var labels: Tensor

    /// Label `l` is positive on exactly `round(prevalence[l] · count)` samples,
    /// chosen by a seeded permutation; pixels are seeded uniform noise plus a
    /// horizontal stripe at row `3 + 4·l` for each positive label.
    public init(count: Int, height: Int = 28, width: Int = 28, prevalences: [Double], seed: UInt64) {
        var rng = SeededRNG(seed: seed)
        let labelCount = prevalences.count
        var labelValues = [Float](repeating: 0, count: count * labelCount)
        for (l, p) in prevalences.enumerated() {
            let positives = Int((p * Double(count)).rounded())
            for i in rng.permutation(count).prefix(positives) { labelValues[i * labelCount + l] = 1 }
        }
        var pixels = [Float](repeating: 0, count: count * height * width)
        for i in 0..<count {
            let image = i * height * width
            for j in 0..<(height * width) { pixels[image + j] = 0.6 * rng.nextFloat() }
            for l in 0..<labelCount where labelValues[i * labelCount + l] == 1 {
                let row = (3 + 4 * l) % height
                for x in 0..<width { pixels[image + row * width + x] += 0.4 }
            }
        }
        images = Tensor(shape: [count, height, width, 1], storage: pixels)
        labels = Tensor(shape: [count, labelCount], storage: labelValues)
    }
}
