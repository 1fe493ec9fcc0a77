/// How a `Trainer` runs: the loop's knobs, all explicit so a run is reproducible from them.
public struct TrainingConfiguration: Sendable, Equatable {
    /// Initial value of the last Dense layer's bias.
    public enum OutputBias: String, Sendable, Equatable {
        /// Leave the initialiser's zeros.
        case zero
        /// The label prior: log(p/(1−p)) per label for a sigmoid head, log p for a softmax
        /// head, p = training prevalence clamped to [1e-4, 1 − 1e-4] so it stays finite.
        case prior
    }

    public var epochs: Int
    public var batchSize: Int
    /// Seeds the per-epoch shuffles (and the model's initialisation when the trainer builds it).
    public var seed: UInt64
    /// Stop after this many optimizer steps in total (a partial last epoch is recorded).
    public var maxSteps: Int?
    /// When no validation data is given, hold out this fraction of the training data
    /// (the last rows, before any shuffling, as Keras' `validation_split`).
    public var validationSplit: Double
    public var outputBias: OutputBias
    /// The head used for validation probabilities and predictions; nil means the loss's head.
    public var head: OutputHead?
    /// Probability threshold for validation predictions (strict >).
    public var threshold: Float
    /// Shuffle the training rows each epoch.
    public var shuffle: Bool
    /// A step loss above this counts as divergence, like NaN or ∞ (Adam's bounded steps can
    /// blow logits up to ~1e14 without ever producing a non-finite loss).
    public var divergenceThreshold: Double
    /// Sets the optimizer's rate before every step (nil: the optimizer's own rate throughout).
    public var learningRateSchedule: LearningRateSchedule?
    /// Clips the gradients by their global norm before every step (nil: no clipping).
    public var gradientClipping: GradientClipping?
    /// Stops on a validation loss that no longer improves (nil: every epoch runs).
    public var earlyStopping: EarlyStopping?
    /// Seeded flips, shifts and noise on every training batch (nil: the images as given).
    public var augmentation: Augmentation?

    public init(epochs: Int, batchSize: Int = 64, seed: UInt64 = 0, maxSteps: Int? = nil,
                validationSplit: Double = 0, outputBias: OutputBias = .zero, head: OutputHead? = nil,
                threshold: Float = 0.5, shuffle: Bool = true, divergenceThreshold: Double = 1e6,
                learningRateSchedule: LearningRateSchedule? = nil, gradientClipping: GradientClipping? = nil,
                earlyStopping: EarlyStopping? = nil, augmentation: Augmentation? = nil) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.seed = seed
        self.maxSteps = maxSteps
        self.validationSplit = validationSplit
        self.outputBias = outputBias
        self.head = head
        self.threshold = threshold
        self.shuffle = shuffle
        self.divergenceThreshold = divergenceThreshold
        self.learningRateSchedule = learningRateSchedule
        self.gradientClipping = gradientClipping
        self.earlyStopping = earlyStopping
        self.augmentation = augmentation
    }
}

/// Images [N, H, W, C] (or any [N, …]) with multi-hot labels [N, L].
public struct LabeledTensors: Sendable, Equatable {
    public var images: Tensor
    public var labels: Tensor

    public init(images: Tensor, labels: Tensor) {
        precondition(images.batchSize == labels.batchSize, "images and labels disagree on N: \(images.shape) vs \(labels.shape)")
        self.images = images
        self.labels = labels
    }

    public var count: Int { images.batchSize }
}

/// Problems found before training starts (bad shapes, impossible settings).
public struct TrainingError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
