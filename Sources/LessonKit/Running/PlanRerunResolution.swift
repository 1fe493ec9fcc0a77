import Experiments
import PlanResolution
import ResultsAssembly
import PortableJSON

/// `lessons_resolve_plan` natively (`RerunResolution`, the module's own code): each pair's
/// cache key exactly as `lessons run` computes it (`RunUnits`, data files fingerprinted)
/// and its `lessons_run_pair` request exactly as `lessons verify` sends it (`PairRequest`).
public enum PlanRerunResolution {
    /// The answer's text for a request's bytes (see `ResolveRequest`); `lessonFolder` locates file
    /// datasets. A request with the published `dataFiles` keys mosaics with them, as the module does.
    public static func answer(_ request: [UInt8], lessonFolder: String? = nil) -> String {
        let published = (try? JSONValue(parsing: request)).flatMap { try? DataFiles.read($0) }
        var units = RunUnits(lessonFolder: lessonFolder, publishedFiles: published?.isEmpty == false ? published : nil)
        let resolution = RerunResolution(
            cacheKeys: { compare throws(ResultsReadError) in
                do {
                    let grid = try units.add(compare)
                    return grid.map { row in row.map { units.units[$0].key } }
                } catch {
                    throw ResultsReadError("\(error)")
                }
            },
            request: { run, replica in
                (try? PairRequest(run: run, dataset: replica.dataset, alsoTestOn: replica.alsoTestOn).text()) ?? ""
            })
        return resolution.answer(request)
    }
}
