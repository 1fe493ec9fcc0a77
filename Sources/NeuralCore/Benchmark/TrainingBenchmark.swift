import Dispatch

/// The two training configurations of the speed benchmark, as measured for
/// PyTorch, JAX and Keras on the same machine: 8,192 synthetic 28×28 images,
/// 5 labels at prevalences 0.30/0.15/0.08/0.04/0.02, batch 64, Adam lr 1e-3,
/// binary cross-entropy with balanced `posWeight`.
public enum BenchmarkModel: String, CaseIterable, Codable, Sendable {
    /// 784 → Dense 128 → ReLU → Dense 5.
    case mlp
    /// Conv 16 3×3 → ReLU → MaxPool 2 → Conv 32 3×3 → ReLU → MaxPool 2 → Dense 5.
    case cnn

    public var summary: String {
        switch self {
        case .mlp: return "MLP 784→128 ReLU→5"
        case .cnn: return "CNN conv16-pool-conv32-pool-dense5"
        }
    }

    /// Epochs per run; the first is a warm-up and is not counted.
    public var epochs: Int { self == .mlp ? 5 : 2 }

    public func makeModel() -> Sequential {
        switch self {
        case .mlp:
            return Sequential([Flatten(), Dense(units: 128), ReLU(), Dense(units: 5)])
        case .cnn:
            return Sequential([Conv2D(filters: 16, kernelSize: 3), ReLU(), MaxPool2D(poolSize: 2),
                               Conv2D(filters: 32, kernelSize: 3), ReLU(), MaxPool2D(poolSize: 2),
                               Flatten(), Dense(units: 5)])
        }
    }
}

/// Timed training runs of one model: many runs from the same seed, each
/// with a warm-up epoch, so one figure is the median of many epochs and the
/// range shows how much it moved.
public struct TrainingMeasurement: Codable, Equatable, Sendable {
    public var model: String
    public var samples: Int
    public var batchSize: Int
    /// Seconds of every epoch of every run, run after run.
    public var epochSeconds: [Double]
    /// The median of `runSamplesPerSecond`.
    public var samplesPerSecond: Double
    /// Per run: `samples` / median seconds of its epochs after the first.
    public var runSamplesPerSecond: [Double] = []
    /// Process CPU seconds per epoch (all threads, including the kernel
    /// helpers' brief spins between parallel loops).
    public var epochCPUSeconds: [Double]
    /// `samples` / median CPU seconds of the epochs after the first. With two
    /// threads this counts the helpers' spinning too, so it is not a per-core
    /// throughput; run with `LESSONS_GEMM_THREADS=1` for that.
    public var samplesPerCPUSecond: Double
    /// Mean training loss of the last epoch (to show the run really trained).
    public var finalLoss: Double
    public var gemmPath: String
    public var gemmThreads: Int
    /// Wall-clock time per step phase after the warm-up epoch (`--profile` only).
    public var profile: [ProfiledPhase]? = nil
    /// Fraction of the steps, over all runs, that ran on one thread because the
    /// run's step times showed one faster than two (`ThreadChoice`).
    public var aloneShare: Double? = nil
    /// Per run: the threads' round trip before and after it (`CoreRoundTrip`;
    /// nil for a run without one, as with one thread).
    public var runRoundTrips: [RunRoundTrip?]? = nil
    /// The runs split by where the machine had put the two threads' cores.
    public var placements: [CorePlacementFigure]? = nil
    /// Runs during which the placement changed, in neither group.
    public var placementChangedRuns: Int? = nil
}

/// One phase of a profiled training step.
public struct ProfiledPhase: Codable, Equatable, Sendable {
    public var phase: String
    public var millisecondsPerStep: Double
    /// Fraction of the summed phase times (a layer's parts, named
    /// "<layer phase> · <part>", are within their layer's share).
    public var share: Double
}

public enum TrainingBenchmark {
    public static let sampleCount = 8192
    public static let prevalences = [0.30, 0.15, 0.08, 0.04, 0.02]
    public static let batchSize = 64
    public static let learningRate: Float = 1e-3

