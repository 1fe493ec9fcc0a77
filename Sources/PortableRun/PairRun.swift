import NeuralCore
import Datasets

/// What one trained pair gives back: every step's loss, the per-epoch losses, the test
/// probabilities [N × L] and a hash of the final weights (FNV-1a over their bits), so
/// two engines can be compared bit for bit.
public struct PairResult: Equatable, Sendable {
    public var stepLosses: [Double]
    public var epochLosses: [Double]
    public var testProbabilities: [Float]
    public var meanAveragePrecision: Double
    public var macroF1: Double
    public var weightsHash: UInt64
    public var diverged: Bool
}

/// Trains one pair from its configuration: the code the native tests and the
/// WebAssembly module both run.
public enum PairRun {
    public static func dataset(_ configuration: PairConfiguration) throws(PairConfigurationError) -> Dataset {
        do { return try configuration.shapes.generate().dataset } catch { throw PairConfigurationError(error.description) }
    }

    public static func train(_ c: PairConfiguration) throws(PairConfigurationError) -> PairResult {
        let data = try dataset(c)
        let labelCount = c.shapes.labels.count
        let model = c.isConvolutional
            ? Sequential.convolutional(filters: c.filters, dense: c.widths, dropout: c.dropout, kernelSize: c.kernelSize,
                                       labelCount: labelCount)
            : Sequential.perceptron(hidden: c.widths, dropout: c.dropout, labelCount: labelCount)
        var loss = LossFunction.binaryCrossEntropy()
        if let scale = c.balancedPosWeightScale {
            do {
                let weights = try PositiveWeighting.balanced.resolve(labels: data.train.labels, labelNames: data.labelNames)
                loss = .binaryCrossEntropy(posWeight: weights?.map { $0 * Float(scale) })
            } catch { throw PairConfigurationError(error.description) }
        }
        let optimizer: GradientOptimizer = c.usesSGD
            ? SGD(learningRate: Float(c.learningRate), momentum: Float(c.momentum))
            : Adam(learningRate: Float(c.learningRate))
        let configuration = TrainingConfiguration(epochs: c.epochs, batchSize: c.batchSize,
                                                  seed: UInt64(truncatingIfNeeded: c.seed), head: .sigmoid)
        let trainer = Trainer(model: model, loss: loss, optimizer: optimizer, configuration: configuration)
        var stepLosses: [Double] = []
        let training: TrainingResult
        do {
            training = try trainer.fit(LabeledTensors(images: data.train.images, labels: data.train.labels),
                                       onStep: { stepLosses.append($0.loss) })
        } catch { throw PairConfigurationError(error.description) }
        let test = Evaluation(model: model, data: LabeledTensors(images: data.test.images, labels: data.test.labels),
                              loss: loss, head: .sigmoid)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for parameter in model.parameters {
            for value in parameter.value.storage {
                var bits = value.bitPattern
                for _ in 0..<4 {
                    hash = (hash ^ UInt64(bits & 0xff)) &* 0x0000_0100_0000_01b3
                    bits >>= 8
                }
            }
        }
        return PairResult(stepLosses: stepLosses, epochLosses: training.history.map { $0.trainLoss },
                          testProbabilities: test.probabilities.storage,
                          meanAveragePrecision: test.summary.meanAveragePrecision, macroF1: test.summary.macroF1,
                          weightsHash: hash, diverged: training.outcome.diverged)
    }
}
