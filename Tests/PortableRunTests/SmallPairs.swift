import Experiments
import LessonKit

/// Small pairs shared by the tests: a CNN with balanced posWeight and tuned
/// thresholds, an MLP with SGD and a validation split, on 16-pixel Shapes.
enum SmallPairs {
    static let cnn = PairRequest(
        run: Run("cnn", model: CNN(filters: [4, 6], dense: [8], dropout: 0), loss: .binaryCrossEntropy(posWeight: .balanced(scale: 0.5)),
                 optimizer: .adam(learningRate: 0.003), epochs: 2, batchSize: 32, threshold: .tuned(maximizing: .f1), seed: 11),
        dataset: .shapes(Shapes(labels: ["circle", "square", "triangle"], prevalence: [0.5, 0.3, 0.2], together: ["triangle": "circle"],
                                size: 16, noise: 0.05, train: 96, validation: 24, test: 48, seed: 7)))
    static let mlp = PairRequest(
        run: Run("mlp", model: MLP(hidden: [12, 6], dropout: 0.1), sampleWeight: .rarestLabel,
                 optimizer: .sgd(learningRate: 0.05, momentum: 0.9), epochs: 2, batchSize: 16, outputBias: .prior, seed: 5),
        dataset: .shapes(Shapes(labels: ["circle", "square"], prevalence: [0.5, 0.25], size: 16, noise: 0.1,
                                train: 64, validation: 16, test: 32, seed: 3)))
    /// Every training option: label smoothing, a warmed-up cosine schedule, clipping, early stopping, BatchNorm.
    static let options = PairRequest(
        run: Run("options", model: MLP(hidden: [12], batchNorm: true), loss: .binaryCrossEntropy(labelSmoothing: 0.1),
                 epochs: 4, batchSize: 16, schedule: .cosine(epochs: 3, alpha: 0.1, warmupEpochs: 1), clipNorm: 0.5,
                 earlyStopping: EarlyStopping(patience: 1), seed: 4),
        dataset: mlp.dataset)
    /// The MLP measured on a noisier test set too (`Compare(alsoTestOn:)`).
    static let alsoTested = PairRequest(
        run: mlp.run, dataset: mlp.dataset,
        alsoTestOn: [("noisy", .shapes(Shapes(labels: ["circle", "square"], prevalence: [0.5, 0.25], size: 16, noise: 0.4,
                                              train: 8, validation: 0, test: 40, seed: 9)))])
    static let cnnOptions = PairRequest(
        run: Run("cnn options", model: CNN(filters: [4], dense: [6], batchNorm: true), epochs: 2, batchSize: 32,
                 schedule: .step(everyEpochs: 1, factor: 0.5), clipNorm: 1, seed: 2),
        dataset: cnn.dataset)
    /// The MLP pair with every augmentation: flips, a shift with zero fill, pixel noise.
    static let augmented = PairRequest(
        run: Run("mlp", model: MLP(hidden: [12, 6], dropout: 0.1), sampleWeight: .rarestLabel,
                 optimizer: .sgd(learningRate: 0.05, momentum: 0.9), epochs: 2, batchSize: 16, outputBias: .prior,
                 augmentation: Augmentation(flips: .both, shift: 2, noise: 0.05), seed: 5),
        dataset: mlp.dataset)
}