    /// The benchmark's data set: the same bytes on every run.
    public static func data() -> SyntheticMultiLabel {
        SyntheticMultiLabel(count: sampleCount, prevalences: prevalences, seed: 0x5EED)
    }

    /// Runs of each model at least, for `lessons bench`.
    public static let defaultRepeats = 7

    /// Counted epoch seconds each model gets at least (more runs are added
    /// until it has them): a few seconds, so a figure spans the seconds-long
    /// swings of a shared machine instead of landing in one of them.
    public static let defaultMinimumSeconds = 3.0

    /// Runs of one model at most, however short its epochs.
    public static let maximumRepeats = 60

    /// `measure(_:data:repeats:minimumSeconds:profile:)` for one model.
    public static func measure(_ model: BenchmarkModel, data: SyntheticMultiLabel, repeats: Int = defaultRepeats,
                               minimumSeconds: Double = 0, seed: UInt64 = 0,
                               profile: Bool = false) throws -> TrainingMeasurement {
        try measure([model], data: data, repeats: repeats, minimumSeconds: minimumSeconds, seed: seed,
                    profile: profile)[0]
    }

    /// Trains each of `models` from the same seed, after one untimed warm-up
    /// run of each (threads started, pages touched, caches and clocks up), in
    /// interleaved rounds (mlp, cnn, mlp, cnn, …) so that a slow spell of the
    /// machine falls on every model rather than on one. Rounds continue past
    /// `repeats` until every model has `minimumSeconds` of counted epochs (at
    /// most `maximumRepeats` runs). Per model, samples/s is the median of the
    /// runs' figures, and their minimum and maximum bound it. Every run trains
    /// the same bits, so the final loss is the same in each. With `profile`,
    /// one more run of each model, not counted, is profiled. Around each run
    /// the threads' round trip is measured, and the runs are also reported by
    /// the placement of the threads' cores (`CoreRoundTrip`).
    public static func measure(_ models: [BenchmarkModel], data: SyntheticMultiLabel, repeats: Int = defaultRepeats,
                               minimumSeconds: Double = defaultMinimumSeconds, seed: UInt64 = 0,
                               profile: Bool = false,
                               onRun: ((TrainingMeasurement) -> Void)? = nil) throws -> [TrainingMeasurement] {
        precondition(repeats >= 1, "at least one run")
        if repeats > 1 || minimumSeconds > 0 {
            for model in models { _ = try run(model, data: data, seed: seed) }
        }
        var runs = models.map { _ in [TrainingMeasurement]() }
        func countedSeconds(_ i: Int) -> Double {
            runs[i].reduce(0) { $0 + $1.epochSeconds.dropFirst().reduce(0, +) }
        }
        func needsMore(_ i: Int) -> Bool {
            runs[i].count < repeats || (countedSeconds(i) < minimumSeconds && runs[i].count < max(repeats, maximumRepeats))
        }
        while models.indices.contains(where: needsMore) {
            for i in models.indices where needsMore(i) {
                let before = CoreRoundTrip.measure(), slowdownBefore = CoreRoundTrip.sharedCoreSlowdown()
                var measured = try run(models[i], data: data, seed: seed)
                let after = CoreRoundTrip.measure(), slowdownAfter = CoreRoundTrip.sharedCoreSlowdown()
                measured.runRoundTrips = [before.flatMap { b in after.map {
                    RunRoundTrip(before: b, after: $0, slowdownBefore: slowdownBefore, slowdownAfter: slowdownAfter)
                } }]
                runs[i].append(measured)
                onRun?(measured)
            }
        }
        var measured = runs.map(combine)
        // The placements are those of the whole bench, every model's runs together.
        let placements = CoreRoundTrip.placements(
            measured.flatMap { ($0.runRoundTrips ?? []).compactMap { $0 }.flatMap { [$0.before, $0.after] } })
        if !placements.isEmpty {
            for i in measured.indices {
                let split = CoreRoundTrip.split(figures: measured[i].runSamplesPerSecond,
                                                roundTrips: measured[i].runRoundTrips ?? [], placements: placements)
                measured[i].placements = split.groups
                measured[i].placementChangedRuns = split.changed
            }
        }
        if profile {
            // One more run each, profiled and not counted (its clock reads cost a little).
            for i in models.indices { measured[i].profile = try run(models[i], data: data, seed: seed, profile: true).profile }
        }
        return measured
    }

