/// What an `expect` block may ask of a finished run. The runner's result type
/// conforms; metrics are on the test split, scikit-learn definitions.
public protocol RunReport: Sendable {
    /// True when training stopped on a NaN/∞ loss.
    var diverged: Bool { get }
    /// Last epoch's training loss (never NaN).
    var finalLoss: Double { get }
    var macroF1: Double { get }
    var microF1: Double { get }
    var samplesF1: Double { get }
    /// Share of images whose predicted label set equals the true one (`accuracy_score`).
    var subsetAccuracy: Double { get }
    var hammingLoss: Double { get }
    /// Macro average of per-label average precision.
    var meanAveragePrecision: Double { get }
    /// Macro ROC-AUC over the labels with both values in the test split (NaN when none has).
    var macroROCAUC: Double { get }
    /// Micro recall on test images with ≥ 2 true labels.
    var multiLabelRecall: Double { get }
    /// Subset accuracy on test images with ≥ 2 true labels.
    var multiLabelSubsetAccuracy: Double { get }
    var expectedCalibrationError: Double { get }
    func precision(_ label: String) -> Double
    func recall(_ label: String) -> Double
    func f1(_ label: String) -> Double
    func averagePrecision(_ label: String) -> Double
    /// ROC-AUC of one label (NaN when the test split holds one value of it).
    func rocAUC(_ label: String) -> Double
}
