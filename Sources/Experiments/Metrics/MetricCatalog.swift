import NeuralCore

/// Every metric a run is measured by, one property each, in the order the
/// reference page, `results.json` aggregates and diffs list them. Adding a
/// metric is adding a property here: `expect` (`results["run"].name`), the
/// reference page, aggregates over seeds, `results.json` and `lessons export`
/// (the property is the Swift member, through `RunReport`'s dynamic member
/// lookup) pick it up. A cached result measured before the metric existed is
/// measured again (see `MetricCatalog.names`), so no version needs bumping.
public final class MetricCatalog: Sendable {
    public let macroF1 = Metric("macroF1", heading: "macro-F1",
                                doc: "Unweighted mean of per-label F1 (`f1_score(average=\"macro\")`).") { $0.summary.macroF1 }
    public let microF1 = Metric("microF1", heading: "micro-F1",
                                doc: "F1 of all label decisions pooled (`average=\"micro\"`).") { $0.summary.microF1 }
    public let samplesF1 = Metric("samplesF1", heading: "samples-F1",
                                  doc: "Mean F1 per image (`average=\"samples\"`).") { $0.summary.samplesF1 }
    public let subsetAccuracy = Metric("subsetAccuracy", heading: "subset accuracy",
                                       doc: "Share of images whose predicted label set is exactly right.") { $0.summary.subsetAccuracy }
    public let hammingLoss = Metric("hammingLoss", heading: "Hamming loss", higherIsBetter: false,
                                    doc: "Share of wrong label decisions.") { $0.summary.hammingLoss }
    public let meanAveragePrecision = Metric("meanAveragePrecision", heading: "mAP",
                                             doc: "Mean of per-label average precision (threshold-free).") {
        $0.summary.meanAveragePrecision
    }
    public let macroROCAUC = Metric("macroROCAUC", heading: "macro ROC-AUC",
                                    doc: "Mean of per-label ROC-AUC (`roc_auc_score(average=\"macro\")`, threshold-free).") {
        $0.summary.rocAUC
    }
    public let labelRankingAveragePrecision = Metric(
        "labelRankingAveragePrecision", heading: "LRAP",
        doc: "Per image, how well its true labels rank above the others, averaged (`label_ranking_average_precision_score`; "
            + "threshold-free).") { $0.summary.labelRankingAveragePrecision }
    public let multiLabelRecall = Metric("multiLabelRecall", heading: "recall on ≥2-label images",
                                         doc: "Micro recall on test images with ≥ 2 true labels.") { $0.multiLabel.recall }
    public let multiLabelSubsetAccuracy = Metric("multiLabelSubsetAccuracy", heading: "subset accuracy on ≥2-label images",
                                                 doc: "Subset accuracy on test images with ≥ 2 true labels.") {
        $0.multiLabel.subsetAccuracy
    }
    public let expectedCalibrationError = Metric("expectedCalibrationError", heading: "calibration error (ECE)",
                                                 higherIsBetter: false,
                                                 doc: "Expected calibration error of the predicted probabilities.") {
        Metrics.expectedCalibrationError($0.reliabilityBins)
    }
    public let validationLoss = Metric("validationLoss", heading: "validation loss", higherIsBetter: false,
                                       doc: "Loss on the validation split after the last epoch (the training loss's "
                                           + "formula and weights; undefined without a validation split).") {
        $0.history.last?.validationLoss
    }
    public let minValidationLoss = Metric("minValidationLoss", heading: "lowest validation loss", higherIsBetter: false,
                                          doc: "The lowest validation loss over the epochs: with `validationLoss`, "
                                              + "how far training went past its best point.") {
        $0.history.compactMap { $0.validationLoss }.min()
    }
    public let bestEpoch = Metric("bestEpoch", heading: "best epoch", ranked: false,
                                  doc: "The epoch (1-based) with the lowest validation loss, the first on a tie: "
                                      + "where early stopping would have stopped.") { m in
        let losses = m.history.compactMap { e in e.validationLoss.map { (e.epoch, $0) } }
        return losses.min { $0.1 < $1.1 }.map { Double($0.0) }
    }
    public let trainMacroF1 = Metric("trainMacroF1", heading: "macro-F1 on training images",
                                     doc: "macro-F1 of the same model and thresholds on the images it was trained on: "
                                         + "far above the test macro-F1 means it memorised them.") { $0.trainSummary?.macroF1 }
    public let trainMeanAveragePrecision = Metric("trainMeanAveragePrecision", heading: "mAP on training images",
                                                  doc: "mAP on the images the model was trained on.") {
        $0.trainSummary?.meanAveragePrecision
    }
    public let trainingSteps = Metric("trainingSteps", heading: "training steps", ranked: false,
                                      doc: "Optimizer steps taken (epochs × batches per epoch; fewer if training diverged).") {
        $0.history.isEmpty ? nil : Double($0.steps)
    }

