import Datasets
import Experiments
import PortableJSON
import PortableRun
import ResultsRendering

/// A rerun's data (`Rerun`'s `data`): the dataset descriptions whose cards and sweep
/// metrics are made again, by comparison and by sweep.
struct RerunData {
    struct Entry {
        var data: PairData
        var path: String
    }

    var comparisons: [Entry?]
    var sweeps: [Entry?]

    static func read(_ request: JSONValue, comparisons: Int, sweeps: Int) throws(JSONError) -> RerunData {
        var out = RerunData(comparisons: Array(repeating: nil, count: comparisons), sweeps: Array(repeating: nil, count: sweeps))
        for (i, v) in (try request.optionalField("data", "request")?.array("request.data") ?? []).enumerated() {
            let path = "request.data[\(i)]"
            let entry = Entry(data: try PairData(source: v.field("dataset", path), path + ".dataset"), path: path)
            if let c = try v.optionalField("comparison", path) {
                let index = try c.int(path + ".comparison")
                guard index >= 0, index < comparisons else { throw JSONError("\(path): no comparison \(index) in results.json") }
                out.comparisons[index] = entry
            } else if let s = try v.optionalField("sweep", path) {
                let index = try s.int(path + ".sweep")
                guard index >= 0, index < sweeps else { throw JSONError("\(path): no sweep \(index) in results.json") }
                out.sweeps[index] = entry
            } else {
                throw JSONError("\(path): expected 'comparison' or 'sweep'")
            }
        }
        return out
    }

    /// The card of `data`, hashed with the published fingerprints of its files.
    static func card(_ data: PairData, files: [ResultsDocument.DataFileSet], fashion: FashionImages?,
                     _ path: String) throws(JSONError) -> DatasetCard {
        guard let fingerprints = data.fingerprints(in: files) else {
            throw JSONError("\(path): results.json publishes no fingerprints of the files these mosaics are drawn from "
                            + "(dataFiles has no FashionMosaics with folder '\(data.folder ?? "")')")
        }
        do { return try DatasetCard(data, files: fingerprints, fashion: fashion) } catch {
            throw JSONError("\(path): \(error.description)")
        }
    }
}

/// The published fingerprints of the files data is drawn from (`results.json`'s `dataFiles`).
public enum DataFiles {
    public static func read(_ published: JSONValue) throws(JSONError) -> [ResultsDocument.DataFileSet] {
        try (published.optionalField("dataFiles", "")?.array("dataFiles") ?? []).enumerated().map { i, v throws(JSONError) in
            let path = "dataFiles[\(i)]"
            return ResultsDocument.DataFileSet(kind: try v.string("kind", in: path),
                                               folder: try v.optionalField("folder", path)?.string(path + ".folder"),
                                               files: try v.strings("files", in: path))
        }
    }
}

extension PairData {
    /// The fingerprints of the files this data is drawn from, as published: a rerun keeps the
    /// page's files, so mosaics from the same folder hash with the same files (none for Shapes;
    /// nil for mosaics from a folder the page did not read).
    public func fingerprints(in sets: [ResultsDocument.DataFileSet]) -> [String]? {
        guard case .fashionMosaics(let mosaics) = self else { return [] }
        return sets.first { $0.kind == kind && $0.folder == mosaics.folder }?.files
    }

    /// Mosaics' `folder` (nil for Shapes, and for the system copy).
    var folder: String? {
        if case .fashionMosaics(let mosaics) = self { return mosaics.folder }
        return nil
    }

    /// What a sweep on this data plots by default: macro-F1, mAP, and its rarest label's recall and precision.
    public var defaultSweepMetrics: [SweepMetric] {
        SweepMetric.defaults(rarest: SweepMetric.rarestLabel(prevalence: prevalence, labels: labels))
    }
}
