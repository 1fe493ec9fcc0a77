/// A trained model's outputs and metrics on one data set: what result tables, curves and
/// expectations are drawn from.
public struct Evaluation: Sendable, Equatable {
    public var logits: Tensor
    public var probabilities: Tensor
    /// Multi-hot predictions from the thresholds (strict >) or top-k.
    public var predictions: Tensor
    /// The loss on this data (unweighted); nil if it is not finite, so results never hold NaN.
    public var loss: Double?
    public var summary: EvaluationSummary

    /// How probabilities become predictions.
    public enum Decision: Sendable, Equatable {
        /// One threshold for every label, or one per label.
        case thresholds([Float])
        /// The k most probable labels of each row.
        case topK(Int)
    }

    /// Runs `model` in inference mode over `data`.
    public init(model: Sequential, data: LabeledTensors, loss: LossFunction, head: OutputHead? = nil,
                decision: Decision = .thresholds([0.5]), batchSize: Int = 256) {
        logits = model.predictLogits(data.images, batchSize: batchSize)
        let head = head ?? loss.head
        probabilities = head.probabilities(logits)
        switch decision {
        case .thresholds(let t): predictions = OutputHead.threshold(probabilities, thresholds: t)
        case .topK(let k): predictions = OutputHead.topK(probabilities, k: k)
        }
        let value = loss.value(logits: logits, targets: data.labels)
        self.loss = value.isFinite ? value : nil
        summary = EvaluationSummary(yTrue: data.labels, scores: probabilities, predictions: predictions)
    }
}
