import PortableJSON
import Experiments
import NeuralCore
import Datasets

/// One (run, seed) pair from JSON to JSON: the code `lessons verify` runs natively and
/// lessons.wasm runs in node or a browser, so the two can be compared bit for bit.
///
/// The request is `{"run": R, "dataset": D}`, R and D written as `Run` and `DatasetSource`
/// write themselves natively (Codable; the run already carries the replica's seed, the
/// dataset its redrawn seed). The answer is the `RunResult`, as its Codable form.
public enum PairRun {
    public struct Request: Sendable {
        public var run: Run
        public var dataset: PairData
        /// `"alsoTestOn": [{"name", "dataset"}]`: more test sets the model is measured on.
        public var alsoTestOn: [(name: String, dataset: PairData)] = []
    }

    public static func request(_ bytes: [UInt8]) throws(PairError) -> Request {
        do {
            let v = try JSONValue(parsing: bytes)
            var request = Request(run: try Run.read(json: v.field("run", "request"), "run"), dataset: try PairData(source: v.field("dataset", "request")))
            for (i, other) in (try v.optionalField("alsoTestOn", "request")?.array("request.alsoTestOn") ?? []).enumerated() {
                let path = "request.alsoTestOn[\(i)]"
                request.alsoTestOn.append((try other.field("name", path).string(path + ".name"),
                                           try PairData(source: other.field("dataset", path))))
            }
            return request
        } catch {
            throw PairError(error.description)
        }
    }

    /// The request's data; mosaics are drawn from `fashion`.
    public static func dataset(_ request: Request, fashion: FashionImages? = nil) throws(PairError) -> Dataset {
        try request.dataset.generate(fashion: fashion)
    }

    /// Trains and measures the pair; the result's JSON text. Mosaics are drawn from `fashion`.
    public static func execute(_ bytes: [UInt8], fashion: FashionImages? = nil, clock: RunClock = .standard) throws(PairError) -> String {
        let request = try request(bytes)
        var others: [(name: String, dataset: Dataset)] = []
        for other in request.alsoTestOn { others.append((other.name, try other.dataset.generate(fashion: fashion))) }
        return RunExecutor.execute(request.run, on: try dataset(request, fashion: fashion), alsoTestOn: others, clock: clock).json.text
    }
}

/// A request that cannot be run, with the reason (and where in the request).
public struct PairError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
