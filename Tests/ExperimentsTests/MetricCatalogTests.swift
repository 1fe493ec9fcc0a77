import Foundation
import NeuralCore
import XCTest
@testable import Experiments

/// The catalogs are the one description of the metrics: their Swift member
/// names, `expect` names, JSON fields and aggregate keys must be the same.
final class MetricCatalogTests: XCTestCase {
    func testEachMetricIsNamedForItsSwiftMember() {
        let run = Mirror(reflecting: MetricCatalog.standard).children.map { $0.label ?? "" }
        XCTAssertEqual(run, MetricCatalog.names)
        let label = Mirror(reflecting: LabelMetricCatalog.standard).children.map { $0.label ?? "" }
        XCTAssertEqual(label, LabelMetricCatalog.names)
        XCTAssertTrue(Set(MetricCatalog.names).isDisjoint(with: LabelMetricCatalog.names))
        XCTAssertEqual(Set(MetricCatalog.names + LabelMetricCatalog.names).count, MetricCatalog.names.count + LabelMetricCatalog.names.count)
    }

    func testExpectMembersAreTheCatalogs() {
        XCTAssertEqual(ReportMetric.all.map(\.name), ["diverged", "finalLoss", "trainSeconds"] + MetricCatalog.names
                       + LabelMetricCatalog.names + EpochMetricCatalog.all.map(\.name))
        XCTAssertEqual(ReportMetric.all.filter(\.takesLabel).map(\.name), LabelMetricCatalog.names)
        XCTAssertEqual(ReportMetric.all.filter(\.takesEpoch).map(\.name), ["trainLoss", "validationLoss"])
        XCTAssertEqual(ReportMetric.names.filter { $0 == "validationLoss" }.count, 1, "listed once in messages")
        XCTAssertEqual(RunAggregate.metricNames, MetricCatalog.names + ["finalLoss"])
    }

