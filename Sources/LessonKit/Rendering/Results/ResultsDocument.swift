import NeuralCore
import Foundation
import Experiments
import NeuralCore

/// `results.json`, written next to each lesson page for dashboards and graders.
/// The schema is documented in `docs/results-json.md`; fields are only ever added.
/// Everything in it is a pure function of the lesson and its overrides except
/// `timings` inside each run, the one field that varies between identical runs.
public struct ResultsDocument: Codable, Equatable, Sendable {
    public static let schema = "lessons.results/1"

    public var schema = ResultsDocument.schema
    public var lesson: LessonInfo
    public var versions: Versions
    public var parameters: [Parameter]
    public var comparisons: [Comparison]
    public var expectations: [ExpectationRecord]
    /// "passed" when every run completed and every expectation held, else "failed".
    public var status: String

    public struct LessonInfo: Codable, Equatable, Sendable {
        /// The lesson file's name (no folders: pages carry no absolute paths).
        public var file: String
        public var title: String
    }

    public struct Versions: Codable, Equatable, Sendable {
        public var lessons: String
        public var numerics: String
    }

    public struct Parameter: Codable, Equatable, Sendable {
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

    public struct Comparison: Codable, Equatable, Sendable {
        public var title: String
        /// 0-based index of the lesson block that declared it.
        public var block: Int
        public var dataset: Dataset
        public var runs: [RunEntry]
    }

    public struct Dataset: Codable, Equatable, Sendable {
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
    }

    public struct RunEntry: Codable, Equatable, Sendable {
        public var name: String
        /// The cache key: SHA-256 of the run's canonical resolved spec.
        public var specHash: String
        /// The resolved run (every default filled in).
        public var spec: Run
        public var result: RunResult
    }

    /// The result of one `expect(...)`.
    public struct ExpectationRecord: Codable, Equatable, Sendable {
        public var line: Int
        public var column: Int
        /// The claim as written in the lesson.
        public var source: String
        public var passed: Bool
        /// What was compared, with the actual values ("got 0.41 vs 0.57").
        public var detail: String
        /// Each comparison's two sides and margin, apart (absent when the claim compares nothing).
        public var values: [ClaimValues]?

        public init(line: Int, column: Int, source: String, passed: Bool, detail: String, values: [ClaimValues]? = nil) {
            self.line = line
            self.column = column
            self.source = source
            self.passed = passed
            self.detail = detail
            self.values = values
        }
    }

    public init(lessonFile: String, title: String, parameters: [Parameter], outcome: LessonRunOutcome,
                runsByComparison: [[Run]], expectations: [ExpectationRecord]) {
        lesson = LessonInfo(file: lessonFile, title: title)
        versions = Versions(lessons: RunSpec.projectVersion, numerics: NeuralCore.numericsVersion)
        self.parameters = parameters
        comparisons = zip(outcome.comparisons, runsByComparison).map { comparison, runs in
            let d = comparison.dataset
            return Comparison(
                title: comparison.title, block: comparison.blockIndex,
                dataset: Dataset(kind: d?.kind ?? "", hash: comparison.datasetHash, labels: d?.labels ?? [],
                                 train: d?.trainCount ?? 0, validation: d?.validationCount ?? 0, test: d?.testCount ?? 0,
                                 trainPrevalence: d?.trainPrevalence ?? [], testPrevalence: d?.testPrevalence ?? [],
                                 labelCountShares: d?.labelCountShares ?? []),
                runs: zip(runs, zip(comparison.runs, comparison.specHashes)).map { run, pair in
                    RunEntry(name: run.name, specHash: pair.1, spec: run, result: pair.0)
                })
        }
        self.expectations = expectations
        let ok = outcome.failedRuns.isEmpty && expectations.allSatisfy(\.passed)
        status = ok ? "passed" : "failed"
    }

    /// Pretty, sorted-key JSON with a final newline.
    public func encoded() throws -> Data {
        var data = try CanonicalJSON.encode(self, pretty: true)
        data.append(0x0A)
        return data
    }

    /// The same document with every run's timings zeroed (for comparing two invocations).
    public var withoutTimings: ResultsDocument {
        var copy = self
        for c in copy.comparisons.indices {
            for r in copy.comparisons[c].runs.indices {
                copy.comparisons[c].runs[r].result = copy.comparisons[c].runs[r].result.withoutTimings
            }
        }
        return copy
    }
}
