import NeuralCore
import Experiments
import PortableHash
import PortableJSON

/// The canonical, resolved description of one run: everything its result depends
/// on and nothing else. Its canonical JSON is what the cache key hashes and what a
/// cache entry must match exactly before it is used.
///
/// The run's name is left out (renaming a run does not retrain it; the cached
/// result takes the current name), while every hyper-parameter, the dataset's full
/// description, NeuralCore's numerics version and the project's version are in.
/// Portable: lessons.wasm computes the same keys (`specHash` in results.json) as
/// `lessons run`, from the same text, written without Foundation.
public struct RunSpec: Hashable, Sendable {
    /// Bump when results change meaning without any field here changing.
    public static let projectVersion = "lessons-0.1.2"

    public var run: Run
    public var dataset: DatasetKey
    /// The other test sets it is measured on (`Compare(alsoTestOn:)`), by name; nil (left out
    /// of the key) without any, so every other run keeps its key.
    public var alsoTestOn: [String: DatasetKey]?
    public var numericsVersion: String
    public var projectVersion: String

    public init(run: Run, dataset: DatasetKey, alsoTestOn: [String: DatasetKey]? = nil,
                numericsVersion: String = NeuralCore.numericsVersion, projectVersion: String = RunSpec.projectVersion) {
        var anonymous = run
        anonymous.name = ""
        self.run = anonymous
        self.dataset = dataset
        self.alsoTestOn = alsoTestOn?.isEmpty == true ? nil : alsoTestOn
        self.numericsVersion = numericsVersion
        self.projectVersion = projectVersion
    }

    /// The spec as its Codable form writes it (`RunSpecTests` checks the text against `CanonicalJSON`).
    public var json: JSONValue {
        var fields: [String: JSONValue] = ["run": run.json, "dataset": dataset.json, "numericsVersion": .string(numericsVersion),
                                           "projectVersion": .string(projectVersion)]
        if let alsoTestOn { fields["alsoTestOn"] = .object(alsoTestOn.mapValues { $0.json }) }
        return .object(fields)
    }

    /// Canonical JSON (sorted keys, Foundation's spelling of every number and string): the text a cache entry records.
    public func canonical() -> String { json.text }

    /// SHA-256 of the canonical JSON: the cache key and the hash `results.json` reports.
    public func hash() -> String { SHA256.hex(canonical()) }
}

#if !hasFeature(Embedded)
/// Natively also Codable: what `CanonicalJSON` (Foundation) writes, the reference the portable text is tested against.
extension RunSpec: Codable {}
#endif
