import Experiments
import PortableJSON

/// `lessons_resolve_plan` natively: a plan.json and typed values resolved
/// (`PlanResolver.resolve(typed:)`) into the answer a browser rerun reads
/// (`ResolutionAnswer`): every (run, seed) pair with its cache key exactly as
/// `lessons run` computes it (`RunUnits`) and its `lessons_run_pair` request
/// exactly as `lessons verify` sends it (`PairRequest`).
public enum PlanRerunResolution {
    /// The answer's text for a request's bytes (see `ResolveRequest`); `lessonFolder` locates file datasets.
    public static func answer(_ request: [UInt8], lessonFolder: String? = nil) -> String {
        do {
            let read = try ResolveRequest(parsing: request)
            return answer(read.plan, set: read.set, lessonFolder: lessonFolder)
        } catch {
            return ResolutionAnswer.errors([ResolutionAnswer.Problem(message: error.message, parameter: nil)])
        }
    }

    public static func answer(_ plan: LessonPlan, set: [(name: String, source: String)], lessonFolder: String? = nil) -> String {
        let expectations: [Expectation]
        do { expectations = try plan.claims.map { try Expectation($0) } } catch {
            return ResolutionAnswer.errors([ResolutionAnswer.Problem(message: "plan.json: \(error)", parameter: nil)])
        }
        switch PlanResolver.resolve(plan, typed: set, expectations: expectations, path: "plan.json") {
        case .failure(let list):
            return ResolutionAnswer.errors(list.diagnostics.map { d in
                ResolutionAnswer.Problem(message: (d.location.map { "\($0.line):\($0.column): " } ?? "") + d.message,
                                         parameter: parameter(of: d.message, among: set.map(\.name)))
            })
        case .success(let resolved):
            do {
                return ResolutionAnswer.text(
                    parameters: resolved.parameters.map {
                        ResultsDocument.Parameter(name: $0.name, type: $0.type, value: $0.value, declaredValue: $0.declaredValue,
                                                  overridden: $0.overridden)
                    },
                    claims: resolved.expectations, pairs: try pairs(resolved, lessonFolder: lessonFolder))
            } catch {
                return ResolutionAnswer.errors([ResolutionAnswer.Problem(message: "\(error)", parameter: nil)])
            }
        }
    }

    /// Every pair in training order: comparisons' runs by seed, then sweep points'.
    static func pairs(_ resolved: ResolvedLesson, lessonFolder: String?) throws -> [ResolutionAnswer.Pair] {
        var units = RunUnits(lessonFolder: lessonFolder)
        var out: [ResolutionAnswer.Pair] = []
        func add(_ compare: Compare, at place: ResolutionAnswer.Pair.Place) throws {
            let grid = try units.add(compare)
            let replicas = compare.replicas
            for r in compare.runs.indices {
                for (s, replica) in replicas.enumerated() {
                    let run = replica.runs[r]
                    out.append(ResolutionAnswer.Pair(
                        place: place, spec: run, seed: replica.seed ?? run.seed, specHash: units.units[grid[r][s]].key,
                        request: try PairRequest(run: run, dataset: replica.dataset, alsoTestOn: replica.alsoTestOn).text()))
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
            ?? names.first { message.contains("(\($0) is set by --set \($0)=") }
    }
}
