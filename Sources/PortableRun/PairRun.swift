import PortableJSON
import Experiments
import NeuralCore

/// One (run, seed) pair from JSON to JSON: the code `lessons verify` runs natively and
/// lessons.wasm runs in node or a browser, so the two can be compared bit for bit.
///
/// The request is `{"run": R, "dataset": D}`, R and D written as `Run` and `DatasetSource`
/// write themselves natively (Codable; the run already carries the replica's seed, the
/// dataset its redrawn seed). The answer is the `RunResult`, as its Codable form.
public enum PairRun {
    public struct Request: Sendable {
        public var run: Run
        public var shapes: Shapes
        /// `"alsoTestOn": [{"name", "dataset"}]`: more test sets the model is measured on.
        public var alsoTestOn: [(name: String, shapes: Shapes)] = []
    }

    public static func request(_ bytes: [UInt8]) throws(PairError) -> Request {
        do {
            let v = try JSONValue(parsing: bytes)
            var request = Request(run: try Run.read(json: v.field("run", "request"), "run"), shapes: try Shapes(source: v.field("dataset", "request")))
            for (i, other) in (try v.optionalField("alsoTestOn", "request")?.array("request.alsoTestOn") ?? []).enumerated() {
                let path = "request.alsoTestOn[\(i)]"
                request.alsoTestOn.append((try other.field("name", path).string(path + ".name"),
                                           try Shapes(source: other.field("dataset", path))))
            }
            return request
        } catch {
            throw PairError(error.description)
        }
    }

    /// The request's generated data.
    public static func dataset(_ request: Request) throws(PairError) -> Dataset {
        do { return try request.shapes.generate().dataset } catch { throw PairError(error.description) }
    }

    /// Trains and measures the pair; the result's JSON text.
    public static func execute(_ bytes: [UInt8], clock: RunClock = .standard) throws(PairError) -> String {
        let request = try request(bytes)
        var others: [(name: String, dataset: Dataset)] = []
        for other in request.alsoTestOn {
            do { others.append((other.name, try other.shapes.generate().dataset)) } catch { throw PairError(error.description) }
        }
        return RunExecutor.execute(request.run, on: try dataset(request), alsoTestOn: others, clock: clock).json.text
    }
}

/// A request that cannot be run, with the reason (and where in the request).
public struct PairError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
