import Claims
import Datasets
import Experiments
import PlanCore
import PortableJSON
import PortableRun
import ResultsRendering

/// `results.json` after a rerun in the browser, the bytes `lessons run --set ...` writes:
/// the lesson's parameters and claims resolved with the new values, the (run, seed) pairs
/// trained again, and the published document's results for every pair that did not change.
/// The request (JSON, see `lessons_assemble_results`):
///
///     {"parameters": [{"name", "type", "value", "declaredValue", "overridden"}],
///      "claims": [{"claim", "block", "line", "column", "check"}],     // plan.json's form, resolved
///      "pairs": [{"comparison": 0, "run", "seed", "specHash", "spec"[, "result"]},
///                {"sweep": 0, "point": 2, "run", "seed", "spec"[, "result"]}],
///      "data": [{"comparison": 0, "dataset": D}, {"sweep": 0, "dataset": D}]}      // optional
///
/// A comparison or sweep point the request names is made of exactly its pairs, in their
/// order; one it does not name is the published one. A pair without `result` takes the
/// published result of the same run and seed, which for a comparison must have the same
/// spec hash (a changed pair must come with its new result). `data` names the data of a
/// comparison whose dataset card is made again (D: the dataset its first pair trains on, as
/// `DatasetSource` writes it), or of a sweep that plots the default metrics (D: its first
/// point's), whose rarest label it picks; the others keep the published card and metrics.
public enum Rerun {
    /// `fashion`: the Fashion-MNIST items a mosaic card is drawn from.
    public static func resultsJSON(published: [UInt8], request: [UInt8], fashion: FashionImages? = nil) throws(ResultsReadError) -> String {
        try document(published: parse(published, "results.json"), request: parse(request, "the request"), fashion: fashion).text
    }

    static func document(published p: JSONValue, request r: JSONValue, fashion: FashionImages?) throws(ResultsReadError) -> ResultsDocument {
        try read { () throws(JSONError) in
            let pairs = try r.array("pairs", in: "request").enumerated().map { i, v throws(JSONError) in
                try Pair(v, "request.pairs[\(i)]")
            }
            let comparisons = try p.array("comparisons", in: "")
            var outcome = LessonRunOutcome(comparisons: [], warnings: [], trainedCount: 0, cachedCount: 0)
            for (i, c) in comparisons.enumerated() {
                let path = "comparisons[\(i)]"
                let entries = try c.array("runs", in: path)
                let runs = try series(pairs.filter { $0.place == .comparison(i) }, published: entries, path + ".runs",
                                      checksHashes: true)
                outcome.comparisons.append(ComparisonOutcome(
                    title: try c.string("title", in: path), blockIndex: try c.int("block", in: path),
                    dataset: nil, datasetHash: try c.field("dataset", path).string("hash", in: path + ".dataset"),
                    series: runs.map { $0.series }, specHashes: runs.map { $0.hashes }))
            }
            let sweeps = try p.optionalField("sweeps", "")?.array("sweeps") ?? []
            for (i, s) in sweeps.enumerated() {
                let path = "sweeps[\(i)]"
                let points = try s.array("points", in: path).enumerated().map { j, point throws(JSONError) in
                    try series(pairs.filter { $0.place == .sweepPoint(i, j) }, published: point.array("\(path).points[\(j)]"),
                               "\(path).points[\(j)]", checksHashes: false).map { $0.series }
                }
                outcome.sweeps.append(SweepOutcome(
                    title: try s.string("title", in: path), blockIndex: try s.int("block", in: path),
                    parameter: try s.string("parameter", in: path),
                    values: try s.strings("values", in: path),
                    runNames: points.first?.map { $0.name } ?? [], points: points, metrics: []))
            }
            if let stray = pairs.first(where: { !$0.place.exists(comparisons: comparisons.count, sweeps: sweeps) }) {
                throw JSONError("\(stray.path): no such comparison or sweep point in results.json")
            }
            let claims = try r.array("claims", in: "request").enumerated().map { i, v throws(JSONError) in
                try claim(v, "request.claims[\(i)]")
            }
            let checked = outcome.check(claims)
            let lesson = try p.field("lesson", "")
            let versions = try p.field("versions", "")
            var document = ResultsDocument(
                lessonFile: try lesson.string("file", in: "lesson"),
                title: try lesson.string("title", in: "lesson"),
                versions: .init(lessons: try versions.string("lessons", in: "versions"),
                                numerics: try versions.string("numerics", in: "versions")),
                parameters: try r.array("parameters", in: "request").enumerated().map { i, v throws(JSONError) in
                    try parameter(v, "request.parameters[\(i)]")
                },
                outcome: outcome, expectations: checked.map { $0.checked.record })
            // The files stay those of the published page; cards and sweep metrics are made
            // again from the data the request names, else kept as published.
            let files = try DataFiles.read(p)
            document.dataFiles = files.isEmpty ? nil : files
            let data = try RerunData.read(r, comparisons: comparisons.count, sweeps: sweeps.count)
            for (i, c) in comparisons.enumerated() {
                if let d = data.comparisons[i] {
                    let card = try RerunData.card(d.data, files: files, fashion: fashion, d.path)
                    document.comparisons[i].dataset = ResultsDocument.card(card.summary, hash: card.hash)
                } else {
                    document.comparisons[i].dataset = try dataset(c.field("dataset", ""), "comparisons[\(i)].dataset")
                }
            }
            for (i, s) in sweeps.enumerated() {
                if let d = data.sweeps[i] {
                    document.sweeps?[i].metrics = d.data.defaultSweepMetrics.map { $0.title }
                } else {
                    document.sweeps?[i].metrics = try s.strings("metrics", in: "sweeps[\(i)]")
                }
            }
            return document
        }
    }

