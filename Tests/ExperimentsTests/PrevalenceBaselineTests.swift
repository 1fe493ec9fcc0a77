import XCTest
import NeuralCore
@testable import Experiments

/// The constant-score baseline against what scikit-learn gives a `DummyClassifier(strategy="prior")`:
/// every score ties, so a label's average precision is its test prevalence and its ROC-AUC is 0.5.
final class PrevalenceBaselineTests: XCTestCase {
    /// Images are irrelevant to the baseline; only the label matrices matter.
    private func split(_ rows: [[Float]]) -> LabeledImages {
        LabeledImages(images: Tensor(shape: [rows.count, 2, 2, 1], storage: [Float](repeating: 0.5, count: rows.count * 4)),
                      labels: Tensor(shape: [rows.count, rows[0].count], storage: rows.flatMap { $0 }))
    }

    /// Train prevalence: a 3/4, b 1/4, c 1/8; test prevalence: a 2/5, b 1/5, c 1/5.
    private let dataset = Dataset(
        labelNames: ["a", "b", "c"],
        train: LabeledImages(
            images: Tensor(shape: [8, 2, 2, 1], storage: [Float](repeating: 0, count: 32)),
            labels: Tensor(shape: [8, 3], storage: [1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0,
                                                    1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])),
        validation: LabeledImages(images: Tensor(shape: [0, 2, 2, 1], storage: []), labels: Tensor(shape: [0, 3], storage: [])),
        test: LabeledImages(
            images: Tensor(shape: [5, 2, 2, 1], storage: [Float](repeating: 1, count: 20)),
            labels: Tensor(shape: [5, 3], storage: [1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])))

    /// Labels only the data knows (class ids without names) meet the run's per-label
    /// settings here: a failed run, never a stopped process.
    func testPerLabelSettingsThatMissTheDatasLabelsFailTheRun() throws {
        for model in [Model.prevalence(PrevalenceBaseline()), .mlp(MLP(hidden: [2]))] {
            let result = RunExecutor.execute(Run("t", model: model, threshold: .perLabel([0.5, 0.5])), on: dataset)
            XCTAssertEqual(result.outcome, .failed(message: "perLabel has 2 entries but the dataset has 3 labels (a, b, c)"))
        }
    }

    func testScoresAreTheTrainingPrevalenceAndTrainNothing() throws {
        let result = RunExecutor.execute(Run("baseline", model: PrevalenceBaseline(), threshold: .fixed(0.5)), on: dataset)
        XCTAssertEqual(result.outcome, .completed)
        XCTAssertTrue(result.history.isEmpty, "nothing is trained")
        let m = try XCTUnwrap(result.metrics)
        let testPrevalence = [2.0 / 5, 1.0 / 5, 1.0 / 5]
        for (label, p) in zip(m.perLabel, testPrevalence) {
            // sklearn: one tied threshold group → AP = precision at recall 1 = prevalence.
            XCTAssertEqual(try XCTUnwrap(label.averagePrecision), p, accuracy: 1e-12, label.label)
            XCTAssertEqual(try XCTUnwrap(label.rocAUC), 0.5, accuracy: 1e-12, label.label)
        }
        XCTAssertEqual(m.macroROCAUC, 0.5, accuracy: 1e-12)
        XCTAssertEqual(m.meanAveragePrecision, testPrevalence.reduce(0, +) / 3, accuracy: 1e-12)
        // Label a (train prevalence 0.75 > 0.5) is predicted for every image; b and c never.
        XCTAssertEqual(m.perLabel[0].recall, 1)
        XCTAssertEqual(try XCTUnwrap(m.perLabel[0].precision), 2.0 / 5, accuracy: 1e-12)
        XCTAssertEqual(m.perLabel[1].f1, 0)
        XCTAssertEqual(m.perLabel[2].f1, 0)
        // Hamming loss: a is wrong on its 3 negatives, b and c on their positives: 5 of 15 cells.
        XCTAssertEqual(m.hammingLoss, 5.0 / 15, accuracy: 1e-12)
    }

    func testALowerThresholdPredictsEveryLabelAboveIt() throws {
        let result = RunExecutor.execute(Run("baseline", model: PrevalenceBaseline(), threshold: .fixed(0.2)), on: dataset)
        let m = try XCTUnwrap(result.metrics)
        XCTAssertEqual(m.perLabel.map(\.recall), [1, 1, 0], "0.75 and 0.25 pass 0.2, 0.125 does not")
        XCTAssertEqual(try XCTUnwrap(m.perLabel[1].precision), 1.0 / 5, accuracy: 1e-12)
        XCTAssertEqual(result.thresholds, [0.2, 0.2, 0.2])
    }

    func testTheLessonLanguageDescribesIt() {
        let type = APICatalog.standard.type(named: "PrevalenceBaseline")
        XCTAssertEqual(type?.conformsTo, ["ModelSpecification"])
        XCTAssertEqual(Run("b", model: PrevalenceBaseline()).model, .prevalence(PrevalenceBaseline()))
    }
}