    /// Every metric is measured, stored under its name, read back by member and
    /// by name alike, and survives the JSON round trip field for field.
    func testMeasuredValuesAreStoredUnderTheirNamesAndRoundTrip() throws {
        let truth = Tensor(shape: [4, 2], storage: [1, 0, 0, 1, 1, 1, 0, 0])
        let scores = Tensor(shape: [4, 2], storage: [0.8, 0.3, 0.4, 0.9, 0.7, 0.6, 0.2, 0.1])
        let predictions = Tensor(shape: [4, 2], storage: [1, 0, 0, 1, 1, 1, 0, 0])
        let history = [EpochSummary(epoch: 1, trainLoss: 0.7, validationLoss: 0.6),
                       EpochSummary(epoch: 2, trainLoss: 0.5, validationLoss: 0.55),
                       EpochSummary(epoch: 3, trainLoss: 0.4, validationLoss: 0.58),
                       EpochSummary(epoch: 4, trainLoss: 0.3, validationLoss: 0.55)]
        // The training split: the second label's scores ranked the other way round.
        let trainScores = Tensor(shape: [4, 2], storage: [0.8, 0.6, 0.4, 0.1, 0.7, 0.3, 0.2, 0.9])
        let trainPredictions = Tensor(shape: [4, 2], storage: trainScores.storage.map { $0 > 0.5 ? 1 : 0 })
        let m = TestEvaluation.metrics(truth: truth, probabilities: scores, predictions: predictions, labels: ["a", "b"],
                                       history: history, steps: 12,
                                       train: TrainSplit(truth: truth, probabilities: trainScores, predictions: trainPredictions))
        let onTrain = EvaluationSummary(yTrue: truth, scores: trainScores, predictions: trainPredictions)
        XCTAssertEqual(m.values["trainMacroF1"], onTrain.macroF1)
        XCTAssertEqual(m.values["trainMeanAveragePrecision"], onTrain.meanAveragePrecision)
        XCTAssertEqual(m.perLabel[1].values["trainRecall"], onTrain.recall[1])
        XCTAssertEqual(m.perLabel[1].values["trainAveragePrecision"], onTrain.averagePrecision[1])
        XCTAssertNotEqual(m.values["trainMacroF1"], m.macroF1, "measured on other images")
        XCTAssertEqual(Set(m.values.keys), Set(MetricCatalog.names))
        // How training went: the last and the lowest validation loss, where it was lowest (the first on a tie), the steps.
        XCTAssertEqual(m.values["validationLoss"], 0.55)
        XCTAssertEqual(m.values["minValidationLoss"], 0.55)
        XCTAssertEqual(m.values["bestEpoch"], 2)
        XCTAssertEqual(m.values["trainingSteps"], 12)
        // Without a validation split (or training) they are undefined, not zero.
        let untrained = TestEvaluation.metrics(truth: truth, probabilities: scores, predictions: predictions, labels: ["a", "b"],
                                               history: [EpochSummary(epoch: 1, trainLoss: 0.7, validationLoss: nil)], steps: 3)
        XCTAssertNil(untrained.values["validationLoss"])
        XCTAssertNil(untrained.values["bestEpoch"])
        XCTAssertEqual(untrained.values["trainingSteps"], 3)
        XCTAssertNil(TestEvaluation.metrics(truth: truth, probabilities: scores, predictions: predictions, labels: ["a", "b"])
            .values["trainingSteps"])
        let summary = EvaluationSummary(yTrue: truth, scores: scores, predictions: predictions)
        XCTAssertEqual(m.macroF1, summary.macroF1)
        XCTAssertEqual(m.values["hammingLoss"], summary.hammingLoss)
        XCTAssertEqual(m.perLabel[1].averagePrecision, summary.averagePrecision[1])
        XCTAssertEqual(Set(m.perLabel[0].values.keys), Set(LabelMetricCatalog.names))

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try JSONSerialization.jsonObject(with: encoder.encode(m)) as? [String: Any]
        XCTAssertEqual(Set(json?.keys.map { $0 } ?? []),
                       Set(MetricCatalog.names + ["perLabel", "precisionRecallCurves", "reliability", "testCount"]))
        XCTAssertEqual(json?["macroF1"] as? Double, m.macroF1)
        let back = try JSONDecoder().decode(TestMetrics.self, from: encoder.encode(m))
        XCTAssertEqual(back, m)

        let result = RunResult(name: "r", labels: ["a", "b"], history: [], outcome: .completed, thresholds: nil, metrics: m,
                               timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        for metric in MetricCatalog.all {
            XCTAssertEqual(ReportMetric.named(metric.name)?.read(result, nil), result.value(of: metric))
        }
        // Claims read members by name without `any RunReport` (portable): the same numbers, bit for bit.
        let diverged = RunResult(name: "d", labels: ["a", "b"], history: [EpochSummary(epoch: 1, trainLoss: 0.5, validationLoss: nil)],
                                 outcome: .diverged(epoch: 1, step: 3, hint: "lower the learning rate"), thresholds: nil,
                                 metrics: nil, timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        for report in [result, diverged] {
            // `validationLoss` is a property (the catalog's, which a claim without `atEpoch:` reads)
            // and, with `atEpoch:`, a method: the method's entry is read through `.epochMetric`.
            for member in ReportMetric.all where !(member.takesEpoch && MetricCatalog.named(member.name) != nil) {
                for label in member.takesLabel ? ["a", "b", "missing"] : [nil] {
                    let expected = member.read(report, label), got = report.member(member.name, label: label)
                    XCTAssertEqual(got.bitPattern, expected.bitPattern, "\(member.name)(\(label ?? ""))")
                }
            }
        }
        XCTAssertTrue(result.member("noSuchMember", label: nil).isNaN)
        XCTAssertEqual(result.recall("b"), summary.recall[1])
        XCTAssertEqual(SweepMetric(\.recall, label: "b").read(result), summary.recall[1])
        XCTAssertEqual(SweepMetric(\.recall, label: "b").title, "recall (b)")
        XCTAssertEqual(SweepMetric(\.meanAveragePrecision).title, "mAP")
    }
}
