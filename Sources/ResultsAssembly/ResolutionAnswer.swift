import Claims
import Experiments
import PortableJSON
import PortableRun
import ResultsRendering

/// `lessons_resolve_plan`'s answer: a lesson's plan resolved with typed values,
/// as a browser rerun needs it. `parameters`, `claims` and each pair's place,
/// `run`, `seed`, `specHash` and `spec` are what `Rerun` reads back (see its
/// doc comment); each pair's `request` is `lessons_run_pair`'s request for it,
/// as text, byte for byte what `lessons verify` sends:
///
///     {"parameters": [...], "claims": [...],
///      "pairs": [{"comparison": 0, "run", "seed", "specHash", "spec", "request"},
///                {"sweep": 0, "point": 1, "run", "seed", "specHash", "spec", "request"}]}
///     {"errors": [{"message": "51:5: --set epochs=abc: ...", "parameter": "epochs"}]}
public enum ResolutionAnswer {
    /// One (run, seed) pair of the resolved lesson.
    public struct Pair: Sendable {
        public enum Place: Sendable, Equatable {
            case comparison(Int)
            case sweepPoint(Int, Int)
        }

        public var place: Place
        /// The run as that seed trains it (its `seed` is the pair's).
        public var spec: Run
        public var seed: Int
        /// The cache key (`RunSpec.hash()`).
        public var specHash: String
        /// `lessons_run_pair`'s request, as text.
        public var request: String

        public init(place: Place, spec: Run, seed: Int, specHash: String, request: String) {
            self.place = place
            self.spec = spec
            self.seed = seed
            self.specHash = specHash
            self.request = request
        }
    }

    /// One problem with the values: its message (located as `lessons run` prints it) and the parameter it is about.
    public struct Problem: Sendable {
        public var message: String
        public var parameter: String?

        public init(message: String, parameter: String?) {
            self.message = message
            self.parameter = parameter
        }
    }

    public static func text(parameters: [ResultsDocument.Parameter], claims: [Expectation], pairs: [Pair]) -> String {
        JSONValue.object([
            "parameters": .array(parameters.map { $0.json }),
            "claims": .array(claims.map { c in
                .object(["claim": .string(c.claim), "block": .number(Double(c.blockIndex)), "line": .number(Double(c.location.line)),
                         "column": .number(Double(c.location.column)), "check": c.planJSON])
            }),
            "pairs": .array(pairs.map { p in
                var f: [String: JSONValue] = ["run": .string(p.spec.name), "seed": .number(Double(p.seed)), "specHash": .string(p.specHash),
                                              "spec": p.spec.json, "request": .string(p.request)]
                switch p.place {
                case .comparison(let i): f["comparison"] = .number(Double(i))
                case .sweepPoint(let i, let j):
                    f["sweep"] = .number(Double(i))
                    f["point"] = .number(Double(j))
                }
                return .object(f)
            }),
        ]).text
    }

    public static func errors(_ problems: [Problem]) -> String {
        JSONValue.object(["errors": .array(problems.map { p in
            var f: [String: JSONValue] = ["message": .string(p.message)]
            if let parameter = p.parameter { f["parameter"] = .string(parameter) }
            return .object(f)
        })]).text
    }
}
