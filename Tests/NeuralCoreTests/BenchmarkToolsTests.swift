import XCTest
@testable import NeuralCore

/// The pieces `lessons bench` is made of, without timing anything: shapes
/// parse, a transposed product is measured as asked, the step profile names
/// every phase once per step, and the report prints and encodes it.
final class BenchmarkToolsTests: XCTestCase {
    func testGEMMShapesParse() {
        XCTAssertEqual(GEMMShape(parsing: "144x32x7744:ta"), GEMMShape(m: 144, n: 32, k: 7744, transposeA: true))
        XCTAssertEqual(GEMMShape(parsing: "7744X144x32:tb"), GEMMShape(m: 7744, n: 144, k: 32, transposeB: true))
        XCTAssertEqual(GEMMShape(parsing: "2x3x4:ta:tb")?.description, "2×3×4 Aᵀ Bᵀ")
        for bad in ["", "1x2", "1x2x0", "axbxc", "1x2x3:tc", "1x2x3x4"] {
            XCTAssertNil(GEMMShape(parsing: bad), bad)
        }
    }

    func testTransposedProductIsMeasuredAsAsked() {
        let m = GEMMBenchmark.measure(path: .portable, m: 7, n: 5, k: 3, transposeA: true, transposeB: true,
                                      samples: 1, sampleSeconds: 0)
        XCTAssertEqual([m.m, m.n, m.k], [7, 5, 3])
        XCTAssertEqual(m.transposeA, true)
        XCTAssertEqual(m.transposeB, true)
        XCTAssertGreaterThan(m.gflops, 0)
    }

    func testStepProfileTimesEveryPhaseOfEveryStep() throws {
        let data = SyntheticMultiLabel(count: 96, height: 10, width: 10, prevalences: [0.3, 0.1], seed: 3)
        let model = Sequential([Conv2D(filters: 4, kernelSize: 3, padding: .same), ReLU(), MaxPool2D(poolSize: 2),
                                Flatten(), Dense(units: 2)])
        let trainer = Trainer(model: model, loss: .binaryCrossEntropy(), optimizer: Adam(),
                              configuration: TrainingConfiguration(epochs: 1, batchSize: 32, seed: 1))
        let profile = StepProfile()
        trainer.profile = profile
        _ = try trainer.fit(LabeledTensors(images: data.images, labels: data.labels))
        XCTAssertEqual(profile.steps, 3)
        let names = profile.phases.map(\.name)
        // The convolution runs the ReLU and the pooling after it (`ConvPooling`)
        // and times its parts as sub-phases.
        let conv = "0 Conv2D+ReLU+MaxPool2D"
        XCTAssertEqual(Set(names), ["gather batch", "\(conv) forward", "\(conv) forward · padded copy",
                                    "3 Flatten forward", "4 Dense forward", "loss", "4 Dense backward",
                                    "4 Dense backward · kernel gradient", "4 Dense backward · input gradient",
                                    "3 Flatten backward", "\(conv) backward", "\(conv) backward · un-pool",
                                    "\(conv) backward · kernel gradient", "optimizer", "divergence check"])
        XCTAssertEqual(names.count, Set(names).count)
        XCTAssertTrue(profile.phases.allSatisfy { $0.seconds >= 0 })
        let seconds = Dictionary(uniqueKeysWithValues: profile.phases.map { ($0.name, $0.seconds) })
        XCTAssertLessThanOrEqual(seconds["\(conv) backward · un-pool"]! + seconds["\(conv) backward · kernel gradient"]!,
                                 seconds["\(conv) backward"]!)
        profile.reset()
        XCTAssertEqual(profile.steps, 0)
        XCTAssertTrue(profile.phases.isEmpty)
    }

