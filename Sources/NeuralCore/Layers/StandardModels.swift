/// The two network shapes lessons train (`MLP` and `CNN` in Experiments), as layer
/// stacks, here so the native runner and the WebAssembly module build the very same
/// layers.
extension Sequential {
    /// Flatten, then per hidden width Dense (+ BatchNormalization) + ReLU (+ Dropout), then
    /// Dense logits.
    public static func perceptron(hidden: [Int], dropout: Double, labelCount: Int,
                                  batchNormalization: Bool = false) -> Sequential {
        var layers: [Layer] = [Flatten()]
        for width in hidden {
            layers.append(Dense(units: width))
            if batchNormalization { layers.append(BatchNormalization()) }
            layers.append(ReLU())
            if dropout > 0 { layers.append(Dropout(rate: Float(dropout))) }
        }
        layers.append(Dense(units: labelCount))
        return Sequential(layers)
    }

    /// Per filter count Conv2D (`same`) (+ BatchNormalization) + ReLU + 2×2 MaxPool2D,
    /// Flatten, per dense width (Dropout +) Dense (+ BatchNormalization) + ReLU, then Dense logits.
    public static func convolutional(filters: [Int], dense: [Int], dropout: Double, kernelSize: Int,
                                     labelCount: Int, batchNormalization: Bool = false) -> Sequential {
        var layers: [Layer] = []
        for count in filters {
            layers.append(Conv2D(filters: count, kernelSize: (kernelSize, kernelSize), padding: .same))
            if batchNormalization { layers.append(BatchNormalization()) }
            layers.append(ReLU())
            layers.append(MaxPool2D(poolSize: 2))
        }
        layers.append(Flatten())
        for width in dense {
            if dropout > 0 { layers.append(Dropout(rate: Float(dropout))) }
            layers.append(Dense(units: width))
            if batchNormalization { layers.append(BatchNormalization()) }
            layers.append(ReLU())
        }
        layers.append(Dense(units: labelCount))
        return Sequential(layers)
    }
}
