/// The `RunReport` members an `expect` block may use, described once for the
/// evaluator's checks and the reference page.
public struct ReportMetric: Sendable {
    public var name: String
    public var doc: String
    /// True for `recall("ring")`-style members that take a label.
    public var takesLabel: Bool
    /// True for `diverged`, the one Boolean member.
    public var isBool: Bool
    /// Reads the member (Booleans as 0/1).
    public var read: @Sendable (any RunReport, String?) -> Double

    public init(_ name: String, doc: String, takesLabel: Bool = false, isBool: Bool = false,
                read: @escaping @Sendable (any RunReport, String?) -> Double) {
        self.name = name
        self.doc = doc
        self.takesLabel = takesLabel
        self.isBool = isBool
        self.read = read
    }

    public static let all: [ReportMetric] = [
        ReportMetric("diverged", doc: "True when training stopped on a NaN/∞ loss.", isBool: true) { r, _ in r.diverged ? 1 : 0 },
        ReportMetric("finalLoss", doc: "The last epoch's training loss.") { r, _ in r.finalLoss },
        ReportMetric("macroF1", doc: "Unweighted mean of per-label F1 (`f1_score(average=\"macro\")`).") { r, _ in r.macroF1 },
        ReportMetric("microF1", doc: "F1 of all label decisions pooled (`average=\"micro\"`).") { r, _ in r.microF1 },
        ReportMetric("samplesF1", doc: "Mean F1 per image (`average=\"samples\"`).") { r, _ in r.samplesF1 },
        ReportMetric("subsetAccuracy", doc: "Share of images whose predicted label set is exactly right.") { r, _ in r.subsetAccuracy },
        ReportMetric("hammingLoss", doc: "Share of wrong label decisions.") { r, _ in r.hammingLoss },
        ReportMetric("meanAveragePrecision", doc: "Mean of per-label average precision (threshold-free).") { r, _ in
            r.meanAveragePrecision
        },
        ReportMetric("macroROCAUC", doc: "Mean of per-label ROC-AUC (`roc_auc_score(average=\"macro\")`, threshold-free).") { r, _ in
            r.macroROCAUC
        },
        ReportMetric("multiLabelRecall", doc: "Micro recall on test images with ≥ 2 true labels.") { r, _ in r.multiLabelRecall },
        ReportMetric("multiLabelSubsetAccuracy", doc: "Subset accuracy on test images with ≥ 2 true labels.") { r, _ in
            r.multiLabelSubsetAccuracy
        },
        ReportMetric("expectedCalibrationError", doc: "Expected calibration error of the predicted probabilities.") { r, _ in
            r.expectedCalibrationError
        },
        ReportMetric("precision", doc: "Precision of one label.", takesLabel: true) { r, l in r.precision(l ?? "") },
        ReportMetric("recall", doc: "Recall of one label.", takesLabel: true) { r, l in r.recall(l ?? "") },
        ReportMetric("f1", doc: "F1 of one label.", takesLabel: true) { r, l in r.f1(l ?? "") },
        ReportMetric("averagePrecision", doc: "Average precision of one label (`average_precision_score`).", takesLabel: true) { r, l in
            r.averagePrecision(l ?? "")
        },
        ReportMetric("rocAUC", doc: "ROC-AUC of one label (`roc_auc_score`; threshold-free).", takesLabel: true) { r, l in
            r.rocAUC(l ?? "")
        },
    ]

    public static func named(_ name: String) -> ReportMetric? { all.first { $0.name == name } }
}