    func testReportPrintsAndEncodesTheProfile() throws {
        var t = TrainingMeasurement(model: "mlp", samples: 8192, batchSize: 64, epochSeconds: [0.1, 0.05, 0.05],
                                    samplesPerSecond: 163_840, runSamplesPerSecond: [150_000, 163_840, 170_000],
                                    epochCPUSeconds: [0.2, 0.1, 0.1], samplesPerCPUSecond: 81_920,
                                    finalLoss: 0.01, gemmPath: "avx2", gemmThreads: 2)
        t.profile = [ProfiledPhase(phase: "1 Dense forward", millisecondsPerStep: 0.13, share: 0.6),
                     ProfiledPhase(phase: "optimizer", millisecondsPerStep: 0.05, share: 0.4)]
        let report = BenchmarkReport(training: [t], gemm: [])
        let table = report.table()
        XCTAssertTrue(table.contains("MLP 784→128 ReLU→5"))
        XCTAssertTrue(table.contains("0.60× JAX lax.scan epoch"), table)   // 163,840 / 274,000
        XCTAssertTrue(table.contains("328800 (1.2× JAX lax.scan epoch) missed"), table)
        XCTAssertTrue(table.contains("163840     150000–170000     3"), table)
        XCTAssertTrue(table.contains("step profile, mlp"))
        XCTAssertTrue(table.contains("1 Dense forward") && table.contains("60.0%"), table)
        XCTAssertFalse(table.contains("on one thread"), "no line while every step ran on the threads")
        let decoded = try JSONDecoder().decode(BenchmarkReport.self, from: Data(try report.json().utf8))
        XCTAssertEqual(decoded.training, [t])
        t.aloneShare = 0.62
        let alone = BenchmarkReport(training: [t], gemm: []).table()
        XCTAssertTrue(alone.contains("mlp: 62% of steps on one thread, which its step times showed faster than 2"), alone)
    }

