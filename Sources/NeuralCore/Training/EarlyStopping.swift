/// Early stopping on the validation loss with Keras' semantics
/// (`EarlyStopping(monitor="val_loss", mode="min", patience:, min_delta:, baseline:,
/// restore_best_weights:)`, Keras 3):
/// - an epoch improves when loss + minDelta < best loss so far, compared in Float32 as
///   Keras does; a tie is no improvement, so among equal losses the first epoch stays best;
/// - every epoch counts one towards `patience`; an improvement resets the count, unless a
///   `baseline` is set and the loss + minDelta is not below it;
/// - training stops after the first epoch whose count reaches `patience` without improving
///   (never after the first epoch);
/// - with `restoreBestWeights`, the weights of the best epoch are put back when training
///   ends, whether it stopped early or ran every epoch (Keras 3).
public struct EarlyStopping: Sendable, Equatable {
    public var patience: Int
    public var minDelta: Double
    public var baseline: Double?
    public var restoreBestWeights: Bool

    public init(patience: Int, minDelta: Double = 0, baseline: Double? = nil, restoreBestWeights: Bool = true) {
        self.patience = patience
        self.minDelta = minDelta
        self.baseline = baseline
        self.restoreBestWeights = restoreBestWeights
    }

    /// The running decision, fed one validation loss per epoch.
    public struct Monitor: Sendable, Equatable {
        public let rule: EarlyStopping
        public private(set) var best: Double?
        /// 1-based epoch of `best`.
        public private(set) var bestEpoch = 0
        public private(set) var wait = 0

        public init(_ rule: EarlyStopping) { self.rule = rule }

        private func improves(_ value: Double, on reference: Double?) -> Bool {
            guard let reference else { return true }
            return Float(value + abs(rule.minDelta)) < Float(reference)
        }

        /// Records epoch `epoch` (1-based) with validation loss `value`; returns whether it is
        /// the new best and whether training should stop after it.
        public mutating func observe(epoch: Int, value: Double) -> (improved: Bool, stop: Bool) {
            wait += 1
            if improves(value, on: best) {
                best = value
                bestEpoch = epoch
                if rule.baseline == nil || improves(value, on: rule.baseline) { wait = 0 }
                return (true, false)
            }
            return (false, wait >= rule.patience && epoch > 1)
        }
    }

    func validate() throws(TrainingError) {
        guard patience >= 0 else { throw TrainingError("early stopping patience must be at least 0") }
        guard minDelta.isFinite else { throw TrainingError("early stopping minDelta must be finite") }
    }
}

/// What early stopping did in a run.
public struct EarlyStoppingReport: Sendable, Equatable {
    /// The epoch after which training stopped, or nil if it ran every epoch.
    public var stoppedAfterEpoch: Int?
    /// The epoch with the lowest validation loss (by the rule above).
    public var bestEpoch: Int
    public var bestValidationLoss: Double
    /// Whether the model now holds `bestEpoch`'s weights.
    public var restoredBestWeights: Bool
}

extension EarlyStopping {
    /// Copies of every parameter's value and every layer's state (the weights to restore).
    static func snapshot(_ model: Sequential) -> [Tensor] { (model.parameters + model.state).map { $0.value } }

    static func restore(_ weights: [Tensor], into model: Sequential) {
        for (p, w) in zip(model.parameters + model.state, weights) { p.value = w }
    }
}

/// Early stopping during one `fit`: the monitor and the best epoch's weights.
struct EarlyStoppingRun {
    var monitor: EarlyStopping.Monitor
    var bestWeights: [Tensor]? = nil
    var stoppedAfter: Int? = nil

    init(_ rule: EarlyStopping) { monitor = EarlyStopping.Monitor(rule) }

    /// Called after each epoch's validation; returns whether to stop.
    mutating func epochEnded(_ record: EpochRecord, model: Sequential) -> Bool {
        guard let value = record.validationLoss else { return false }
        let (improved, stop) = monitor.observe(epoch: record.epoch, value: value)
        if improved && monitor.rule.restoreBestWeights { bestWeights = EarlyStopping.snapshot(model) }
        if stop { stoppedAfter = record.epoch }
        return stop
    }

    /// Restores the best weights (when asked) at the end of training and reports.
    func finish(_ model: Sequential) -> EarlyStoppingReport? {
        guard let best = monitor.best else { return nil }
        if let bestWeights { EarlyStopping.restore(bestWeights, into: model) }
        return EarlyStoppingReport(stoppedAfterEpoch: stoppedAfter, bestEpoch: monitor.bestEpoch,
                                   bestValidationLoss: best, restoredBestWeights: bestWeights != nil)
    }
}
