import PortableJSON
import PortableSort

/// Several runs trained and measured on one dataset, shown side by side.
public struct Compare: Hashable, Sendable {
    public var title: String
    public var dataset: DatasetSource
    /// Nil: every run trains once, with the seeds written on it and its dataset.
    public var seeds: Seeds?
    public var runs: [Run]
    /// What the page shows after the block; nil: `ResultView.defaults`.
    public var show: [ResultView]?
    /// More test sets each trained model is measured on, by the name claims read them under
    /// (`results["a", on: "noisy"]`); only their test splits are used. Nil: none.
    public var alsoTestOn: [String: DatasetSource]?

    #if !hasFeature(Embedded)
    /// The form lesson code uses. In a Swift program (`lessons export`) it also
    /// records the comparison in `Notebook.shared`, so `results` can run it.
    @discardableResult
    public init(_ title: String, on dataset: any DatasetSpecification, seeds: Seeds? = nil, runs: [Run],
                show: [ResultView]? = nil, alsoTestOn: [String: any DatasetSpecification]? = nil) {
        self.init(title: title, dataset: dataset.source, seeds: seeds, runs: runs, show: show,
                  alsoTestOn: alsoTestOn?.mapValues { $0.source })
        Notebook.shared.record(self)
    }
    #endif

    /// Plain construction, recording nothing (what the evaluator uses).
    public init(title: String, dataset: DatasetSource, seeds: Seeds? = nil, runs: [Run], show: [ResultView]? = nil,
                alsoTestOn: [String: DatasetSource]? = nil) {
        self.title = title
        self.dataset = dataset
        self.seeds = seeds
        self.runs = runs
        self.show = show
        self.alsoTestOn = alsoTestOn?.isEmpty == true ? nil : alsoTestOn
    }

    /// What trains, seed by seed: the dataset and the runs as drawn with each
    /// seed (see `Seeds`); without `seeds`, the comparison as written.
    public var replicas: [Replica] {
        let others = (alsoTestOn ?? [:]).stablySorted { $0.key < $1.key }
        guard let seeds else {
            return [Replica(seed: nil, dataset: dataset, runs: runs, alsoTestOn: others.map { ($0.key, $0.value) })]
        }
        return seeds.values.map { s in
            Replica(seed: s, dataset: dataset.withSeed(s), runs: runs.map { var r = $0; r.seed = s; return r },
                    alsoTestOn: others.map { ($0.key, $0.value.withSeed(s)) })
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
        /// The other test sets, by name in name order, drawn with the replica's seed.
        public var alsoTestOn: [(name: String, dataset: DatasetSource)] = []
    }
}

#if !hasFeature(Embedded)
extension Compare: Codable {}
#endif

extension Compare: DeclaredType {
    public static let typeName = "Compare"
    static let title = ArgumentKey<String>(nil, name: "title", limits: Limits(minCount: 1, maxCount: 120), doc: "Heading of the comparison.")
    static let dataset = ArgumentKey<DatasetSource>("on", name: "dataset", doc: "The dataset every run trains on.")
    static let seeds = ArgumentKey<Seeds?>("seeds", default: nil,
                                           doc: "Train every run once per seed (the dataset is redrawn too); nil: once, with the seeds written.")
    static let runs = ArgumentKey<[Run]>("runs", limits: Limits(minCount: 1, maxCount: 16), doc: "The runs, in table order.")
    static let show = ArgumentKey<[ResultView]?>("show", default: nil, limits: Limits(minCount: 1, maxCount: 12),
                                                 doc: "The outputs shown after the block, in page order; nil: `[.dataset, .table, .claimed, .loss, .pr]`. "
                                                 + "The rest is folded into \"More results\".")
    static let alsoTestOn = ArgumentKey<[String: DatasetSource]?>(
        "alsoTestOn", default: nil, limits: Limits(minCount: 1, maxCount: 4),
        doc: "More test sets, by name: each trained model is also measured on their test splits "
            + "(not trained again), read as `results[\"run\", on: \"name\"]`. Their labels and image size "
            + "must be the dataset's; with `seeds:` each is drawn with the seed too.")

    public static let members = [
        DeclaredMember("init", [title.facts, dataset.facts, seeds.facts, runs.facts, show.facts, alsoTestOn.facts],
                       doc: "A comparison of runs.", check: issues) { a throws(JSONError) in
            Compare(title: try a(title), dataset: try a(dataset), seeds: try a(seeds), runs: try a(runs), show: try a(show),
                    alsoTestOn: try a(alsoTestOn))
        },
    ]

    static let description = APITypeDescription(
        declared: Compare.self, doc: "Runs trained and measured on one dataset, shown side by side after the block.")

    /// Run names unique within the comparison; per-label lists as long as the dataset's labels.
    @Sendable static func issues(_ a: ArgumentSource) throws(JSONError) -> [APIIssue] {
        let runs = try a(Compare.runs), dataset = try a(Compare.dataset)
        var issues: [APIIssue] = []
        if let seeds = try a(seeds) {
            issues += Seeds.issues(seeds.values).map { APIIssue([.argument("seeds")] + $0.path, $0.message) }
        }
        var seen: Set<String> = []
        let labels = dataset.labelNames
        for (name, other) in (try a(alsoTestOn) ?? [:]).stablySorted(by: { $0.key < $1.key }) {
            if let labels, let theirs = other.labelNames, theirs != labels {
                issues.append(APIIssue([.argument("alsoTestOn")], "test set '\(name)' has the labels \(theirs.joined(separator: ", ")), "
                                       + "but the runs are trained on \(labels.joined(separator: ", ")); a model can only be "
                                       + "tested on the labels it predicts, in its order"))
            }
        }
        for (i, view) in (try a(show) ?? []).enumerated() {
            if case .label(let label) = view, let labels, !labels.contains(label) {
                issues.append(APIIssue([.argument("show"), .index(i)],
                                       "unknown label '\(label)'; the dataset's labels are \(labels.joined(separator: ", "))"))
            }
        }
        for (i, run) in runs.enumerated() {
            if !seen.insert(run.name).inserted {
                issues.append(APIIssue([.argument("runs"), .index(i)], "duplicate run name '\(run.name)'"))
            }
            if run.earlyStopping != nil, let missing = dataset.missingValidation {
                issues.append(APIIssue([.argument("runs"), .index(i), .argument("earlyStopping")],
                                       "early stopping watches the validation loss, but this dataset holds out no validation images "
                                       + "(\(missing)); give it validation images or drop earlyStopping"))
            }
            if let labels {
                issues += run.labelIssues(labels).map { APIIssue([.argument("runs"), .index(i)] + $0.path, $0.message) }
            }
        }
        return issues
    }
}

extension DatasetSpecification {
    /// The argument that leaves the dataset without validation images (`validation: 0`), or nil when it has some.
    var missingValidation: String? {
        switch source {
        case .shapes(let s): return s.validation > 0 ? nil : "validation: 0"
        case .fashionMosaics(let f): return f.validation > 0 ? nil : "validation: 0"
        case .numpy(let d): return d.validationFraction > 0 ? nil : "validationFraction: 0"
        case .idx(let d): return d.validationFraction > 0 ? nil : "validationFraction: 0"
        }
    }
}

extension Run {
    /// `labelProblems`, each issue naming the run's argument.
    public func labelIssues(_ labels: [String]) -> [APIIssue] {
        labelProblems(labels).map { APIIssue([.argument($0.argument)], $0.message) }
    }
}
