import Experiments
import ResultsRendering

/// The lesson's work cut into (run, seed) units: every comparison's runs once
/// per seed, and every sweep point's runs once per seed. Units with the same
/// resolved spec are one unit — a sweep point equal to the lesson's own value
/// reuses the comparison's runs — so nothing trains twice in one invocation.
struct RunUnits {
    struct Unit {
        var run: Run
        var dataset: DatasetSource
        var datasetKey: DatasetKey
        /// The other test sets (`Compare(alsoTestOn:)`), with their keys.
        var alsoTestOn: [(name: String, dataset: DatasetSource, key: DatasetKey)] = []
        var key: String
        var canonical: String
        /// What progress calls it: `pos_weight · seed 3`.
        var display: String
    }

    /// Unique units in first-use order.
    private(set) var units: [Unit] = []
    private var index: [String: Int] = [:]
    private var datasetKeys: [DatasetSource: DatasetKey] = [:]
    private let lessonFolder: String?
    /// Published fingerprints (results.json's `dataFiles`) to key mosaics with instead of the
    /// files' own: what lessons.wasm does, so a rerun's keys need no file.
    private let publishedFiles: [ResultsDocument.DataFileSet]?

    init(lessonFolder: String?, publishedFiles: [ResultsDocument.DataFileSet]? = nil) {
        self.lessonFolder = lessonFolder
        self.publishedFiles = publishedFiles
    }

    /// The key of a dataset description (files fingerprinted once per invocation).
    mutating func datasetKey(_ source: DatasetSource) throws -> DatasetKey {
        if let k = datasetKeys[source] { return k }
        var published: DatasetKey?
        if let publishedFiles, let data = source.pairData, let files = data.fingerprints(in: publishedFiles) {
            published = DatasetKey(data, files: files)
        }
        let k = try published ?? DatasetKey(source, lessonFolder: lessonFolder)
        datasetKeys[source] = k
        return k
    }

    /// The fingerprints of the files mosaics are drawn from, one set per folder (results.json's
    /// `dataFiles`: lessons.wasm hashes a rerun's mosaics with them).
    var dataFiles: [ResultsDocument.DataFileSet] {
        var byFolder: [String: ResultsDocument.DataFileSet] = [:]
        for (source, key) in datasetKeys where !key.files.isEmpty {
            guard case .fashionMosaics(let mosaics) = source else { continue }
            byFolder[mosaics.folder ?? ""] = ResultsDocument.DataFileSet(kind: key.kind, folder: mosaics.folder, files: key.files)
        }
        return byFolder.keys.sorted().map { byFolder[$0]! }
    }

    /// The unit index of each (replica, run) of `compare`: `[run][seed]`.
    mutating func add(_ compare: Compare, context: String? = nil) throws -> [[Int]] {
        var grid = [[Int]](repeating: [], count: compare.runs.count)
        for replica in compare.replicas {
            let key = try datasetKey(replica.dataset)
            let others = try replica.alsoTestOn.map { ($0.name, $0.dataset, try datasetKey($0.dataset)) }
            let otherKeys = Dictionary(uniqueKeysWithValues: others.map { ($0.0, $0.2) })
            for (r, run) in replica.runs.enumerated() {
                let spec = RunSpec(run: run, dataset: key, alsoTestOn: otherKeys)
                let hash = spec.hash()
                if let existing = index[hash] {
                    grid[r].append(existing)
                    continue
                }
                var display = run.name
                if let context { display += " · " + context }
                if let seed = replica.seed { display += " · seed \(seed)" }
                index[hash] = units.count
                grid[r].append(units.count)
                units.append(Unit(run: run, dataset: replica.dataset, datasetKey: key, alsoTestOn: others, key: hash,
                                  canonical: spec.canonical(), display: display))
            }
        }
        return grid
    }
}
