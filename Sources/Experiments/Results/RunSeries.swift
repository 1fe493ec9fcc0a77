/// One run of a comparison, trained once per seed: what tables, charts and
/// claims read. With one seed it is that run's result and nothing more.
public struct RunSeries: Sendable {
    public var name: String
    /// The run as the first seed trains it (every default filled in), when known.
    public var run: Run?
    /// The seed of each result, in order.
    public var seeds: [Int]
    /// One result per seed (`seeds` order).
    public var results: [RunResult]
    /// Statistics over the seeds whose run completed; nil with a single seed.
    public var aggregate: RunAggregate?

    public init(name: String, run: Run? = nil, seeds: [Int], results: [RunResult]) {
        precondition(seeds.count == results.count, "one result per seed")
        self.name = name
        self.run = run
        self.seeds = seeds
        self.results = results
        aggregate = results.count > 1 ? RunAggregate(seeds: seeds, results: results) : nil
    }

    /// True when every seed's run finished.
    public var allCompleted: Bool { results.allSatisfy { $0.outcome.isCompleted } }

    /// The report of the run trained with the seed at `index`.
    public func report(seedIndex index: Int) -> RunResult { results[index] }

    /// The run as measured on the test set `name` (`Compare(alsoTestOn:)`), seed by seed.
    public func on(_ testSet: String) -> RunSeries {
        RunSeries(name: name, run: run, seeds: seeds, results: results.map { $0.on(testSet) })
    }

    /// The key `expect` blocks read `results["a", on: "noisy"]` under (a unit separator apart,
    /// so no run name can collide with it).
    public static func key(_ run: String, on testSet: String) -> String { run + "\u{1F}" + testSet }

    /// `(run, test set)` of a key made by `key(_:on:)`; nil for a plain run name.
    public static func split(_ key: String) -> (run: String, testSet: String)? {
        let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }

    /// Seeds whose run did not complete, for messages.
    public var unfinishedSeeds: [Int] {
        zip(seeds, results).filter { !$0.1.outcome.isCompleted }.map { $0.0 }
    }
}

/// A multi-seed run as `expect` reads it without `inAtLeast:`: each metric is
/// its mean over the seeds (NaN when a seed did not complete, so a claim on it
/// fails rather than quietly averaging fewer seeds).
extension RunSeries: RunReport {
    private func mean(_ read: (RunResult) -> Double) -> Double {
        guard results.count > 1 else { return read(results[0]) }
        let values = results.map(read)
        return Summary(values)?.mean ?? .nan
    }

    public var diverged: Bool { results.contains { $0.diverged } }
    public var finalLoss: Double { mean { $0.finalLoss } }
    public func value(of metric: Metric) -> Double { mean { $0.value(of: metric) } }
    public func value(of metric: LabelMetric, label: String) -> Double { mean { $0.value(of: metric, label: label) } }
    public func value(of metric: EpochMetric, atEpoch epoch: Int) -> Double { mean { $0.value(of: metric, atEpoch: epoch) } }
    public var trainSeconds: Double { mean { $0.trainSeconds } }
    public var epochsTrained: Int { results.map { $0.epochsTrained }.min() ?? 0 }
}
