import Foundation
import Experiments

/// A claim of a `swift expect` block, type-checked by the evaluator and
/// checked against the runs' reports once they exist.
public struct Expectation: Sendable {
    public enum Check: Sendable, Equatable {
        /// `expect(condition)`.
        case condition(Condition)
        /// `expect(value, approximately: target, tolerance: t)`: |value − target| ≤ t.
        case approximately(Quantity, target: Quantity, tolerance: Quantity)
    }

    public var blockIndex: Int
    public var location: SourceLocation
    /// The claim as written (the arguments of `expect`).
    public var claim: String
    public var check: Check
    /// `inAtLeast: k`: checked per seed, paired by seed, must hold in ≥ k seeds.
    /// Nil: checked once, on each run's mean over its seeds.
    public var inAtLeast: Int?
    /// True when a comment above it starts "Sanity check": a claim true by
    /// construction, shown as such on the page so no reader takes it for a finding.
    public var sanityCheck = false

    /// Run names the claim reads, for "run 'x' has no results".
    public var runNames: [String] {
        switch check {
        case .condition(let c): return c.runNames
        case .approximately(let v, let t, let tol): return v.runNames + t.runNames + tol.runNames
        }
    }

    /// Runs whose divergence this claim states (`expect(results["x"].diverged)`, also
    /// inside `&&` and `||`, never under `!`): when it holds, their divergence is expected.
    public var expectedDivergences: [String] {
        guard case .condition(let c) = check else { return [] }
        return c.statedDivergences
    }

    /// Pass or fail, with the values involved (per seed with `inAtLeast`).
    public func evaluate(_ runs: [String: RunSeries]) -> ExpectationOutcome {
        if let missing = runNames.first(where: { runs[$0] == nil }) {
            return ExpectationOutcome(passed: false, actual: "run '\(missing)' has no results", claim: claim)
        }
        guard let required = inAtLeast else { return evaluate(runs.mapValues { $0 as any RunReport }) }
        let read = Set(runNames).compactMap { runs[$0] }
        let seeds = read.first?.seeds ?? []
        guard read.allSatisfy({ $0.seeds == seeds }) else {
            return ExpectationOutcome(passed: false, actual: "the runs it reads were trained with different seeds", claim: claim)
        }
        let perSeed = seeds.indices.map { i -> SeedCheck in
            let (passed, detail) = holds(runs.mapValues { $0.report(seedIndex: min(i, $0.results.count - 1)) as any RunReport })
            return SeedCheck(seed: seeds[i], passed: passed, detail: detail)
        }
        let held = perSeed.filter(\.passed)
        let failedSeeds = perSeed.filter { !$0.passed }.map { String($0.seed) }
        var summary = "held in \(held.count) of \(perSeed.count) seeds, needs \(required)"
        if !failedSeeds.isEmpty { summary += "; failed in seed\(failedSeeds.count == 1 ? "" : "s") \(failedSeeds.joined(separator: ", "))" }
        return ExpectationOutcome(passed: held.count >= required, actual: summary, claim: claim,
                                  required: required, seeds: perSeed)
    }

    /// The claim on one set of reports, each a single number per metric (a
    /// multi-seed run reads as its means); `inAtLeast` needs the seeds, so it is
    /// checked by `evaluate(_: [String: RunSeries])`.
    public func evaluate(_ reports: [String: any RunReport]) -> ExpectationOutcome {
        if let missing = runNames.first(where: { reports[$0] == nil }) {
            return ExpectationOutcome(passed: false, actual: "run '\(missing)' has no results", claim: claim)
        }
        let (passed, detail) = holds(reports)
        return ExpectationOutcome(passed: passed, actual: detail, claim: claim)
    }

    /// The check on one set of reports.
    private func holds(_ reports: [String: any RunReport]) -> (Bool, String) {
        switch check {
        case .condition(let c):
            return c.evaluate(reports)
        case .approximately(let v, let t, let tol):
            let value = v.value(reports), target = t.value(reports), tolerance = tol.value(reports)
            let notes = (v.missingEpochs(reports) + t.missingEpochs(reports)).map { "; " + $0 }.joined()
            return (abs(value - target) <= tolerance,
                    "got \(NumberText.claim(value)) vs \(NumberText.claim(target)) ± \(NumberText.claim(tolerance))" + notes)
        }
    }
}

/// The result of checking one expectation.
public struct ExpectationOutcome: Sendable, Equatable {
    public var passed: Bool
    /// The values involved: `got 0.41 vs 0.57`, or for a per-seed claim
    /// `held in 3 of 5 seeds, needs 4; failed in seeds 2, 5`.
    public var actual: String
    public var claim: String
    /// `inAtLeast:` of a per-seed claim.
    public var required: Int?
    /// Each seed's check of a per-seed claim.
    public var seeds: [SeedCheck]?

    public init(passed: Bool, actual: String, claim: String, required: Int? = nil, seeds: [SeedCheck]? = nil) {
        self.passed = passed
        self.actual = actual
        self.claim = claim
        self.required = required
        self.seeds = seeds
    }

    /// `expectation failed: <claim> (got 0.41 vs 0.57)`, or `expectation held: ...`.
    public var message: String {
        (passed ? "expectation held: " : "expectation failed: ") + claim + (actual.isEmpty ? "" : " (\(actual))")
    }

    /// The located diagnostic for a failed claim.
    public func diagnostic(path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: path, location: location, severity: .error, message: message)
    }
}