    public static let standard = MetricCatalog()
    /// The metrics in declaration order (listed, since Embedded Swift has no `Mirror`;
    /// a test checks the list against the declarations).
    public static let all: [Metric] = {
        let s = standard
        return [s.macroF1, s.microF1, s.samplesF1, s.subsetAccuracy, s.hammingLoss, s.meanAveragePrecision, s.macroROCAUC,
                s.labelRankingAveragePrecision, s.multiLabelRecall, s.multiLabelSubsetAccuracy, s.expectedCalibrationError,
                s.validationLoss, s.minValidationLoss, s.bestEpoch, s.trainMacroF1, s.trainMeanAveragePrecision, s.trainingSteps]
    }()
    /// Their names: what a cached result must have been measured with to be used.
    public static let names: [String] = all.map { $0.name }
    public static func named(_ name: String) -> Metric? { all.first { $0.name == name } }
}

/// Every metric measured per label, one property each, in reference-page order.
/// Adding one is adding a property here, as for `MetricCatalog`.
public final class LabelMetricCatalog: Sendable {
    public let precision = LabelMetric("precision", heading: "precision", doc: "Precision of one label.") {
        $0.summary.precision[$1]
    }
    public let recall = LabelMetric("recall", heading: "recall", doc: "Recall of one label.") { $0.summary.recall[$1] }
    public let f1 = LabelMetric("f1", heading: "F1", doc: "F1 of one label.") { $0.summary.f1[$1] }
    public let averagePrecision = LabelMetric("averagePrecision", heading: "AP",
                                              doc: "Average precision of one label (`average_precision_score`).") {
        $0.summary.averagePrecision[$1]
    }
    public let rocAUC = LabelMetric("rocAUC", heading: "ROC-AUC",
                                    doc: "ROC-AUC of one label (`roc_auc_score`; threshold-free).") {
        $0.summary.rocAUCPerLabel[$1]
    }
    public let trainPrecision = LabelMetric("trainPrecision", heading: "precision on training images",
                                            doc: "Precision of one label on the images the model was trained on.") {
        $0.trainSummary?.precision[$1]
    }
    public let trainRecall = LabelMetric("trainRecall", heading: "recall on training images",
                                         doc: "Recall of one label on the images the model was trained on.") {
        $0.trainSummary?.recall[$1]
    }
    public let trainAveragePrecision = LabelMetric("trainAveragePrecision", heading: "AP on training images",
                                                   doc: "Average precision of one label on the images the model was trained on.") {
        $0.trainSummary?.averagePrecision[$1]
    }

    public static let standard = LabelMetricCatalog()
    /// The metrics in declaration order (listed, as `MetricCatalog.all` is).
    public static let all: [LabelMetric] = {
        let s = standard
        return [s.precision, s.recall, s.f1, s.averagePrecision, s.rocAUC, s.trainPrecision, s.trainRecall, s.trainAveragePrecision]
    }()
    public static let names: [String] = all.map { $0.name }
    public static func named(_ name: String) -> LabelMetric? { all.first { $0.name == name } }
}