    /// One (run, seed) pair of the request.
    struct Pair {
        enum Place: Equatable {
            case comparison(Int)
            case sweepPoint(Int, Int)

            func exists(comparisons: Int, sweeps: [JSONValue]) -> Bool {
                switch self {
                case .comparison(let i): return i >= 0 && i < comparisons
                case let .sweepPoint(i, j):
                    guard i >= 0, i < sweeps.count, case .array(let points)? = sweeps[i]["points"] else { return false }
                    return j >= 0 && j < points.count
                }
            }
        }

        var place: Place
        var run: String
        var seed: Int
        var specHash: String
        var spec: Run
        var result: RunResult?
        var path: String

        init(_ v: JSONValue, _ path: String) throws(JSONError) {
            if let c = try v.optionalField("comparison", path) {
                place = .comparison(try c.int(path + ".comparison"))
            } else if let s = try v.optionalField("sweep", path) {
                place = .sweepPoint(try s.int(path + ".sweep"), try v.int("point", in: path))
            } else {
                throw JSONError("\(path): expected 'comparison', or 'sweep' and 'point'")
            }
            run = try v.string("run", in: path)
            seed = try v.int("seed", in: path)
            specHash = try v.optionalField("specHash", path)?.string(path + ".specHash") ?? ""
            spec = try Run.read(json: v.field("spec", path), path + ".spec")
            result = try v.optionalField("result", path).map { r throws(JSONError) in try Rerun.result(r, path + ".result") }
            self.path = path
        }
    }

    /// The runs of one comparison or sweep point: the request's pairs when it names any,
    /// else the published entries.
    static func series(_ pairs: [Pair], published entries: [JSONValue], _ path: String,
                       checksHashes: Bool) throws(JSONError) -> [(series: RunSeries, hashes: [String])] {
        guard !pairs.isEmpty else {
            return try entries.enumerated().map { i, entry throws(JSONError) in try publishedSeries(entry, "\(path)[\(i)]") }
        }
        var names: [String] = []
        for pair in pairs where !names.contains(pair.run) { names.append(pair.run) }
        return try names.map { name throws(JSONError) in
            let own = pairs.filter { $0.run == name }
            let entry = entries.first { $0["name"] == .string(name) }
            let results = try own.map { pair throws(JSONError) in
                // Named after its run, as `lessons run` names every result: one training may serve
                // two pairs of one spec (a browser trains each spec hash once).
                if var result = pair.result { result.name = name; return result }
                guard let entry, let (hash, result) = try publishedSeed(entry, seed: pair.seed, path) else {
                    throw JSONError("\(pair.path): run '\(name)' seed \(pair.seed) has no result (none given, none published)")
                }
                if checksHashes, hash != pair.specHash {
                    throw JSONError("\(pair.path): run '\(name)' seed \(pair.seed) changed (spec \(pair.specHash), published \(hash)); give its result")
                }
                return result
            }
            var spec = own[0].spec
            spec.name = name
            return (RunSeries(name: name, run: spec, seeds: own.map { $0.seed }, results: results), own.map { $0.specHash })
        }
    }

