import NeuralCore

/// Scores a `PrevalenceBaseline` run: the training split's per-label prevalence for
/// every image, then the same thresholds and test metrics as a trained run. There is
/// no training, so the history is empty and the run never diverges.
enum PrevalenceBaselineExecutor {
    static func execute(_ run: Run, on dataset: Dataset, clock: RunClock) -> RunResult {
        let start = clock.seconds()
        let labels = dataset.labelNames
        let prevalence = LabelStatistics(dataset.train.labels).prevalence.map(Float.init)
        let tuning = run.threshold.tunesOnTestSplit ? dataset.test : dataset.validation
        let thresholds = ThresholdSelection.thresholds(
            run.threshold, labelCount: labels.count, validationTruth: tuning.count > 0 ? tuning.labels : nil,
            validationProbabilities: constantScores(prevalence, count: tuning.count))
        let probabilities = constantScores(prevalence, count: dataset.test.count)
        let predictions = ThresholdSelection.predictions(run.threshold, probabilities: probabilities, thresholds: thresholds)
        let metrics = TestEvaluation.metrics(truth: dataset.test.labels, probabilities: probabilities,
                                             predictions: predictions, labels: labels)
        return RunResult(name: run.name, labels: labels, history: [], outcome: .completed,
                         thresholds: thresholds, metrics: metrics,
                         timings: RunTimings(trainSeconds: 0, evaluateSeconds: clock.seconds() - start))
    }

    /// `count` rows, each the per-label scores `row`.
    static func constantScores(_ row: [Float], count: Int) -> Tensor {
        Tensor(shape: [count, row.count], storage: (0..<count).flatMap { _ in row })
    }
}
