import Foundation

/// One peer framework's training speed on a bench model.
public struct PeerFigure: Codable, Equatable, Sendable {
    /// As the README's tables name it ("JAX lax.scan epoch").
    public var name: String
    /// The median over its runs.
    public var samplesPerSecond: Double
    /// Its slowest and fastest runs, when measured here (nil for stored figures).
    public var slowest: Double?
    public var fastest: Double?
    public var runs: Int?
}

/// What `lessons bench` compares its figures with: the peers' figures stored from the
/// issue that set the targets, or those of a `bench_peers.py` run (`--peers results.json`)
/// taken beside this one, since this machine's speed moves between sessions.
public struct PeerFigures: Codable, Equatable, Sendable {
    /// Where the figures come from, for the report.
    public var source: String
    /// Per bench model (`mlp`, `cnn`), fastest first.
    public var models: [String: [PeerFigure]]

    /// Issue 28's table: AMD EPYC (Zen 4, AVX-512), 2 cores, 2026-12, `bench_peers.py`.
    public static let stored = PeerFigures(source: "stored (issue 28, AMD EPYC Zen 4, 2 cores)", models: [
        "mlp": [PeerFigure(name: "JAX lax.scan epoch", samplesPerSecond: 274_000),
                PeerFigure(name: "JAX jit per step", samplesPerSecond: 170_000),
                PeerFigure(name: "PyTorch eager", samplesPerSecond: 89_800),
                PeerFigure(name: "Keras", samplesPerSecond: 30_800)],
        "cnn": [PeerFigure(name: "PyTorch eager", samplesPerSecond: 17_000),
                PeerFigure(name: "Keras", samplesPerSecond: 13_800),
                PeerFigure(name: "JAX jit per step", samplesPerSecond: 6_200),
                PeerFigure(name: "JAX lax.scan epoch", samplesPerSecond: 1_100)],
    ])

    public init(source: String, models: [String: [PeerFigure]]) {
        self.source = source
        self.models = models
    }

    /// The `summary` of a `bench_peers.py` results.json: each framework's median epoch
    /// over its runs, and the range from its slowest and fastest run.
    public init(resultsJSON data: Data, source: String) throws {
        struct Results: Decodable {
            var n: Int
            var batch: Int
            var summary: [Row]
        }
        struct Row: Decodable {
            var config: String
            var variant_key: String
            var runs_ok: Int
            var median_epoch_s: Double?
            var min_epoch_s: Double?
            var max_epoch_s: Double?
        }
        let results: Results
        do {
            results = try JSONDecoder().decode(Results.self, from: data)
        } catch {
            throw PeerFiguresError("\(source): not a bench_peers.py results.json (\(error))")
        }
        guard results.n == TrainingBenchmark.sampleCount, results.batch == TrainingBenchmark.batchSize else {
            throw PeerFiguresError("\(source): the peers trained on \(results.n) samples in batches of \(results.batch), "
                                   + "the bench on \(TrainingBenchmark.sampleCount) in batches of \(TrainingBenchmark.batchSize)")
        }
        var models: [String: [PeerFigure]] = [:]
        for row in results.summary where row.runs_ok > 0 {
            guard let median = row.median_epoch_s, let fast = row.min_epoch_s, let slow = row.max_epoch_s,
                  median > 0, fast > 0, slow > 0 else { continue }
            let n = Double(results.n)
            models[row.config, default: []].append(PeerFigure(
                name: Self.displayName(row.variant_key), samplesPerSecond: n / median,
                slowest: n / slow, fastest: n / fast, runs: row.runs_ok))
        }
        guard !models.isEmpty else { throw PeerFiguresError("\(source): no framework ran successfully") }
        self.init(source: "bench_peers.py, " + source,
                  models: models.mapValues { $0.sorted { $0.samplesPerSecond > $1.samplesPerSecond } })
    }

    /// bench_peers.py's framework keys as the README names them.
    static func displayName(_ key: String) -> String {
        switch key {
        case "jax-scan": return "JAX lax.scan epoch"
        case "jax": return "JAX jit per step"
        case "torch": return "PyTorch eager"
        case "keras": return "Keras"
        default: return key
        }
    }

    /// The model's fastest peer, if any was measured.
    public func best(_ model: BenchmarkModel) -> PeerFigure? { models[model.rawValue]?.first }

    public func figure(_ model: BenchmarkModel, _ name: String) -> PeerFigure? {
        models[model.rawValue]?.first { $0.name == name }
    }

    /// Issue 28's goals: the MLP at 1.2× JAX's `lax.scan` epoch, the CNN at 1.5× the best peer.
    public func target(_ model: BenchmarkModel) -> (samplesPerSecond: Double, against: String)? {
        switch model {
        case .mlp: return figure(.mlp, "JAX lax.scan epoch").map { ($0.samplesPerSecond * 1.2, "1.2× " + $0.name) }
        case .cnn: return best(.cnn).map { ($0.samplesPerSecond * 1.5, "1.5× " + $0.name) }
        }
    }
}

public struct PeerFiguresError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