    /// A published run entry as it stands.
    static func publishedSeries(_ entry: JSONValue, _ path: String) throws(JSONError) -> (series: RunSeries, hashes: [String]) {
        let name = try entry.string("name", in: path)
        let spec = try Run.read(json: entry.field("spec", path), path + ".spec")
        guard let seeds = try entry.optionalField("seeds", path)?.array(path + ".seeds") else {
            return (RunSeries(name: name, run: spec, seeds: [spec.seed], results: [try result(entry.field("result", path), path + ".result")]),
                    [try entry.string("specHash", in: path)])
        }
        guard !seeds.isEmpty else { throw JSONError("\(path).seeds: no seeds") }
        var numbers: [Int] = [], results: [RunResult] = [], hashes: [String] = []
        for (i, s) in seeds.enumerated() {
            let p = "\(path).seeds[\(i)]"
            numbers.append(try s.int("seed", in: p))
            hashes.append(try s.string("specHash", in: p))
            results.append(try result(s.field("result", p), p + ".result"))
        }
        return (RunSeries(name: name, run: spec, seeds: numbers, results: results), hashes)
    }

    /// The published result of `seed` in a run entry, with its spec hash (nil: not published).
    static func publishedSeed(_ entry: JSONValue, seed: Int, _ path: String) throws(JSONError) -> (String, RunResult)? {
        guard let seeds = try entry.optionalField("seeds", path)?.array(path) else {
            let spec = try entry.field("spec", path)
            guard try spec.int("seed", in: path + ".spec") == seed else { return nil }
            return (try entry.string("specHash", in: path), try result(entry.field("result", path), path))
        }
        for s in seeds {
            if try s.int("seed", in: path) == seed {
                return (try s.string("specHash", in: path), try result(s.field("result", path), path))
            }
        }
        return nil
    }

    static func result(_ v: JSONValue, _ path: String) throws(JSONError) -> RunResult {
        do { return try RunResult(resultsJSON: v, path: path) } catch { throw JSONError(error.message) }
    }

    static func claim(_ v: JSONValue, _ path: String) throws(JSONError) -> Expectation {
        let claim = PlanClaim(claim: try v.string("claim", in: path), blockIndex: try v.int("block", in: path),
                              location: SourceLocation(line: try v.int("line", in: path),
                                                       column: try v.int("column", in: path)),
                              check: try v.field("check", path))
        do { return try Expectation(claim) } catch { throw JSONError("\(path): \(error.message)") }
    }

    static func parameter(_ v: JSONValue, _ path: String) throws(JSONError) -> ResultsDocument.Parameter {
        return ResultsDocument.Parameter(name: try v.string("name", in: path), type: try v.string("type", in: path),
                                         value: try v.string("value", in: path),
                                         declaredValue: try v.string("declaredValue", in: path),
                                         overridden: try v.bool("overridden", in: path))
    }

    static func dataset(_ v: JSONValue, _ path: String) throws(JSONError) -> ResultsDocument.Dataset {
        return ResultsDocument.Dataset(
            kind: try v.string("kind", in: path), hash: try v.string("hash", in: path),
            labels: try v.strings("labels", in: path), train: try v.int("train", in: path),
            validation: try v.int("validation", in: path), test: try v.int("test", in: path),
            trainPrevalence: try v.doubles("trainPrevalence", in: path),
            testPrevalence: try v.doubles("testPrevalence", in: path), labelCountShares: try v.doubles("labelCountShares", in: path))
    }

    private static func parse(_ bytes: [UInt8], _ name: String) throws(ResultsReadError) -> JSONValue {
        do { return try JSONValue(parsing: bytes) } catch { throw ResultsReadError("\(name): \(error.description)") }
    }

    private static func read<T>(_ body: () throws(JSONError) -> T) throws(ResultsReadError) -> T {
        do { return try body() } catch { throw ResultsReadError(error.description) }
    }
}

/// Reads of a field named by its place, one call each (lean in the module: no path built inline).
extension JSONValue {
    @inline(never) func string(_ key: String, in path: String) throws(JSONError) -> String {
        try field(key, path).string(Self.place(key, path))
    }
    @inline(never) func int(_ key: String, in path: String) throws(JSONError) -> Int { try field(key, path).int(Self.place(key, path)) }
    @inline(never) func bool(_ key: String, in path: String) throws(JSONError) -> Bool { try field(key, path).bool(Self.place(key, path)) }
    @inline(never) func strings(_ key: String, in path: String) throws(JSONError) -> [String] {
        try field(key, path).strings(Self.place(key, path))
    }
    @inline(never) func doubles(_ key: String, in path: String) throws(JSONError) -> [Double] {
        try field(key, path).doubles(Self.place(key, path))
    }
    @inline(never) func array(_ key: String, in path: String) throws(JSONError) -> [JSONValue] {
        try field(key, path).array(Self.place(key, path))
    }

    private static func place(_ key: String, _ path: String) -> String { path.isEmpty ? key : path + "." + key }
}
