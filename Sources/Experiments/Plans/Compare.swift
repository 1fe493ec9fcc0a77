/// Several runs trained and measured on one dataset, shown side by side.
public struct Compare: Codable, Hashable, Sendable {
    public var title: String
    public var dataset: DatasetSource
    /// Nil: every run trains once, with the seeds written on it and its dataset.
    public var seeds: Seeds?
    public var runs: [Run]

    /// The form lesson code uses. In a Swift program (`lessons export`) it also
    /// records the comparison in `Notebook.shared`, so `results` can run it.
    @discardableResult
    public init(_ title: String, on dataset: any DatasetSpecification, seeds: Seeds? = nil, runs: [Run]) {
        self.init(title: title, dataset: dataset.source, seeds: seeds, runs: runs)
        Notebook.shared.record(self)
    }

    /// Plain construction, recording nothing (what the evaluator uses).
    public init(title: String, dataset: DatasetSource, seeds: Seeds? = nil, runs: [Run]) {
        self.title = title
        self.dataset = dataset
        self.seeds = seeds
        self.runs = runs
    }

    /// What trains, seed by seed: the dataset and the runs as drawn with each
    /// seed (see `Seeds`); without `seeds`, the comparison as written.
    public var replicas: [Replica] {
        guard let seeds else {
            return [Replica(seed: nil, dataset: dataset, runs: runs)]
        }
        return seeds.values.map { s in
            Replica(seed: s, dataset: dataset.withSeed(s), runs: runs.map { var r = $0; r.seed = s; return r })
        }
    }

    /// The seed each replica's results are listed under: a replica's own, or
    /// the run's when the comparison has no seed list.
    public func seedList(for run: Run) -> [Int] { seeds?.values ?? [run.seed] }

    /// One seed's share of a comparison.
    public struct Replica: Sendable {
        /// Nil when the comparison has no seed list.
        public var seed: Int?
        public var dataset: DatasetSource
        public var runs: [Run]
    }
}
