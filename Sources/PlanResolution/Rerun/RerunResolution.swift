import Claims
import Experiments
import ResultsAssembly
import PortableJSON
import ResultsRendering

/// `lessons_resolve_plan`: a request (`ResolveRequest`: plan.json and the typed values)
/// resolved (`PlanResolver.resolve(typed:)`) into the answer a rerun reads
/// (`ResolutionAnswer`). The same code natively and in lessons.wasm; only the cache keys
/// (which fingerprint data files natively) and the pair requests' text come from the caller.
public struct RerunResolution {
    /// Each run's cache key per seed, `[run][seed]` in `compare.replicas` order.
    public var cacheKeys: (Compare) throws(ResultsReadError) -> [[String]]
    /// `lessons_run_pair`'s request for one run of a replica.
    public var request: (Run, Compare.Replica) -> String

    public init(cacheKeys: @escaping (Compare) throws(ResultsReadError) -> [[String]],
                request: @escaping (Run, Compare.Replica) -> String) {
        self.cacheKeys = cacheKeys
        self.request = request
    }

    /// The answer's text for a request's bytes.
    public func answer(_ request: [UInt8]) -> String {
        do {
            let read = try ResolveRequest(parsing: request)
            return answer(read.plan, set: read.set)
        } catch {
            return ResolutionAnswer.errors([ResolutionAnswer.Problem(message: error.message, parameter: nil)])
        }
    }

    public func answer(_ plan: LessonPlan, set: [(name: String, source: String)]) -> String {
        var expectations: [Expectation] = []
        for claim in plan.claims {
            do { expectations.append(try Expectation(claim)) } catch {
                return ResolutionAnswer.errors([ResolutionAnswer.Problem(message: "plan.json: " + error.message, parameter: nil)])
            }
        }
        switch PlanResolver.resolve(plan, typed: set, expectations: expectations, path: "plan.json") {
        case .failure(let list):
            return ResolutionAnswer.errors(list.diagnostics.map { d in
                ResolutionAnswer.Problem(message: (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message,
                                         parameter: Self.parameter(of: d.message, among: set.map { $0.name }))
            })
        case .success(let resolved):
            do {
                return ResolutionAnswer.text(
                    parameters: resolved.parameters.map {
                        ResultsDocument.Parameter(name: $0.name, type: $0.type, value: $0.value, declaredValue: $0.declaredValue,
                                                  overridden: $0.overridden)
                    },
                    claims: resolved.expectations, pairs: try pairs(resolved))
            } catch {
                return ResolutionAnswer.errors([ResolutionAnswer.Problem(message: error.message, parameter: nil)])
            }
        }
    }

    /// Every pair in training order: comparisons' runs by seed, then sweep points'.
    func pairs(_ resolved: ResolvedLesson) throws(ResultsReadError) -> [ResolutionAnswer.Pair] {
        var out: [ResolutionAnswer.Pair] = []
        func add(_ compare: Compare, at place: ResolutionAnswer.Pair.Place) throws(ResultsReadError) {
            let keys = try cacheKeys(compare)
            let replicas = compare.replicas
            for r in compare.runs.indices {
                for (s, replica) in replicas.enumerated() {
                    let run = replica.runs[r]
                    out.append(ResolutionAnswer.Pair(place: place, spec: run, seed: replica.seed ?? run.seed, specHash: keys[r][s],
                                                     request: request(run, replica)))
                }
            }
        }
        for (i, c) in resolved.comparisons.enumerated() { try add(c.compare, at: .comparison(i)) }
        for (i, sweep) in resolved.sweeps.enumerated() {
            for (j, point) in sweep.points.enumerated() { try add(point, at: .sweepPoint(i, j)) }
        }
        return out
    }

    /// The parameter a message is about: `--set NAME=...`, `--set NAME: ...`, or a use of its value.
    static func parameter(of message: String, among names: [String]) -> String? {
        names.first { message.hasPrefix("--set \($0)=") || message.hasPrefix("--set \($0):") || message.hasPrefix("--set \($0) ") }
            ?? names.first { name in message.split(separator: "(").contains { $0.hasPrefix("\(name) is set by --set \(name)=") } }
    }
}