    /// `--peers`: a bench_peers.py results.json gives each peer's median, range and runs,
    /// and the ratios and targets follow it instead of the stored figures.
    func testPeersFromABenchPeersRunSetTheRatiosAndTargets() throws {
        let json = """
        {"n": 8192, "batch": 64, "runs": [], "summary": [
         {"config": "mlp", "variant_key": "jax-scan", "framework": "jax", "runs_ok": 3, "runs": 3,
          "median_epoch_s": 0.032, "min_epoch_s": 0.0315, "max_epoch_s": 0.04},
         {"config": "mlp", "variant_key": "torch", "framework": "torch", "runs_ok": 3, "runs": 3,
          "median_epoch_s": 0.1, "min_epoch_s": 0.09, "max_epoch_s": 0.12},
         {"config": "cnn", "variant_key": "torch", "framework": "torch", "runs_ok": 0, "runs": 3, "error": "killed"}]}
        """
        let peers = try PeerFigures(resultsJSON: Data(json.utf8), source: "r.json")
        XCTAssertEqual(peers.best(.mlp), PeerFigure(name: "JAX lax.scan epoch", samplesPerSecond: 256_000,
                                                    slowest: 204_800, fastest: 8192 / 0.0315, runs: 3))
        XCTAssertNil(peers.best(.cnn), "a peer with no successful run is left out")
        XCTAssertEqual(try XCTUnwrap(peers.target(.mlp)).samplesPerSecond, 307_200, accuracy: 1e-6)
        XCTAssertNil(peers.target(.cnn))
        let t = TrainingMeasurement(model: "mlp", samples: 8192, batchSize: 64, epochSeconds: [0.03, 0.025],
                                    samplesPerSecond: 320_000, runSamplesPerSecond: [300_000, 320_000, 330_000],
                                    epochCPUSeconds: [0.06, 0.05], samplesPerCPUSecond: 160_000,
                                    finalLoss: 0.01, gemmPath: "avx512", gemmThreads: 2)
        let table = BenchmarkReport(training: [t], gemm: [], peers: peers).table()
        XCTAssertTrue(table.contains("1.25× JAX lax.scan epoch"), table)
        XCTAssertTrue(table.contains("3.91×"), table)   // vs PyTorch: 320,000 / 81,920
        XCTAssertTrue(table.contains("307200 (1.2× JAX lax.scan epoch) met"), table)
        XCTAssertTrue(table.contains("peers: bench_peers.py, r.json"), table)
        XCTAssertTrue(table.contains("mlp, JAX lax.scan epoch: 256000 samples/s [204800–260063], 3 runs; lessons 1.25× "
                                     + "(1.23× its fastest run)"), table)
        let decoded = try JSONDecoder().decode(BenchmarkReport.self,
                                               from: Data(try BenchmarkReport(training: [t], gemm: [], peers: peers).json().utf8))
        XCTAssertEqual(decoded.peers, peers)

        let otherData = json.replacingOccurrences(of: "\"n\": 8192", with: "\"n\": 1024")
        XCTAssertThrowsError(try PeerFigures(resultsJSON: Data(otherData.utf8), source: "r.json")) { error in
            XCTAssertTrue("\(error)".contains("r.json: the peers trained on 1024 samples"), "\(error)")
        }
        XCTAssertThrowsError(try PeerFigures(resultsJSON: Data("[1]".utf8), source: "bad.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.json: not a bench_peers.py results.json"), "\(error)")
        }
    }

    /// A trainer forced to take every other step alone reports those steps
    /// (beside the result, which never depends on timing); without a reason
    /// to, it takes none.
    func testTrainerCountsTheStepsAlone() throws {
        let data = SyntheticMultiLabel(count: 128, prevalences: TrainingBenchmark.prevalences, seed: 3)
        for forced in [false, true] {
            let trainer = Trainer(model: BenchmarkModel.mlp.makeModel(), loss: .binaryCrossEntropy(),
                                  optimizer: Adam(), configuration: TrainingConfiguration(epochs: 2, batchSize: 16, seed: 1))
            if forced { trainer.threadChoice = { ThreadChoice(schedule: { $0 % 2 == 0 ? .alone : .threads }) } }
            let result = try trainer.fit(LabeledTensors(images: data.images, labels: data.labels))
            XCTAssertEqual(result.steps, 16)
            XCTAssertEqual(trainer.lastRunStepsAlone, forced ? 8 : 0)
        }
    }

    /// Repeated runs: one figure per run, the median of them, every epoch
    /// kept, and the same final loss in every run (the same bits).
    func testRepeatedRunsGiveAMedianAndARange() throws {
        let data = SyntheticMultiLabel(count: 128, prevalences: TrainingBenchmark.prevalences, seed: 4)
        let m = try TrainingBenchmark.measure(.mlp, data: data, repeats: 3)
        XCTAssertEqual(m.runSamplesPerSecond.count, 3)
        XCTAssertEqual(m.samplesPerSecond, median(m.runSamplesPerSecond))
        XCTAssertEqual(m.epochSeconds.count, 3 * BenchmarkModel.mlp.epochs)
        XCTAssertEqual(m.epochCPUSeconds.count, 3 * BenchmarkModel.mlp.epochs)
        let once = try TrainingBenchmark.run(.mlp, data: data)
        XCTAssertEqual(m.finalLoss, once.finalLoss)
        XCTAssertEqual(once.runSamplesPerSecond, [once.samplesPerSecond])
    }

    /// Several models train in turns after a warm-up run of each, and runs are
    /// added until each model has the asked seconds of counted epochs.
    func testModelsTrainInTurnsUntilTheyHaveTheirSeconds() throws {
        let data = SyntheticMultiLabel(count: 64, prevalences: TrainingBenchmark.prevalences, seed: 4)
        var order: [String] = []
        let both = try TrainingBenchmark.measure([.mlp, .cnn], data: data, repeats: 2, minimumSeconds: 0) {
            order.append($0.model)
        }
        XCTAssertEqual(order, ["mlp", "cnn", "mlp", "cnn"])
        XCTAssertEqual(both.map(\.model), ["mlp", "cnn"])
        XCTAssertEqual(both.map(\.runSamplesPerSecond.count), [2, 2])
        XCTAssertEqual(both[0].samplesPerSecond, median(both[0].runSamplesPerSecond))

        let timed = try TrainingBenchmark.measure([.mlp], data: data, repeats: 1, minimumSeconds: 0.05)[0]
        let runs = timed.runSamplesPerSecond.count
        let counted = stride(from: 0, to: timed.epochSeconds.count, by: BenchmarkModel.mlp.epochs)
            .map { timed.epochSeconds[($0 + 1)..<($0 + BenchmarkModel.mlp.epochs)].reduce(0, +) }.reduce(0, +)
        XCTAssertTrue(counted >= 0.05 || runs == TrainingBenchmark.maximumRepeats, "\(runs) runs, \(counted) s")
        XCTAssertEqual(timed.epochSeconds.count, runs * BenchmarkModel.mlp.epochs)
        // Without the last run the model had too little time, so none was added in vain.
        XCTAssertTrue(runs == 1 || counted - timed.epochSeconds.suffix(BenchmarkModel.mlp.epochs - 1).reduce(0, +) < 0.05)

        // The profile comes from one more run, which is not counted.
        let profiled = try TrainingBenchmark.measure(.mlp, data: data, repeats: 1, profile: true)
        XCTAssertEqual(profiled.runSamplesPerSecond.count, 1)
        XCTAssertEqual(profiled.profile?.contains { $0.phase == "1 Dense forward" }, true)
    }
}
