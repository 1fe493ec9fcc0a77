/// One line of training history.
public struct EpochRecord: Sendable, Equatable {
    /// 1-based epoch number.
    public var epoch: Int
    /// GradientOptimizer steps taken so far in the run.
    public var step: Int
    /// Mean of the step losses of this epoch.
    public var trainLoss: Double
    public var validationLoss: Double?
    public var validation: EvaluationSummary?
}

/// Per-step progress for live lines.
public struct StepProgress: Sendable, Equatable {
    public var epoch: Int, epochs: Int
    public var stepInEpoch: Int, stepsPerEpoch: Int
    public var step: Int
    public var loss: Double
}

/// How a run ended. A diverged run is a result, not a crash.
public enum TrainingOutcome: Sendable, Equatable {
    case completed(epochs: Int, steps: Int)
    /// The loss became NaN/∞ (or exceeded the divergence threshold) at this epoch and run
    /// step (both 1-based). The model's weights are unusable; `message` suggests a fix.
    case diverged(epoch: Int, step: Int, message: String)

    public var diverged: Bool { if case .diverged = self { return true } else { return false } }
}

public struct TrainingResult: Sendable, Equatable {
    /// Completed epochs only; every number in it is finite.
    public var history: [EpochRecord]
    public var outcome: TrainingOutcome
    public var steps: Int
    /// What early stopping did, when the configuration asked for it.
    public var earlyStopping: EarlyStoppingReport? = nil
    /// Train loss of the last recorded epoch (nil if none completed).
    public var finalLoss: Double? { history.last?.trainLoss }
}
