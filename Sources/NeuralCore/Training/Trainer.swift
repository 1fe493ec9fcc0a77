import PortableMath
import SIMDKernels

/// Mini-batch training of a `Sequential` on logits with a `LossFunction` and a `GradientOptimizer`.
///
/// Deterministic: the epoch permutations come from `SeededRNG(seed)`, the batch buffers
/// and the loss gradient are reused across steps, and nothing depends on timing.
public final class Trainer {
    public let model: Sequential
    public let loss: LossFunction
    public let optimizer: GradientOptimizer
    public let configuration: TrainingConfiguration
    /// When set, every training step is timed phase by phase into it.
    public var profile: StepProfile? {
        didSet { model.profile = profile }
    }
    /// How each run chooses between the kernel threads and one thread (see
    /// `ThreadChoice`); tests set a schedule.
    var threadChoice: () -> ThreadChoice = { ThreadChoice(enabled: GEMMPath.threads > 1) }
    /// Steps of the last run taken on one thread because its own step times
    /// showed one faster than the kernel threads (`ThreadChoice`; its one-window
    /// comparisons not counted). Timing, so kept out of the deterministic result.
    public private(set) var lastRunStepsAlone = 0

    public init(model: Sequential, loss: LossFunction, optimizer: GradientOptimizer, configuration: TrainingConfiguration) {
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.configuration = configuration
    }

    /// Trains on `training`; validates on `validation` (or on a `validationSplit` hold-out)
    /// after every epoch. `sampleWeight` has one weight per training row.
    /// Throws `TrainingError` only for invalid inputs, before any step; divergence is
    /// reported in the result's `outcome`.
    public func fit(_ training: LabeledTensors, sampleWeight: [Float]? = nil, validation: LabeledTensors? = nil,
                    onStep: ((StepProgress) -> Void)? = nil,
                    onEpochEnd: ((EpochRecord) -> Void)? = nil) throws(TrainingError) -> TrainingResult {
        let config = configuration
        guard config.epochs > 0 || config.maxSteps != nil else { throw TrainingError("epochs must be at least 1") }
        guard config.batchSize > 0 else { throw TrainingError("batchSize must be at least 1") }
        guard training.labels.rank == 2 else { throw TrainingError("labels must be [N, L], got \(training.labels.shape)") }
        if let w = sampleWeight, w.count != training.count {
            throw TrainingError("sampleWeight has \(w.count) values for \(training.count) samples")
        }
        if let w = sampleWeight, !w.allSatisfy({ $0.isFinite && $0 >= 0 }) {
            throw TrainingError("sample weights must be finite and ≥ 0")
        }
        var train = training, weights = sampleWeight, heldOut = validation
        if heldOut == nil, config.validationSplit > 0 {
            guard config.validationSplit < 1 else { throw TrainingError("validationSplit must be below 1") }
            let nVal = Int((Double(training.count) * config.validationSplit).rounded(.down))
            let nTrain = training.count - nVal
            if nVal > 0 {
                heldOut = LabeledTensors(images: training.images.items(nTrain..<training.count),
                                         labels: training.labels.items(nTrain..<training.count))
                train = LabeledTensors(images: training.images.items(0..<nTrain), labels: training.labels.items(0..<nTrain))
                weights = sampleWeight.map { Array($0[0..<nTrain]) }
            }
        }
        guard train.count > 0 else { throw TrainingError("no training samples") }
        let sampleShape = Array(train.images.shape.dropFirst())
        if !model.isBuilt { model.build(inputShape: sampleShape, seed: config.seed) }
        guard model.inputShape == sampleShape else {
            throw TrainingError("model was built for inputs \(model.inputShape ?? []) but the images are \(sampleShape)")
        }
        if let v = heldOut, Array(v.images.shape.dropFirst()) != sampleShape || v.labels.shape.last != train.labels.shape[1] {
            throw TrainingError("validation data \(v.images.shape)/\(v.labels.shape) does not match the training data")
        }
        try loss.validate(classes: train.labels.shape[1])
        try config.validateOptions(hasValidation: heldOut != nil, imageRank: train.images.rank)
        guard model.outputShape == [train.labels.shape[1]] else {
            throw TrainingError("model outputs \(model.outputShape ?? []) values per sample but there are \(train.labels.shape[1]) labels")
        }
        if config.outputBias == .prior { try initialiseOutputBias(labels: train.labels) }
        return run(train, weights: weights, validation: heldOut, onStep: onStep, onEpochEnd: onEpochEnd)
    }

