/// Everything one finished run produced: what the cache stores, `results.json`
/// publishes and the page draws. Plain data, no references to models or tensors,
/// so it is cheap to cache and stable to serialise.
public struct RunResult: Hashable, Sendable {
    /// The run's name in the lesson (`results["name"]`).
    public var name: String
    /// Label names in model-output order.
    public var labels: [String]
    /// One record per finished epoch (a diverged run stops early).
    public var history: [EpochSummary]
    public var outcome: RunOutcome
    /// Per-label decision threshold actually used on the test split (`.topK` runs: none).
    public var thresholds: [Double]?
    /// Test-split metrics; nil when the run diverged (there is nothing honest to measure).
    public var metrics: TestMetrics?
    /// Wall-clock seconds: the one field that varies between identical runs.
    public var timings: RunTimings
    /// The same model measured on other test sets (`Compare(alsoTestOn:)`), by name; nil without any.
    public var alsoTested: [OtherTest]? = nil

    public init(name: String, labels: [String], history: [EpochSummary], outcome: RunOutcome,
                thresholds: [Double]?, metrics: TestMetrics?, timings: RunTimings) {
        self.name = name
        self.labels = labels
        self.history = history
        self.outcome = outcome
        self.thresholds = thresholds
        self.metrics = metrics
        self.timings = timings
    }

    /// This result with zeroed timings: for comparing runs whose wall clock differs.
    public var withoutTimings: RunResult {
        var copy = self
        copy.timings = RunTimings(trainSeconds: 0, evaluateSeconds: 0)
        return copy
    }

    /// This result as measured on the test set `name` (`results["a", on: "noisy"]`): its metrics
    /// replaced by that test set's (none when it was not measured there).
    public func on(_ name: String) -> RunResult {
        var copy = self
        copy.metrics = alsoTested?.first { $0.name == name }?.metrics
        copy.alsoTested = nil
        return copy
    }

    /// The metrics of `label`, if the run finished and has that label.
    public func labelMetrics(_ label: String) -> LabelMetrics? {
        metrics?.perLabel.first { $0.label == label }
    }
}

/// A trained model's metrics on one more test set, named as the lesson named it.
public struct OtherTest: Hashable, Sendable {
    public var name: String
    public var metrics: TestMetrics

    public init(name: String, metrics: TestMetrics) {
        self.name = name
        self.metrics = metrics
    }
}

/// Training and evaluation wall-clock time of a run.
public struct RunTimings: Hashable, Sendable {
    public var trainSeconds: Double
    public var evaluateSeconds: Double

    public init(trainSeconds: Double, evaluateSeconds: Double) {
        self.trainSeconds = trainSeconds
        self.evaluateSeconds = evaluateSeconds
    }
}

/// Losses of one epoch.
public struct EpochSummary: Hashable, Sendable {
    /// 1-based.
    public var epoch: Int
    /// Mean training loss over the epoch's batches (as Keras reports it).
    public var trainLoss: Double
    /// Loss on the validation split after the epoch; nil without a validation split.
    public var validationLoss: Double?

    public init(epoch: Int, trainLoss: Double, validationLoss: Double?) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
    }
}

/// How training ended.
public enum RunOutcome: Hashable, Sendable {
    case completed
    /// The loss became NaN or infinite at `epoch` (1-based), `step` (1-based within
    /// the epoch); `hint` says what to try.
    case diverged(epoch: Int, step: Int, hint: String)
    /// Training could not start (e.g. a balanced weight for a label with no positives).
    case failed(message: String)

    public var isDiverged: Bool {
        if case .diverged = self { return true }
        return false
    }

    public var isCompleted: Bool { self == .completed }
}

#if !hasFeature(Embedded)
extension RunResult: Codable {}
extension RunTimings: Codable {}
extension OtherTest: Codable {}
extension EpochSummary: Codable {}
extension RunOutcome: Codable {}
#endif
