import ArgumentParser
import Foundation
import NeuralCore

extension Lessons {
    /// `lessons bench`: training throughput of the two reference models, GEMM
    /// speed per kernel path and peak memory, on this machine (build with
    /// `-c release`). A benchmark, not a test: it prints numbers and never fails on them.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure training samples/s, GEMM GFLOP/s per kernel path and peak memory.")

        @Option(name: .customLong("model"),
                help: ArgumentHelp("Train only this model (mlp or cnn); repeatable. Default: both.", valueName: "name"))
        var models: [BenchmarkModel] = []

        @Option(help: ArgumentHelp("Train each model at least this many times (after an untimed warm-up run, the models "
                                   + "in turns) and report the median samples/s and the range.", valueName: "n"))
        var repeats = TrainingBenchmark.defaultRepeats

        @Option(help: ArgumentHelp("Add runs until each model has this many seconds of timed epochs "
                                   + "(at most \(TrainingBenchmark.maximumRepeats) runs; 0: exactly --repeats runs).",
                                   valueName: "s"))
        var seconds = TrainingBenchmark.defaultMinimumSeconds

        @Flag(help: "Skip the training runs.")
        var skipTraining = false

        @Flag(help: "Also time every step phase (each layer forward and backward, gather, loss, optimizer) and print where a step goes.")
        var profile = false

        @Flag(help: "Skip the GEMM measurements.")
        var skipGemm = false

        @Option(name: .customLong("shape"),
                help: ArgumentHelp("Time this GEMM instead of the standard three: MxNxK, with :ta or :tb for a transposed operand (e.g. 144x32x7744:ta); repeatable.",
                                   valueName: "shape"))
        var shapes: [GEMMShape] = []

        @Option(name: .long, help: ArgumentHelp("native, or wasm: lessons.wasm in headless Chromium against native on one thread, "
                                                + "for lesson 03's CNN pair and the bench MLP, result bits compared.", valueName: "engine"))
        var engine: Verify.EngineName = .native

        @Option(help: ArgumentHelp("Compare with the peers of this bench_peers.py results.json (run beside this bench; "
                                   + "see ../shared/PEERS.md) instead of the stored figures: each peer's median, range and ratio.",
                                   valueName: "results.json"))
        var peers: String?

        @Flag(help: "Print the report as JSON instead of a table.")
        var json = false

        mutating func validate() throws {
            guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
            guard seconds.isFinite, seconds >= 0 else { throw ValidationError("--seconds must be a number ≥ 0") }
            if engine == .wasm && (json || profile || !shapes.isEmpty || peers != nil) {
                throw ValidationError("--engine wasm prints its own table: --json, --profile, --shape and --peers do not apply")
            }
        }

        mutating func run() throws {
            if engine == .wasm { return try runInBrowser() }
            // Read before the minutes of training, so a bad file is reported at once.
            let peerFigures = try peers.map(Self.peerFigures) ?? .stored
            var training: [TrainingMeasurement] = []
            if !skipTraining {
                let data = TrainingBenchmark.data()
                let chosen = models.isEmpty ? BenchmarkModel.allCases : models
                Console.error("training \(chosen.map(\.rawValue).joined(separator: " and ")) in turns, each at least "
                              + "\(repeats) × its epochs and \(seconds) s, on \(GEMMPath.current.rawValue) with \(GEMMPath.threads) threads…")
                training = try TrainingBenchmark.measure(chosen, data: data, repeats: repeats, minimumSeconds: seconds,
                                                         profile: profile) { run in
                    var line = String(format: "  %@: %.0f samples/s", run.model, run.samplesPerSecond)
                    if let trip = run.runRoundTrips?.last ?? nil {
                        line += String(format: " (threads' round trip %.0f ns before, %.0f after", trip.before, trip.after)
                        if let before = trip.slowdownBefore, let after = trip.slowdownAfter {
                            line += String(format: "; beside each other %.2f× and %.2f× as slow", before, after)
                        }
                        line += ")"
                    }
                    Console.error(line)
                }
            }
            var gemm: [GEMMMeasurement] = []
            if !skipGemm {
                gemm = GEMMBenchmark.measureAll(shapes: shapes.isEmpty ? GEMMBenchmark.standardShapes : shapes,
                                                threads: max(2, GEMMPath.threads)) { g in
                    Console.error(String(format: "gemm %d×%d×%d %@ ×%d: %.1f GFLOP/s", g.m, g.n, g.k, g.path, g.threads, g.gflops))
                }
            }
            let report = BenchmarkReport(training: training, gemm: gemm, peers: peerFigures)
            print(json ? try report.json() : report.table())
        }
    }
}

extension Lessons.Bench {
    static func peerFigures(_ path: String) throws -> PeerFigures {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("--peers \(path): cannot read it (\((error as NSError).localizedDescription))")
        }
        do {
            return try PeerFigures(resultsJSON: data, source: path)
        } catch let error as PeerFiguresError {
            throw ValidationError("--peers \(error.description)")
        }
    }
}

extension BenchmarkModel: ExpressibleByArgument {}

extension GEMMShape: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