    /// One measurement of many runs: every epoch kept, the median and the runs' figures.
    private static func combine(_ runs: [TrainingMeasurement]) -> TrainingMeasurement {
        var combined = runs[runs.count - 1]
        combined.epochSeconds = runs.flatMap(\.epochSeconds)
        combined.epochCPUSeconds = runs.flatMap(\.epochCPUSeconds)
        combined.runSamplesPerSecond = runs.map(\.samplesPerSecond)
        combined.samplesPerSecond = median(combined.runSamplesPerSecond)
        combined.samplesPerCPUSecond = median(runs.map(\.samplesPerCPUSecond))
        combined.aloneShare = runs.reduce(0) { $0 + ($1.aloneShare ?? 0) } / Double(runs.count)
        combined.runRoundTrips = runs.flatMap { $0.runRoundTrips ?? [nil] }
        return combined
    }

    /// Trains `model` once for its epochs on `data` and times every epoch.
    /// With `profile`, every step is also timed phase by phase (a few clock
    /// reads per layer), and the phases after the warm-up epoch are reported.
    public static func run(_ model: BenchmarkModel, data: SyntheticMultiLabel, seed: UInt64 = 0,
                           profile: Bool = false) throws -> TrainingMeasurement {
        let posWeight = try PositiveWeighting.balanced.resolve(labels: data.labels)
        let trainer = Trainer(model: model.makeModel(), loss: .binaryCrossEntropy(posWeight: posWeight),
                              optimizer: Adam(learningRate: learningRate),
                              configuration: TrainingConfiguration(epochs: model.epochs, batchSize: batchSize, seed: seed))
        let stepProfile = profile ? StepProfile() : nil
        trainer.profile = stepProfile
        var marks = [DispatchTime.now().uptimeNanoseconds], cpuMarks = [processCPUSeconds()]
        let result = try trainer.fit(LabeledTensors(images: data.images, labels: data.labels), onEpochEnd: { record in
            marks.append(DispatchTime.now().uptimeNanoseconds)
            cpuMarks.append(processCPUSeconds())
            if record.epoch == 1 { stepProfile?.reset() }
        })
        let seconds = zip(marks.dropFirst(), marks).map { Double($0 - $1) / 1e9 }
        let cpuSeconds = zip(cpuMarks.dropFirst(), cpuMarks).map { $0 - $1 }
        let counted = seconds.count > 1 ? Array(seconds.dropFirst()) : seconds
        let countedCPU = cpuSeconds.count > 1 ? Array(cpuSeconds.dropFirst()) : cpuSeconds
        return TrainingMeasurement(
            model: model.rawValue, samples: data.images.batchSize, batchSize: batchSize, epochSeconds: seconds,
            samplesPerSecond: Double(data.images.batchSize) / median(counted),
            runSamplesPerSecond: [Double(data.images.batchSize) / median(counted)],
            epochCPUSeconds: cpuSeconds, samplesPerCPUSecond: Double(data.images.batchSize) / median(countedCPU),
            finalLoss: result.history.last?.trainLoss ?? .nan,
            gemmPath: GEMMPath.current.rawValue, gemmThreads: GEMMPath.threads,
            profile: stepProfile.map(Self.phases), aloneShare: Double(trainer.lastRunStepsAlone) / Double(max(result.steps, 1)))
    }

    private static func phases(_ profile: StepProfile) -> [ProfiledPhase] {
        // Parts of a layer ("<layer> · part") are inside their layer's time.
        let total = profile.phases.filter { !$0.name.contains(" · ") }.reduce(0) { $0 + $1.seconds }
        return profile.phases.map {
            ProfiledPhase(phase: $0.name, millisecondsPerStep: $0.seconds * 1000 / Double(max(profile.steps, 1)),
                          share: total > 0 ? $0.seconds / total : 0)
        }
    }
}
