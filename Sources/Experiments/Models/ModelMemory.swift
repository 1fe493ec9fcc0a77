/// Values (32-bit floats) a model holds while it trains, counted from the
/// architecture the way `ModelFactory` builds it: a lesson's memory estimate
/// adds them to its datasets before anything trains.
extension Model {
    /// Values of one run in training: weights, their gradients and Adam's two
    /// moments, plus a batch's activations and their gradients; or, if larger,
    /// the activations of an evaluation batch of 256 images.
    public func trainingValues(height: Int, width: Int, channels: Int, labels: Int, batchSize: Int) -> Double {
        let sizes = layerSizes(height: height, width: width, channels: channels, labels: labels)
        return 4 * sizes.parameters + Double(max(2 * batchSize, 256)) * sizes.activations
    }

    /// Weights and biases; the values one image leaves in the layers on its way
    /// forward (the input, each layer's output, and a convolution's padded input
    /// and full output, as when it is not fused with its pooling).
    private func layerSizes(height: Int, width: Int, channels: Int, labels: Int) -> (parameters: Double, activations: Double) {
        var h = Double(height), w = Double(width), c = Double(channels)
        var parameters = 0.0
        var activations = h * w * c
        var features = 0.0
        func dense(_ units: Double) {
            parameters += features * units + units
            activations += 2 * units  // the product and its ReLU
            features = units
        }
        switch self {
        case .mlp(let mlp):
            features = h * w * c
            for units in mlp.hidden { dense(Double(units)) }
        case .cnn(let cnn):
            let k = Double(cnn.kernelSize)
            for filters in cnn.filters.map(Double.init) {
                parameters += k * k * c * filters + filters
                activations += (h + k - 1) * (w + k - 1) * c + 2 * h * w * filters
                c = filters
                h = (h / 2).rounded(.down)
                w = (w / 2).rounded(.down)
                activations += h * w * c
            }
            features = h * w * c
            for units in cnn.dense { dense(Double(units)) }
        case .prevalence:
            return (0, 0)  // a constant per label, nothing trained
        }
        parameters += features * Double(labels) + Double(labels)
        activations += Double(labels)
        return (parameters, activations)
    }
}
