import NeuralCore
import Foundation
import Experiments

/// The canonical, resolved description of one run: everything its result depends
/// on and nothing else. Its canonical JSON is what the cache key hashes and what a
/// cache entry must match exactly before it is used.
///
/// The run's name is left out (renaming a run does not retrain it; the cached
/// result takes the current name), while every hyper-parameter, the dataset's full
/// description, NeuralCore's numerics version and the project's version are in.
public struct RunSpec: Codable, Hashable, Sendable {
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

    /// Canonical JSON (sorted keys): the text a cache entry records.
    public func canonical() throws -> String { try CanonicalJSON.string(self) }

    /// SHA-256 of the canonical JSON: the cache key and the hash `results.json` reports.
    public func hash() throws -> String { SHA256.hex(try canonical()) }
}

/// A dataset description as part of a key: its type, its canonical JSON and,
/// for data read from files, a fingerprint of each file (path, size, modification
/// time — what build tools use; hashing a 30 MB image file on every run would cost
/// more than the cache saves).
public struct DatasetKey: Codable, Hashable, Sendable {
    public var kind: String
    public var spec: String
    public var files: [String]

    public init(kind: String, spec: String, files: [String] = []) {
        self.kind = kind
        self.spec = spec
        self.files = files
    }

    /// The key of `source`; `lessonFolder` resolves the relative paths of file-based data.
    public init(_ source: DatasetSource, lessonFolder: String? = nil) throws {
        self.init(kind: String(describing: type(of: source.spec)), spec: try CanonicalJSON.string(source),
                  files: try source.inputFiles(relativeTo: lessonFolder).map(Self.fingerprint))
    }

    public var hash: String { SHA256.hex(([kind, spec] + files).joined(separator: "\n")) }

    static func fingerprint(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(microseconds(modified))"
    }

    /// Seconds with six decimals (`1700000000.123456`), spelled here and not by the
    /// page's number formatter: how a page prints numbers must never move a cache key.
    static func microseconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 9e9 else { return String(seconds) }
        let micros = UInt64((seconds * 1e6).rounded(.toNearestOrAwayFromZero))
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
