import Experiments
import PortableJSON
import PortableRun
import ResultsAssembly
import ResultsRendering

/// The cache keys and pair requests lessons.wasm computes itself, where no file can be read:
/// data it makes (Shapes, Fashion-MNIST mosaics) is keyed with the fingerprints of the files
/// mosaics are drawn from as the published results.json gives them (`dataFiles`), so each key
/// is the one `lessons run` computed; a request is the text `PairRequest` writes.
extension RerunResolution {
    /// `lessons_resolve_plan` in the module: the request may carry the published `dataFiles`
    /// (results.json's field, as is), which a lesson drawing Fashion-MNIST mosaics needs.
    public static func moduleAnswer(_ request: [UInt8]) -> String {
        let dataFiles: [ResultsDocument.DataFileSet]
        do { dataFiles = try DataFiles.read(try JSONValue(parsing: request)) } catch {
            return ResolutionAnswer.errors([ResolutionAnswer.Problem(message: "the request: " + error.description, parameter: nil)])
        }
        return module(dataFiles: dataFiles).answer(request)
    }

    public static func module(dataFiles: [ResultsDocument.DataFileSet]) -> RerunResolution {
        func key(_ source: DatasetSource) throws(ResultsReadError) -> DatasetKey {
            guard let data = source.pairData else {
                throw ResultsReadError("\(source.kind) reads the lesson's own files, which a browser rerun cannot")
            }
            guard let files = data.fingerprints(in: dataFiles) else {
                throw ResultsReadError("results.json publishes no fingerprints of the files these mosaics are drawn from (dataFiles)")
            }
            return DatasetKey(data, files: files)
        }
        return RerunResolution(
            cacheKeys: { compare throws(ResultsReadError) in
                var keys = [[String]](repeating: [], count: compare.runs.count)
                for replica in compare.replicas {
                    let dataset = try key(replica.dataset)
                    var others: [String: DatasetKey] = [:]
                    for other in replica.alsoTestOn { others[other.name] = try key(other.dataset) }
                    for (r, run) in replica.runs.enumerated() {
                        keys[r].append(RunSpec(run: run, dataset: dataset, alsoTestOn: others).hash())
                    }
                }
                return keys
            },
            request: { run, replica in
                var f: [String: JSONValue] = ["run": run.json, "dataset": replica.dataset.json]
                if !replica.alsoTestOn.isEmpty {
                    f["alsoTestOn"] = .array(replica.alsoTestOn.map { .object(["name": .string($0.name), "dataset": $0.dataset.json]) })
                }
                return JSONValue.object(f).text
            })
    }
}
