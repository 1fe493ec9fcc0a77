/// One kind of output a `Compare` shows after its block (`show:`): the author
/// picks what the lesson is about; everything else is folded into "More results".
/// Each case is documented once, by its member in `description` below.
public enum ResultView: Hashable, Sendable {
    case dataset, table, metrics, perLabel
    case label(String)
    case loss, learningCurve, pr, bars, calibration, thresholds
    /// The metrics the section's claims read (else the rarest label's recall and precision), every seed a dot.
    case claimed

    /// Precision, recall, F1, AP and ROC-AUC of one label: `.perLabel("ring")`.
    public static func perLabel(_ label: String) -> ResultView { .label(label) }

    /// What a comparison shows when the lesson does not say.
    public static let defaults: [ResultView] = [.dataset, .table, .claimed, .loss, .pr]

    /// Every view, in page order.
    public static let all: [ResultView] = [.dataset, .table, .claimed, .metrics, .perLabel, .thresholds, .loss, .learningCurve, .pr,
                                           .bars, .calibration]
    /// What "More results" draws from: every view but the learning curve, whose numbers the loss chart has.
    public static let foldable = all.filter { $0 != .learningCurve }
}

#if !hasFeature(Embedded)
// The lesson vocabulary (native only: the results renderer uses the cases in WebAssembly too).
extension ResultView: Codable {}

extension ResultView {
    static let description = APITypeDescription(
        of: ResultView.self, doc: "One output of a `Compare`, for its `show:` list; "
            + "outputs not listed are folded into \"More results\".", members: APIMember.plain([
            (ResultView.dataset, "The dataset card (once per dataset on a page)."),
            (ResultView.table, "Headline table: macro-F1, micro-F1, mAP, recall of the rarest label."),
            (ResultView.claimed, "The metrics the claims after it read (else the rarest label's recall and precision), "
                + "one row per run, every seed a dot, the mean marked."),
            (ResultView.metrics, "Every metric of every run."),
            (ResultView.perLabel, "Precision, recall, F1, AP and ROC-AUC of every label."),
        ]) + [
            APIMember("perLabel", [APIArgument(nil, name: "label", .string, limits: Limits(minCount: 1, maxCount: 80),
                                               doc: "A label of the dataset.")],
                      doc: "Precision, recall, F1, AP and ROC-AUC of one label.") { .label($0.string("label")) as ResultView },
        ] + APIMember.plain([
            (ResultView.loss, "Training and validation loss per epoch, as two panels with their own y scales (the training "
                + "loss with the run's weights, the validation loss without sample weights)."),
            (ResultView.learningCurve, "Each run's training (solid) and validation (dashed) loss per epoch on one axis, so the "
                + "generalisation gap reads directly; says when one run's lines hide another's. Shown only when listed."),
            (ResultView.pr, "Precision–recall curves, one panel per label."),
            (ResultView.bars, "Recall and F1 per label as grouped bars."),
            (ResultView.calibration, "Reliability chart: observed frequency against predicted probability."),
            (ResultView.thresholds, "The decision threshold each run used, per label."),
        ]))
}
#endif
