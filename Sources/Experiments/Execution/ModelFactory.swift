import NeuralCore

/// Builds the NeuralCore network a `Model` spec describes. The last layer is a
/// `Dense` with one output per label and no activation: the model outputs logits.
enum ModelFactory {
    static func sequential(_ model: Model, labelCount: Int) -> Sequential {
        var layers: [Layer] = []
        switch model {
        case .mlp(let mlp):
            layers.append(Flatten())
            for width in mlp.hidden {
                layers.append(Dense(units: width))
                layers.append(ReLU())
                if mlp.dropout > 0 { layers.append(Dropout(rate: Float(mlp.dropout))) }
            }
        case .cnn(let cnn):
            for filters in cnn.filters {
                layers.append(Conv2D(filters: filters, kernelSize: (cnn.kernelSize, cnn.kernelSize), padding: .same))
                layers.append(ReLU())
                layers.append(MaxPool2D(poolSize: 2))
            }
            layers.append(Flatten())
            for width in cnn.dense {
                if cnn.dropout > 0 { layers.append(Dropout(rate: Float(cnn.dropout))) }
                layers.append(Dense(units: width))
                layers.append(ReLU())
            }
        case .prevalence:
            preconditionFailure("PrevalenceBaseline has no network; RunExecutor scores it with PrevalenceBaselineExecutor")
        }
        layers.append(Dense(units: labelCount))
        return Sequential(layers)
    }
}