/// A number in a claim: constants, metrics of runs, arithmetic on them.
public indirect enum Quantity: Sendable, Equatable {
    case constant(Double)
    /// A number read from the lesson's parameters (`leakMargin`, `2 * threshold`), with its
    /// value where the lesson was evaluated; resolving the plan makes it a constant.
    case parameter(PlanNode, Double)
    /// `results[run].metric` or `results[run].metric(label)`.
    case metric(run: String, metric: String, label: String?)
    /// `results[run].validationLoss(atEpoch: k)`: an `EpochMetric` at an epoch known before training.
    case epochMetric(run: String, metric: String, epoch: Quantity)
    case binary(ArithmeticOperator, Quantity, Quantity)
    case negated(Quantity)
    /// `abs(x)`, `min(a, b, ...)`, `max(a, b, ...)`.
    case function(ClaimFunction, [Quantity])

    public func value(_ reports: [String: any RunReport]) -> Double {
        switch self {
        case .constant(let v), .parameter(_, let v): return v
        case .metric(let run, let name, let label):
            guard let report = reports[run], let metric = ReportMetric.named(name) else { return .nan }
            return metric.read(report, label)
        case .epochMetric(let run, let name, let epoch):
            guard let report = reports[run], let metric = EpochMetricCatalog.named(name) else { return .nan }
            return report.value(of: metric, atEpoch: Int(epoch.value(reports)))
        case .binary(let op, let a, let b): return op.apply(a.value(reports), b.value(reports))
        case .negated(let a): return -a.value(reports)
        case .function(let f, let arguments): return f.apply(arguments.map { $0.value(reports) })
        }
    }

    var runNames: [String] {
        switch self {
        case .constant, .parameter: return []
        case .metric(let run, _, _), .epochMetric(let run, _, _): return [run]
        case .binary(_, let a, let b): return a.runNames + b.runNames
        case .negated(let a): return a.runNames
        case .function(_, let arguments): return arguments.flatMap(\.runNames)
        }
    }

    /// Why an epoch read has no value: the run stopped before that epoch (early stopping or
    /// a divergence), said per seed in a per-seed claim rather than left as a bare NaN.
    func missingEpochs(_ reports: [String: any RunReport]) -> [String] {
        switch self {
        case .epochMetric(let run, _, let epoch):
            let k = Int(epoch.value(reports))
            guard let report = reports[run], report.epochsTrained < k else { return [] }
            return ["'\(run)' stopped after epoch \(report.epochsTrained), before epoch \(k)"]
        case .binary(_, let a, let b): return a.missingEpochs(reports) + b.missingEpochs(reports)
        case .negated(let a): return a.missingEpochs(reports)
        case .function(_, let arguments): return arguments.flatMap { $0.missingEpochs(reports) }
        case .constant, .parameter, .metric: return []
        }
    }

    /// Four decimals at most, trailing zeros dropped: `0.4123`, `12`, `0.5`.
    public static func format(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        var s = PrintfFormat.fixed(v, precision: 4)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}

public enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        }
    }
}

/// The functions a claim may call, as Swift's standard library spells them, so an
/// exported lesson compiles them unchanged.
public enum ClaimFunction: String, Sendable, CaseIterable {
    case abs, min, max

    /// How many arguments it takes: `abs` one, `min` and `max` two or more.
    var arity: ClosedRange<Int> { self == .abs ? 1...1 : 2...Int.max }

    func apply(_ x: [Double]) -> Double {
        switch self {
        case .abs: return Swift.abs(x[0])
        // NaN (a seed that did not complete) stays NaN, so the claim fails rather than skipping it.
        case .min: return x.contains(where: \.isNaN) ? .nan : x.min()!
        case .max: return x.contains(where: \.isNaN) ? .nan : x.max()!
        }
    }
}

public enum ComparisonOperator: String, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        case .equal: return a == b
        case .notEqual: return a != b
        }
    }
}

/// A Boolean claim over quantities.
public indirect enum Condition: Sendable, Equatable {
    /// Runs whose `diverged` flag this condition asserts.
    var statedDivergences: [String] {
        switch self {
        case .flag(.metric(let run, "diverged", nil)): return [run]
        case .and(let a, let b), .or(let a, let b): return a.statedDivergences + b.statedDivergences
        case .flag, .comparison, .constant, .not: return []
        }
    }

    case comparison(ComparisonOperator, Quantity, Quantity)
    /// A Boolean metric (`results["x"].diverged`).
    case flag(Quantity)
    case constant(Bool)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    var runNames: [String] {
        switch self {
        case .comparison(_, let a, let b): return a.runNames + b.runNames
        case .flag(let q): return q.runNames
        case .constant: return []
        case .not(let c): return c.runNames
        case .and(let a, let b), .or(let a, let b): return a.runNames + b.runNames
        }
    }

    /// Whether it holds, and the values that decided it (`got 0.41 vs 0.57`).
    func evaluate(_ reports: [String: any RunReport]) -> (Bool, String) {
        switch self {
        case .comparison(let op, let a, let b):
            let notes = (a.missingEpochs(reports) + b.missingEpochs(reports)).map { "; " + $0 }.joined()
            return (op.holds(a.value(reports), b.value(reports)), Self.comparisonDetail(a, b, reports) + notes)
        case .flag(let q):
            let on = q.value(reports) != 0
            return (on, "got \(on)")
        case .constant(let b):
            return (b, "")
        case .not(let c):
            let (v, detail) = c.evaluate(reports)
            return (!v, detail)
        case .and(let a, let b):
            let (x, dx) = a.evaluate(reports), (y, dy) = b.evaluate(reports)
            // Name the parts that failed; when all held, all of them.
            let parts = x && y ? [dx, dy] : (x ? [] : [dx]) + (y ? [] : [dy])
            return (x && y, parts.filter { !$0.isEmpty }.joined(separator: "; "))
        case .or(let a, let b):
            let (x, dx) = a.evaluate(reports), (y, dy) = b.evaluate(reports)
            return (x || y, [dx, dy].filter { !$0.isEmpty }.joined(separator: "; "))
        }
    }
}
