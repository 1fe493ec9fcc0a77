/// A number read from one epoch of a run's curves (`results["a"].validationLoss(atEpoch: 10)`):
/// the point of the loss chart at that epoch. Nil past the epochs the run trained (early
/// stopping or a divergence ended it sooner), so a claim on it fails and says why.
public struct EpochMetric: Sendable {
    /// The Swift method name; its one argument is `atEpoch:`.
    public let name: String
    /// Table and chart text, before "at epoch k".
    public let heading: String
    public let doc: String
    let read: @Sendable (EpochSummary) -> Double?

    init(_ name: String, heading: String, doc: String, read: @escaping @Sendable (EpochSummary) -> Double?) {
        self.name = name
        self.heading = heading
        self.doc = doc
        self.read = read
    }

    /// The value after `epoch` (1-based) of `history`; nil when training did not reach it.
    public func value(in history: [EpochSummary], atEpoch epoch: Int) -> Double? {
        guard epoch >= 1, epoch <= history.count else { return nil }
        return read(history[epoch - 1])
    }

    /// `validation loss at epoch 10`.
    public func title(atEpoch epoch: Int) -> String { "\(heading) at epoch \(epoch)" }
}

/// The per-epoch values, listed as the other catalogs list theirs.
public final class EpochMetricCatalog: Sendable {
    public let trainLoss = EpochMetric("trainLoss", heading: "training loss",
                                       doc: "The training loss of one epoch (the mean over its batches, as `finalLoss` is for the "
                                           + "last); `atEpoch:` is 1-based.") { $0.trainLoss }
    public let validationLoss = EpochMetric("validationLoss", heading: "validation loss",
                                            doc: "The validation loss after one epoch (`atEpoch:`, 1-based); with "
                                                + "`minValidationLoss` it shows where the curve turned.") { $0.validationLoss }

    public static let standard = EpochMetricCatalog()
    public static let all: [EpochMetric] = [standard.trainLoss, standard.validationLoss]
    public static func named(_ name: String) -> EpochMetric? { all.first { $0.name == name } }
}