    /// `fit` with images [N, H, W, C] and multi-hot labels [N, L] passed separately.
    public func fit(images: Tensor, labels: Tensor, sampleWeight: [Float]? = nil, validation: LabeledTensors? = nil,
                    onStep: ((StepProgress) -> Void)? = nil,
                    onEpochEnd: ((EpochRecord) -> Void)? = nil) throws(TrainingError) -> TrainingResult {
        guard images.batchSize == labels.batchSize else {
            throw TrainingError("\(images.batchSize) images but \(labels.batchSize) label rows")
        }
        return try fit(LabeledTensors(images: images, labels: labels), sampleWeight: sampleWeight, validation: validation,
                       onStep: onStep, onEpochEnd: onEpochEnd)
    }

    private func run(_ train: LabeledTensors, weights: [Float]?, validation: LabeledTensors?,
                     onStep: ((StepProgress) -> Void)?, onEpochEnd: ((EpochRecord) -> Void)?) -> TrainingResult {
        let config = configuration, n = train.count
        let stepsPerEpoch = (n + config.batchSize - 1) / config.batchSize
        let epochs = config.maxSteps.map { max(config.epochs, ($0 + stepsPerEpoch - 1) / stepsPerEpoch) } ?? config.epochs
        let parameters = model.parameters
        var rng = SeededRNG(seed: config.seed)
        var xb = Tensor.empty, yb = Tensor.empty, grad = Tensor.empty
        var wb: [Float] = []
        var history: [EpochRecord] = []
        var step = 0
        let prefetch = BatchPrefetch(source: train)
        defer { prefetch.finish() }
        // An MLP's first layer reads the batch's images where they lie: only the labels are gathered.
        let inPlace = config.augmentation == nil && model.inPlaceBatchReader != nil
        let schedule = config.learningRateSchedule?.inSteps(stepsPerEpoch: stepsPerEpoch)
        let baseRate = optimizer.learningRate
        defer { optimizer.learningRate = baseRate }
        var stopping = config.earlyStopping.map(EarlyStoppingRun.init)
        var threads = threadChoice()
        lastRunStepsAlone = 0
        var augmentationRNG = SeededRNG(seed: config.seed).derived(0x6175_676D)   // "augm"
        for epoch in 1...max(epochs, 1) {
            let order = config.shuffle ? rng.permutation(n) : Array(0..<n)
            var lossSum = 0.0, batches = 0
            func batch(_ s: Int) -> ArraySlice<Int> { order[(s * config.batchSize)..<min(n, (s + 1) * config.batchSize)] }
            for s in 0..<stepsPerEpoch {
                if let limit = config.maxSteps, step >= limit { break }
                let idx = batch(s)
                timed("gather batch") {
                    if inPlace {
                        train.labels.gatherItems(idx, into: &yb)
                    } else if !prefetch.take(step: step + 1, images: &xb, labels: &yb) {
                        train.images.gatherItems(idx, into: &xb)
                        train.labels.gatherItems(idx, into: &yb)
                    }
                }
                if let augmentation = config.augmentation { augmentation.apply(to: &xb, rng: &augmentationRNG) }
                if let w = weights { wb.removeAll(keepingCapacity: true); for i in idx { wb.append(w[i]) } }
                step += 1
                if let schedule { optimizer.learningRate = schedule.rate(base: baseRate, step: step - 1) }
                let next = s + 1 < stepsPerEpoch && !inPlace ? batch(s + 1) : nil
                let started = threads.enabled ? monotonicNanoseconds() : 0
                if threads.mode == .alone && !threads.comparing { lastRunStepsAlone += 1 }
                let value = WorkerPool.shared.run(alone: threads.mode == .alone) {
                    trainStep(inPlace ? .rows(idx, of: train.images) : .batch(xb), yb,
                              weights: weights == nil ? nil : wb, gradient: &grad) {
                        // The forward pass is done: gather the next batch while the loss runs.
                        if let next { prefetch.start(next, step: step + 1) }
                    }
                }
                if threads.enabled { threads.record(nanoseconds: monotonicNanoseconds() - started) }
                if let why = timed("divergence check", { divergence(value, parameters) }) {
                    let message = "training diverged at epoch \(epoch), step \(step): \(why); "
                        + "try a smaller learning rate (now \(optimizer.learningRate))"
                    return TrainingResult(history: history, outcome: .diverged(epoch: epoch, step: step, message: message),
                                          steps: step)
                }
                lossSum += value; batches += 1
                onStep?(StepProgress(epoch: epoch, epochs: epochs, stepInEpoch: s + 1, stepsPerEpoch: stepsPerEpoch,
                                     step: step, loss: value))
            }
            prefetch.finish()
            guard batches > 0 else { break }
            var record = EpochRecord(epoch: epoch, step: step, trainLoss: lossSum / Double(batches),
                                     validationLoss: nil, validation: nil)
            if let v = validation, v.count > 0 {
                let e = Evaluation(model: model, data: v, loss: loss, head: head, decision: .thresholds([config.threshold]))
                record.validationLoss = e.loss
                record.validation = e.summary
            }
            history.append(record)
            onEpochEnd?(record)
            if stopping?.epochEnded(record, model: model) == true { break }
            if let limit = config.maxSteps, step >= limit { break }
        }
        return TrainingResult(history: history, outcome: .completed(epochs: history.count, steps: step), steps: step,
                              earlyStopping: stopping?.finish(model))
    }

