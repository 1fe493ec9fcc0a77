import XCTest
@testable import NeuralCore

/// scikit-learn metric families and the Keras class_weight conversion. Metrics compute in
/// Double from Float32 scores; tolerance 1e-9 (they are ratios of counts, so exact).
extension ReferenceTests {
    func checkMetricCase(_ c: ReferenceData.Case, _ ref: ReferenceData, _ ledger: CaseLedger) -> Bool {
        let family = String(c.id.split(separator: "/").first!)
        let expected = c.output.values
        func check(_ actual: [Double]) {
            assertClose(actual, expected, rtol: 1e-9, atol: { _ in 1e-12 }, c.id)
            ledger.cover(c.id)
        }
        if family == "keras.fit.class_weight_to_sample_weight" {
            let w = try! SampleWeighting.kerasClassWeight(ref.floats(c, "class_weight")!).weights(labels: ref.tensor(c, "labels")!)!
            check(w.map(Double.init))
            return true
        }
        guard let yTrue = ref.tensor(c, "y_true"), let yScore = ref.tensor(c, "y_score") else { return false }
        var yPred = Tensor.empty
        if let stored = ref.tensor(c, "y_pred") {
            // Our strict-threshold rule must reproduce the stored predictions.
            let thresholds = ref.floats(c, "threshold") ?? c.scalars["threshold"].map { [Float($0)] } ?? [0.5]
            yPred = OutputHead.threshold(yScore, thresholds: thresholds)
            XCTAssertEqual(yPred, stored, "\(c.id): thresholding differs from the stored y_pred")
        }
        let zd = Double(c.options["zero_division"] ?? "0") ?? 0
        let average = c.options["average"].flatMap { Metrics.Average(rawValue: $0) }
        switch family {
        case "sklearn.precision_score", "sklearn.recall_score", "sklearn.f1_score":
            let perLabel: (Tensor, Tensor, Double) -> [Double]
            let averaged: (Tensor, Tensor, Metrics.Average, Double) -> Double
            switch family {
            case "sklearn.precision_score": perLabel = { Metrics.precisionPerLabel(yTrue: $0, yPred: $1, zeroDivision: $2) }
                averaged = { Metrics.precision(yTrue: $0, yPred: $1, average: $2, zeroDivision: $3) }
            case "sklearn.recall_score": perLabel = { Metrics.recallPerLabel(yTrue: $0, yPred: $1, zeroDivision: $2) }
                averaged = { Metrics.recall(yTrue: $0, yPred: $1, average: $2, zeroDivision: $3) }
            default: perLabel = { Metrics.f1PerLabel(yTrue: $0, yPred: $1, zeroDivision: $2) }
                averaged = { Metrics.f1(yTrue: $0, yPred: $1, average: $2, zeroDivision: $3) }
            }
            if let a = average { check([averaged(yTrue, yPred, a, zd)]) } else { check(perLabel(yTrue, yPred, zd)) }
        case "sklearn.accuracy_score":
            check([Metrics.subsetAccuracy(yTrue: yTrue, yPred: yPred)])
        case "sklearn.hamming_loss":
            check([Metrics.hammingLoss(yTrue: yTrue, yPred: yPred)])
        case "sklearn.average_precision_score":
            if let a = average { check([Metrics.averagePrecision(yTrue: yTrue, yScore: yScore, average: a)]) }
            else { check(Metrics.averagePrecisionPerLabel(yTrue: yTrue, yScore: yScore)) }
        case "sklearn.roc_auc_score":
            let r = Metrics.rocAUC(yTrue: yTrue, yScore: yScore, average: average ?? .macro)
            if let skippedList = c.options["classes_skipped_single_label_value"] {
                let want = skippedList == "none" ? [] : skippedList.split(separator: ",").map { Int($0)! }
                XCTAssertEqual(r.skippedLabels, want, "\(c.id): skipped labels")
            }
            if average == nil { check(r.perLabel.compactMap { $0 }) } else { check([r.value ?? .nan]) }
        case "sklearn.label_ranking_average_precision_score":
            check([Metrics.labelRankingAveragePrecision(yTrue: yTrue, yScore: yScore)])
        case "sklearn.coverage_error":
            check([Metrics.coverageError(yTrue: yTrue, yScore: yScore)])
        default:
            return false
        }
        return true
    }
}
