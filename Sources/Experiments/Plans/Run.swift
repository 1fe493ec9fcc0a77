/// One training run: a model, its head and loss, the weighting, the optimizer
/// and the budget. Canonical and Codable: the runner hashes it (with the
/// dataset) for its cache key, so every field the result depends on is here.
public struct Run: Codable, Hashable, Sendable {
    /// Unique within a lesson; `results["name"]` refers to it.
    public var name: String
    public var model: Model
    public var head: Head
    public var loss: Loss
    public var sampleWeight: SampleWeight
    public var optimizer: Optimizer
    /// Passes over the training split.
    public var epochs: Int
    public var batchSize: Int
    public var threshold: Threshold
    public var outputBias: OutputBias
    /// Seeds weight initialisation, dropout and the per-epoch shuffle.
    public var seed: Int

    public init(_ name: String,
                model: any ModelSpecification = MLP(),
                head: Head = .sigmoid,
                loss: Loss = .binaryCrossEntropy(),
                sampleWeight: SampleWeight = .none,
                optimizer: Optimizer = .adam(),
                epochs: Int = 10,
                batchSize: Int = 32,
                threshold: Threshold = .fixed(0.5),
                outputBias: OutputBias = .zero,
                seed: Int = 0) {
        self.name = name
        self.model = model.model
        self.head = head
        self.loss = loss
        self.sampleWeight = sampleWeight
        self.optimizer = optimizer
        self.epochs = epochs
        self.batchSize = batchSize
        self.threshold = threshold
        self.outputBias = outputBias
        self.seed = seed
    }
}
