import XCTest
@testable import NeuralCore

/// Early stopping against Keras `EarlyStopping(monitor="val_loss", restore_best_weights=True)`
/// fed the fixture's val_loss sequences, and in the trainer: it stops where the monitor says
/// and leaves the best epoch's weights, bit for bit those of a run without it.
final class EarlyStoppingTests: XCTestCase {
    func testMonitorAgainstKeras() throws {
        let cases = try TrainingOptionsFixture.load().section("early_stopping")
        XCTAssertEqual(cases.count, 11, "fixture cases")
        for c in cases {
            let id = c.string("id")
            var monitor = EarlyStopping.Monitor(EarlyStopping(patience: c.int("patience"), minDelta: c.double("min_delta"),
                                                              baseline: c.optionalDouble("baseline")))
            var epochsRun = 0, stopped = false
            for (i, value) in c.doubles("val_loss").enumerated() {
                epochsRun = i + 1
                if monitor.observe(epoch: i + 1, value: value).stop { stopped = true; break }
            }
            XCTAssertEqual(epochsRun, c.int("epochs_run"), "\(id): epochs run")
            XCTAssertEqual(stopped, c["stopped"] as! Bool, "\(id): stopped")
            XCTAssertEqual(monitor.bestEpoch, c.int("restored_epoch"), "\(id): restored epoch")
        }
    }

    private func trainer(_ stopping: EarlyStopping?, epochs: Int) -> Trainer {
        Trainer(model: TrainerTests.mlp(), loss: .binaryCrossEntropy(), optimizer: Adam(learningRate: 0.03),
                configuration: TrainingConfiguration(epochs: epochs, batchSize: 8, seed: 3, earlyStopping: stopping))
    }

    func testTrainerStopsAndRestoresTheBestEpoch() throws {
        // 24 training rows and a wide net overfit within a few epochs.
        let data = TrainerTests.separableProblem(count: 24, seed: 5)
        let validation = TrainerTests.separableProblem(count: 128, seed: 6)
        let stopping = trainer(EarlyStopping(patience: 3), epochs: 60)
        let result = try stopping.fit(data, validation: validation)
        let report = try XCTUnwrap(result.earlyStopping)
        let stoppedAfter = try XCTUnwrap(report.stoppedAfterEpoch, "the run should overfit and stop")
        XCTAssertEqual(result.history.count, stoppedAfter)
        XCTAssertEqual(result.outcome, .completed(epochs: stoppedAfter, steps: stoppedAfter * 3))
        XCTAssertLessThan(report.bestEpoch, stoppedAfter)
        print("early stopping: best epoch \(report.bestEpoch), stopped after epoch \(stoppedAfter)")
        var monitor = EarlyStopping.Monitor(EarlyStopping(patience: 3))
        for r in result.history { _ = monitor.observe(epoch: r.epoch, value: r.validationLoss!) }
        XCTAssertEqual(monitor.bestEpoch, report.bestEpoch)
        XCTAssertEqual(report.bestValidationLoss, result.history[report.bestEpoch - 1].validationLoss)
        XCTAssertTrue(report.restoredBestWeights)

        // The same run without early stopping passes through the same weights.
        let plain = trainer(nil, epochs: stoppedAfter)
        var atBest: [[Float]] = []
        let full = try plain.fit(data, validation: validation, onEpochEnd: { record in
            if record.epoch == report.bestEpoch { atBest = plain.model.parameters.map(\.value.storage) }
        })
        XCTAssertNil(full.earlyStopping)
        XCTAssertEqual(full.history, result.history, "early stopping changes nothing before it stops")
        XCTAssertEqual(stopping.model.parameters.map { $0.value.storage.map(\.bitPattern) },
                       atBest.map { $0.map(\.bitPattern) }, "restored weights are the best epoch's")
        XCTAssertNotEqual(plain.model.parameters.map(\.value.storage), atBest, "the last epoch is not the best")
    }

    func testNeedsValidationData() {
        let data = TrainerTests.separableProblem(count: 24, seed: 5)
        XCTAssertThrowsError(try trainer(EarlyStopping(patience: 2), epochs: 3).fit(data)) { error in
            XCTAssertTrue("\(error)".contains("validation"), "\(error)")
        }
        XCTAssertThrowsError(try trainer(EarlyStopping(patience: -1), epochs: 3)
            .fit(data, validation: data))
    }
}
