import NeuralCore

/// Turns the lesson-level loss, weighting and optimizer specs into NeuralCore
/// objects, resolving data-dependent weights (`.balanced`, `.rarestLabel`, ...)
/// on the training labels only — never on validation or test data.
enum TrainingSetup {
    static func loss(_ loss: Loss, trainLabels: Tensor, labelNames: [String]) throws -> LossFunction {
        switch loss {
        case .binaryCrossEntropy(let posWeight):
            return .binaryCrossEntropy(posWeight: try resolve(posWeight, trainLabels: trainLabels, labelNames: labelNames))
        case .softmaxCrossEntropy(let classWeight):
            return .softmaxCrossEntropy(classWeight: try resolve(classWeight, trainLabels: trainLabels, labelNames: labelNames))
        case .sparseSoftmaxCrossEntropy(let classWeight):
            return .sparseSoftmaxCrossEntropy(classWeight: try resolve(classWeight, trainLabels: trainLabels, labelNames: labelNames))
        case .focal(let alpha, let gamma):
            return .sigmoidFocal(alpha: alpha.map(Float.init), gamma: Float(gamma))
        }
    }

    static func resolve(_ weight: PosWeight, trainLabels: Tensor, labelNames: [String]) throws -> [Float]? {
        switch weight {
        case .none: return nil
        case .balanced: return try PositiveWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)
        case .scaledBalanced(let scale):
            return try PositiveWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)?.map { $0 * Float(scale) }
        case .fixed(let values): return try PositiveWeighting.fixed(values.map(Float.init)).resolve(labels: trainLabels)
        }
    }

    /// scikit-learn "balanced": samples / (classes × positives of the class), NeuralCore's tested formula.
    static func resolve(_ weight: ClassWeight, trainLabels: Tensor, labelNames: [String]) throws -> [Float]? {
        switch weight {
        case .none: return nil
        case .fixed(let values): return values.map(Float.init)
        case .balanced: return try ClassWeighting.balanced.resolve(labels: trainLabels, labelNames: labelNames)
        }
    }

    static func sampleWeights(_ weight: SampleWeight, trainLabels: Tensor, labelNames: [String]) throws -> [Float]? {
        let weighting: SampleWeighting
        switch weight {
        case .none: weighting = .none
        case .rarestLabel: weighting = .rarestLabel
        case .inverseFrequency: weighting = .inverseFrequency
        case .kerasClassWeight(let values): weighting = .kerasClassWeight(values.map(Float.init))
        }
        return try weighting.weights(labels: trainLabels, labelNames: labelNames)
    }

    static func optimizer(_ optimizer: Optimizer) -> GradientOptimizer {
        switch optimizer {
        case let .adam(lr, b1, b2, eps):
            return Adam(learningRate: Float(lr), beta1: Float(b1), beta2: Float(b2), epsilon: Float(eps))
        case let .adamW(lr, wd, b1, b2, eps):
            return Adam.adamW(learningRate: Float(lr), beta1: Float(b1), beta2: Float(b2), epsilon: Float(eps), weightDecay: Float(wd))
        case let .sgd(lr, momentum, nesterov, wd):
            return SGD(learningRate: Float(lr), momentum: Float(momentum), nesterov: nesterov, weightDecay: Float(wd))
        }
    }

    static func head(_ head: Head) -> OutputHead {
        switch head {
        case .sigmoid: return .sigmoid
        case .softmax: return .softmax
        }
    }
}
