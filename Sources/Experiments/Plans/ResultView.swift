import PortableJSON

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

extension ResultView {
    /// `table`, `label(ring)`: one word per view, for the page context and as the lesson spells a case.
    public var name: String {
        switch self {
        case .dataset: return "dataset"
        case .table: return "table"
        case .metrics: return "metrics"
        case .perLabel: return "perLabel"
        case .label(let label): return "label(\(label))"
        case .loss: return "loss"
        case .learningCurve: return "learningCurve"
        case .pr: return "pr"
        case .bars: return "bars"
        case .calibration: return "calibration"
        case .thresholds: return "thresholds"
        case .claimed: return "claimed"
        }
    }

    /// The view `name` spells; nil for none.
    public init?(name: String) {
        if name.hasPrefix("label("), name.hasSuffix(")") {
            self = .label(String(name.dropFirst(6).dropLast()))
            return
        }
        guard let view = ResultView.all.first(where: { $0.name == name }) else { return nil }
        self = view
    }
}

#if !hasFeature(Embedded)
extension ResultView: Codable {}
#endif

extension ResultView: DeclaredType {
    public static let typeName = "ResultView"
    static let label = ArgumentKey<String>(nil, name: "label", limits: Limits(minCount: 1, maxCount: 80), doc: "A label of the dataset.")

    public static let members = plain([
        (.dataset, "The dataset card (once per dataset on a page)."),
        (.table, "Headline table: macro-F1, micro-F1, mAP, recall of the rarest label."),
        (.claimed, "The metrics the claims after it read (else the rarest label's recall and precision), "
            + "one row per run, every seed a dot, the mean marked."),
        (.metrics, "Every metric of every run."),
        (.perLabel, "Precision, recall, F1, AP and ROC-AUC of every label."),
    ]) + [
        DeclaredMember("perLabel", [label.facts], doc: "Precision, recall, F1, AP and ROC-AUC of one label.") { a throws(JSONError) in
            .label(try a(label))
        }.stored(as: "label"),
    ] + plain([
        (.loss, "Training and validation loss per epoch, as two panels with their own y scales (the training "
            + "loss with the run's weights, the validation loss without sample weights)."),
        (.learningCurve, "Each run's training (solid) and validation (dashed) loss per epoch on one axis, so the "
            + "generalisation gap reads directly; says when one run's lines hide another's. Shown only when listed."),
        (.pr, "Precision–recall curves, one panel per label."),
        (.bars, "Recall and F1 per label as grouped bars."),
        (.calibration, "Reliability chart: observed frequency against predicted probability."),
        (.thresholds, "The decision threshold each run used, per label."),
    ])

    /// Cases written without parentheses, each named as Swift spells the case.
    private static func plain(_ cases: [(ResultView, String)]) -> [DeclaredMember<ResultView>] {
        cases.map { value, doc in .plain(value.name, value, doc: doc) }
    }

    static let description = APITypeDescription(
        declared: ResultView.self, doc: "One output of a `Compare`, for its `show:` list; outputs not listed are folded into \"More results\".")
}
