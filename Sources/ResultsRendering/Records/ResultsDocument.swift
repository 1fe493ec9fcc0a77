import Experiments

/// `results.json`, written next to each lesson page for dashboards and graders.
/// The schema is documented in `docs/results-json.md`; fields are only ever added.
/// Everything in it is a pure function of the lesson and its overrides except
/// `timings` inside each run, the one field that varies between identical runs.
public struct ResultsDocument: Equatable, Sendable {
    public static let schema = "lessons.results/1"

    public var schema = ResultsDocument.schema
    public var lesson: LessonInfo
    public var versions: Versions
    public var parameters: [Parameter]
    public var comparisons: [Comparison]
    /// Sweeps in lesson order; absent when the lesson has none.
    public var sweeps: [SweepRecord]?
    public var expectations: [ExpectationRecord]
    /// "passed" when every run completed and every expectation held, else "failed".
    public var status: String
    /// The fingerprints of the files data is drawn from that lessons.wasm can make again
    /// (Fashion-MNIST mosaics), part of their runs' spec hashes; absent when there are none.
    public var dataFiles: [DataFileSet]?

    public struct LessonInfo: Equatable, Sendable {
        /// The lesson file's name (no folders: pages carry no absolute paths).
        public var file: String
        public var title: String

        public init(file: String, title: String) {
            self.file = file
            self.title = title
        }
    }

    public struct Versions: Equatable, Sendable {
        public var lessons: String
        public var numerics: String

        public init(lessons: String, numerics: String) {
            self.lessons = lessons
            self.numerics = numerics
        }
    }

    public struct Parameter: Equatable, Sendable {
        public var name: String
        public var type: String
        /// Swift source of the effective value.
        public var value: String
        public var declaredValue: String
        public var overridden: Bool

        public init(name: String, type: String, value: String, declaredValue: String, overridden: Bool) {
            self.name = name
            self.type = type
            self.value = value
            self.declaredValue = declaredValue
            self.overridden = overridden
        }
    }

    public struct Comparison: Equatable, Sendable {
        public var title: String
        /// 0-based index of the lesson block that declared it.
        public var block: Int
        public var dataset: Dataset
        public var runs: [RunEntry]

        public init(title: String, block: Int, dataset: Dataset, runs: [RunEntry]) {
            self.title = title
            self.block = block
            self.dataset = dataset
            self.runs = runs
        }
    }

    public struct Dataset: Equatable, Sendable {
        public var kind: String
        /// SHA-256 of the dataset description.
        public var hash: String
        public var labels: [String]
        public var train: Int
        public var validation: Int
        public var test: Int
        public var trainPrevalence: [Double]
        public var testPrevalence: [Double]
        /// Share of training images with 0, 1, ≥2 labels.
        public var labelCountShares: [Double]

        public init(kind: String, hash: String, labels: [String], train: Int, validation: Int, test: Int, trainPrevalence: [Double], testPrevalence: [Double], labelCountShares: [Double]) {
            self.kind = kind
            self.hash = hash
            self.labels = labels
            self.train = train
            self.validation = validation
            self.test = test
            self.trainPrevalence = trainPrevalence
            self.testPrevalence = testPrevalence
            self.labelCountShares = labelCountShares
        }
    }

    public struct RunEntry: Equatable, Sendable {
        public var name: String
        /// The cache key: SHA-256 of the run's canonical resolved spec (the first seed's).
        public var specHash: String
        /// The resolved run (every default filled in; the first seed's).
        public var spec: Run
        /// The first seed's result (the only one without `seeds`).
        public var result: RunResult
        /// Every seed's result, when the comparison has `seeds:` with more than one.
        public var seeds: [SeedEntry]?
        /// Statistics over the seeds, when there are several.
        public var aggregate: RunAggregate?

        public init(name: String, specHash: String, spec: Run, result: RunResult, seeds: [SeedEntry]?, aggregate: RunAggregate?) {
            self.name = name
            self.specHash = specHash
            self.spec = spec
            self.result = result
            self.seeds = seeds
            self.aggregate = aggregate
        }
    }

    /// One seed of a multi-seed run.
    public struct SeedEntry: Equatable, Sendable {
        public var seed: Int
        public var specHash: String
        public var result: RunResult

        public init(seed: Int, specHash: String, result: RunResult) {
            self.seed = seed
            self.specHash = specHash
            self.result = result
        }
    }

