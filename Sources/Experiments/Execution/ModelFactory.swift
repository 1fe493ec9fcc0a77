import NeuralCore

/// Builds the NeuralCore network a `Model` spec describes. The last layer is a
/// `Dense` with one output per label and no activation: the model outputs logits.
enum ModelFactory {
    static func sequential(_ model: Model, labelCount: Int) -> Sequential {
        switch model {
        case .mlp(let mlp):
            return .perceptron(hidden: mlp.hidden, dropout: mlp.dropout, labelCount: labelCount,
                               batchNormalization: mlp.batchNorm == true)
        case .cnn(let cnn):
            return .convolutional(filters: cnn.filters, dense: cnn.dense, dropout: cnn.dropout,
                                  kernelSize: cnn.kernelSize, labelCount: labelCount, batchNormalization: cnn.batchNorm == true)
        case .prevalence:
            preconditionFailure("PrevalenceBaseline has no network; RunExecutor scores it with PrevalenceBaselineExecutor")
        }
    }
}
