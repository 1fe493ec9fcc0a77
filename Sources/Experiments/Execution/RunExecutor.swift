import NeuralCore

/// Trains one `Run` on a dataset with NeuralCore and measures it on the test split.
///
/// Everything random is seeded from the run's `seed` (weights, dropout, shuffles),
/// the dataset is only read, and nothing depends on time or thread: the same run on
/// the same data gives the same `RunResult` (timings aside) on any number of jobs.
/// Budgets are epochs, never wall-clock. A diverged or impossible run is a result,
/// not a crash.
public enum RunExecutor {
    /// Live progress from a training run (called on the training thread).
    public struct Observer: Sendable {
        public var started: @Sendable (_ epochs: Int) -> Void
        public var epochEnded: @Sendable (_ epoch: Int, _ epochs: Int, _ trainLoss: Double) -> Void
        /// After each optimizer step: epoch, share of the whole run done (0...1), the step's loss.
        public var stepEnded: (@Sendable (_ epoch: Int, _ done: Double, _ loss: Double) -> Void)?

        public init(started: @escaping @Sendable (Int) -> Void = { _ in },
                    epochEnded: @escaping @Sendable (Int, Int, Double) -> Void = { _, _, _ in },
                    stepEnded: (@Sendable (Int, Double, Double) -> Void)? = nil) {
            self.started = started
            self.epochEnded = epochEnded
            self.stepEnded = stepEnded
        }
    }

    /// NeuralCore's step progress as (epoch, share of the run done, loss).
    private static func stepReporter(_ report: @escaping @Sendable (Int, Double, Double) -> Void) -> (StepProgress) -> Void {
        { p in
            let epochsDone = Double(p.epoch - 1) + Double(p.stepInEpoch) / Double(max(1, p.stepsPerEpoch))
            report(p.epoch, epochsDone / Double(max(1, p.epochs)), p.loss)
        }
    }