    /// The files one dataset description reads, fingerprinted as its key stamps them
    /// (`path size mtime`): what a rerun in the browser, which keeps the files, hashes with.
    public struct DataFileSet: Equatable, Sendable {
        /// The description's type: "FashionMosaics".
        public var kind: String
        /// Its `folder` argument (nil: the system copy).
        public var folder: String?
        public var files: [String]

        public init(kind: String, folder: String?, files: [String]) {
            self.kind = kind
            self.folder = folder
            self.files = files
        }
    }

    /// One `Sweep(...)`: its parameter, values and each point's runs.
    public struct SweepRecord: Equatable, Sendable {
        public var title: String
        public var block: Int
        public var parameter: String
        /// Swift source of each value, in order.
        public var values: [String]
        public var metrics: [String]
        /// `points[value]`: the swept runs at that value.
        public var points: [[RunEntry]]

        public init(title: String, block: Int, parameter: String, values: [String], metrics: [String], points: [[RunEntry]]) {
            self.title = title
            self.block = block
            self.parameter = parameter
            self.values = values
            self.metrics = metrics
            self.points = points
        }
    }

    /// The result of one `expect(...)`.
    public struct ExpectationRecord: Equatable, Sendable {
        public var line: Int
        public var column: Int
        /// The claim as written in the lesson.
        public var source: String
        public var passed: Bool
        /// What was compared, with the actual values ("got 0.41 vs 0.57"), or for a
        /// per-seed claim how many seeds it held in.
        public var detail: String
        /// `inAtLeast:` of a per-seed claim.
        public var required: Int?
        /// Each seed's check of a per-seed claim.
        public var seeds: [SeedCheck]?
        /// Each comparison's two sides and margin, apart (absent when the claim compares nothing).
        public var values: [ClaimValues]?
        /// True for a claim marked as true by construction (absent otherwise).
        public var sanityCheck: Bool?

        public init(line: Int, column: Int, source: String, passed: Bool, detail: String, required: Int? = nil,
                    seeds: [SeedCheck]? = nil, values: [ClaimValues]? = nil, sanityCheck: Bool? = nil) {
            self.line = line
            self.column = column
            self.source = source
            self.passed = passed
            self.detail = detail
            self.required = required
            self.seeds = seeds
            self.values = values
            self.sanityCheck = sanityCheck
        }
    }

    public init(lesson: LessonInfo, versions: Versions, parameters: [Parameter], comparisons: [Comparison],
                sweeps: [SweepRecord]?, expectations: [ExpectationRecord], status: String, dataFiles: [DataFileSet]? = nil) {
        self.lesson = lesson
        self.versions = versions
        self.parameters = parameters
        self.comparisons = comparisons
        self.sweeps = sweeps
        self.expectations = expectations
        self.status = status
        self.dataFiles = dataFiles
    }

    /// The same document with every run's timings zeroed (for comparing two invocations).
    public var withoutTimings: ResultsDocument {
        var copy = self
        func strip(_ entry: inout RunEntry) {
            entry.result = entry.result.withoutTimings
            if let seeds = entry.seeds { entry.seeds = seeds.map { var s = $0; s.result = s.result.withoutTimings; return s } }
        }
        for c in copy.comparisons.indices {
            for r in copy.comparisons[c].runs.indices { strip(&copy.comparisons[c].runs[r]) }
        }
        if let sweeps = copy.sweeps {
            copy.sweeps = sweeps.map { sweep in
                var s = sweep
                s.points = s.points.map { $0.map { var e = $0; strip(&e); return e } }
                return s
            }
        }
        return copy
    }
}

#if !hasFeature(Embedded)
/// The JSON form (native only: Embedded Swift has no Codable).
extension ResultsDocument: Codable {}
extension ResultsDocument.LessonInfo: Codable {}
extension ResultsDocument.Versions: Codable {}
extension ResultsDocument.Parameter: Codable {}
extension ResultsDocument.Comparison: Codable {}
extension ResultsDocument.Dataset: Codable {}
extension ResultsDocument.DataFileSet: Codable {}
extension ResultsDocument.RunEntry: Codable {}
extension ResultsDocument.SeedEntry: Codable {}
extension ResultsDocument.SweepRecord: Codable {}
extension ResultsDocument.ExpectationRecord: Codable {}
#endif
