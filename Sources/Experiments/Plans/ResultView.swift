/// One kind of output a `Compare` shows after its block (`show:`): the author
/// picks what the lesson is about; everything else is folded into "More results".
public enum ResultView: Codable, Hashable, Sendable {
    /// The dataset card (shown once per dataset on a page).
    case dataset
    /// The headline table: macro-F1, micro-F1, mAP and the rarest label's recall.
    case table
    /// Every metric of every run, one column each.
    case metrics
    /// Precision, recall, F1 and AP of every label.
    case perLabel
    /// The same for one label (written `.perLabel("ring")`).
    case label(String)
    /// Loss per epoch (training and validation).
    case loss
    /// Precision–recall curves, one panel per label.
    case pr
    /// Recall and F1 per label as grouped bars.
    case bars
    /// The reliability (calibration) chart.
    case calibration
    /// The decision threshold each run used, per label.
    case thresholds

    /// Precision, recall, F1 and AP of one label: `.perLabel("ring")`.
    public static func perLabel(_ label: String) -> ResultView { .label(label) }

    /// What a comparison shows when the lesson does not say.
    public static let defaults: [ResultView] = [.dataset, .table, .loss, .pr]

    /// Every view, in page order: what "More results" draws from.
    public static let all: [ResultView] = [.dataset, .table, .metrics, .perLabel, .thresholds, .loss, .pr, .bars, .calibration]
}