    /// `alsoTestOn`: more test sets (only their test splits are read) the trained model is measured on.
    public static func execute(_ run: Run, on dataset: Dataset, alsoTestOn: [(name: String, dataset: Dataset)] = [],
                               observer: Observer = Observer(), clock: RunClock = .standard) -> RunResult {
        let labels = dataset.labelNames
        let trainStart = clock.seconds()
        func failed(_ message: String) -> RunResult {
            RunResult(name: run.name, labels: labels, history: [], outcome: .failed(message: message),
                      thresholds: nil, metrics: nil, timings: RunTimings(trainSeconds: 0, evaluateSeconds: 0))
        }
        // Labels only the data knows (class ids without names) are checked here; the lesson checked the rest.
        if let problem = run.labelProblems(labels).first { return failed(problem.message) }
        for other in alsoTestOn {
            let theirs = other.dataset.test.images.shape.dropFirst(), ours = dataset.test.images.shape.dropFirst()
            if other.dataset.labelNames != labels || theirs != ours {
                return failed("test set '\(other.name)' has \(other.dataset.labelNames.count) labels of images "
                              + "\(theirs.map(String.init).joined(separator: "×")); the model takes \(labels.count) labels of "
                              + "\(ours.map(String.init).joined(separator: "×"))")
            }
        }
        if case .prevalence = run.model { return PrevalenceBaselineExecutor.execute(run, on: dataset, clock: clock) }
        let train = dataset.train
        let loss: LossFunction
        let sampleWeights: [Float]?
        do throws(WeightingError) {
            loss = try run.loss.lossFunction(trainLabels: train.labels, labelNames: labels)
            sampleWeights = try run.sampleWeight.weights(trainLabels: train.labels, labelNames: labels)
        } catch {
            return failed(error.description)
        }
        let head = run.head.outputHead
        let model = ModelFactory.sequential(run.model, labelCount: labels.count)
        let configuration = TrainingConfiguration(
            epochs: run.epochs, batchSize: run.batchSize, seed: UInt64(truncatingIfNeeded: run.seed),
            outputBias: run.outputBias == .prior ? .prior : .zero, head: head,
            learningRateSchedule: run.schedule?.learningRateSchedule,
            gradientClipping: run.clipNorm.map { GradientClipping(maxNorm: $0) }, earlyStopping: run.earlyStopping?.rule,
            augmentation: run.augmentation?.rule)
        let trainer = Trainer(model: model, loss: loss, optimizer: run.optimizer.gradientOptimizer,
                              configuration: configuration)
        let validation = dataset.validation.count > 0
            ? LabeledTensors(images: dataset.validation.images, labels: dataset.validation.labels) : nil
        observer.started(run.epochs)
        let training: TrainingResult
        do throws(TrainingError) {
            training = try trainer.fit(LabeledTensors(images: train.images, labels: train.labels),
                                       sampleWeight: sampleWeights, validation: validation,
                                       onStep: observer.stepEnded.map(Self.stepReporter),
                                       onEpochEnd: { observer.epochEnded($0.epoch, run.epochs, $0.trainLoss) })
        } catch {
            return failed(error.description)
        }
        let history = training.history.map {
            EpochSummary(epoch: $0.epoch, trainLoss: $0.trainLoss, validationLoss: $0.validationLoss)
        }
        let trainSeconds = clock.seconds() - trainStart
        if case let .diverged(epoch, step, message) = training.outcome {
            return RunResult(name: run.name, labels: labels, history: history,
                             outcome: .diverged(epoch: epoch, step: step, hint: message),
                             thresholds: nil, metrics: nil, timings: RunTimings(trainSeconds: trainSeconds, evaluateSeconds: 0))
        }

        let evaluateStart = clock.seconds()
        let shift = run.logitShift?.offsets(loss: loss, labelCount: labels.count)
        func probabilitiesOf(_ images: Tensor) -> Tensor {
            head.probabilities(LogitShift.apply(shift, to: model.predictLogits(images)))
        }
        let probabilities = probabilitiesOf(dataset.test.images)
        let onTest = run.threshold.tunesOnTestSplit
        let thresholds = ThresholdSelection.thresholds(
            run.threshold, labelCount: labels.count,
            validationTruth: onTest ? dataset.test.labels : validation?.labels,
            validationProbabilities: onTest ? probabilities : validation.map { probabilitiesOf($0.images) })
        let predictions = ThresholdSelection.predictions(run.threshold, probabilities: probabilities, thresholds: thresholds)
        var steps = 0
        if case let .completed(_, s) = training.outcome { steps = s }
        let trainProbabilities = probabilitiesOf(train.images)
        let onTrain = TrainSplit(truth: train.labels, probabilities: trainProbabilities,
                                 predictions: ThresholdSelection.predictions(run.threshold, probabilities: trainProbabilities,
                                                                             thresholds: thresholds))
        let metrics = TestEvaluation.metrics(truth: dataset.test.labels, probabilities: probabilities,
                                             predictions: predictions, labels: labels, history: history, steps: steps,
                                             train: onTrain)
        // The same model, thresholds and shift on each other test split (a shape the model cannot take is refused first).
        let others = alsoTestOn.map { other -> OtherTest in
            let p = probabilitiesOf(other.dataset.test.images)
            return OtherTest(name: other.name, metrics: TestEvaluation.metrics(
                truth: other.dataset.test.labels, probabilities: p,
                predictions: ThresholdSelection.predictions(run.threshold, probabilities: p, thresholds: thresholds),
                labels: labels, history: history, steps: steps, train: onTrain))
        }
        var result = RunResult(name: run.name, labels: labels, history: history, outcome: .completed,
                               thresholds: thresholds, metrics: metrics,
                               timings: RunTimings(trainSeconds: trainSeconds, evaluateSeconds: clock.seconds() - evaluateStart))
        result.alsoTested = others.isEmpty ? nil : others
        return result
    }
}