    /// The head for validation predictions and the bias prior.
    private var head: OutputHead { configuration.head ?? loss.head }

    /// Why this step counts as divergence, or nil.
    private func divergence(_ loss: Double, _ parameters: [Parameter]) -> String? {
        if loss.isNaN { return "the loss became NaN" }
        if !loss.isFinite { return "the loss became infinite" }
        if loss > configuration.divergenceThreshold {
            return "the loss reached \(loss), above \(configuration.divergenceThreshold)"
        }
        let weightsFinite = optimizer.lastStepWeightsFinite ?? parameters.allSatisfy({ $0.value.isFinite })
        if !weightsFinite { return "the weights overflowed" }
        return nil
    }

    /// A step's images: a gathered batch, or rows of the data set read in place.
    private enum StepInput {
        case batch(Tensor)
        case rows(ArraySlice<Int>, of: Tensor)
    }

    /// Forward, loss, backward and update on one batch; returns the batch loss.
    private func trainStep(_ x: StepInput, _ y: Tensor, weights: [Float]?, gradient: inout Tensor,
                           afterForward: () -> Void) -> Double {
        let logits: Tensor
        switch x {
        case .batch(let images): logits = model.forward(images, training: true)
        case .rows(let rows, let data): logits = model.forward(rows: rows, of: data)
        }
        afterForward()
        let value = timed("loss") {
            loss.valueAndGradient(logits: logits, targets: y, sampleWeight: weights, gradient: &gradient)
        }
        guard value.isFinite else { return value }
        // A class cast, not `as? SliceStepping`: Embedded Swift casts to classes only. Clipping
        // needs every gradient before any step, so it takes the unfused path.
        if configuration.gradientClipping == nil, let stepping: SliceStepping = optimizer as? Adam {
            // The first layer's kernel is stepped inside its backward pass.
            stepping.beginStep()
            let fused = model.backward(gradient, stepping: stepping)
            timed("optimizer") {
                stepping.finishStep(model.parameters, skipping: fused?.fused, finite: fused?.finite ?? true)
            }
        } else {
            model.backward(gradient)
            if let clipping = configuration.gradientClipping { _ = timed("clip gradients") { clipping.apply(to: model.parameters) } }
            timed("optimizer") { optimizer.step(model.parameters) }
        }
        profile?.countStep()
        return value
    }

    @inline(__always)
    private func timed<R>(_ phase: String, _ body: () -> R) -> R {
        guard let profile else { return body() }
        return profile.measure(phase, body)
    }

    private func initialiseOutputBias(labels: Tensor) throws(TrainingError) {
        guard let last = model.layers.last as? Dense else {
            throw TrainingError("outputBias .prior needs a Dense output layer")
        }
        let p = LabelStatistics(labels).prevalence.map { min(max($0, 1e-4), 1 - 1e-4) }
        let bias: [Float]
        switch head {
        case .sigmoid: bias = p.map { Float(Math.log($0 / (1 - $0))) }
        case .softmax: bias = p.map { Float(Math.log($0)) }
        }
        last.bias.value = Tensor(shape: [bias.count], storage: bias)
    }
}
