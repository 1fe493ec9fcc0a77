import Experiments
import ResultsRendering

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

    public func value<Report: RunReport>(_ reports: [String: Report]) -> Double {
        switch self {
        case .constant(let v), .parameter(_, let v): return v
        case .metric(let run, let name, let label):
            guard let report = reports[run] else { return .nan }
            return report.member(name, label: label)
        case .epochMetric(let run, let name, let epoch):
            guard let report = reports[run], let metric = EpochMetricCatalog.named(name) else { return .nan }
            return report.value(of: metric, atEpoch: Int(epoch.value(reports)))
        case .binary(let op, let a, let b): return op.apply(a.value(reports), b.value(reports))
        case .negated(let a): return -a.value(reports)
        case .function(let f, let arguments): return f.apply(arguments.map { $0.value(reports) })
        }
    }

    public var runNames: [String] {
        switch self {
        case .constant, .parameter: return []
        case .metric(let run, _, _), .epochMetric(let run, _, _): return [run]
        case .binary(_, let a, let b): return a.runNames + b.runNames
        case .negated(let a): return a.runNames
        case .function(_, let arguments): return arguments.flatMap { $0.runNames }
        }
    }

    /// Why an epoch read has no value: the run stopped before that epoch (early stopping or
    /// a divergence), said per seed in a per-seed claim rather than left as a bare NaN.
    func missingEpochs<Report: RunReport>(_ reports: [String: Report]) -> [String] {
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

    public func apply(_ a: Double, _ b: Double) -> Double {
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
    public var arity: ClosedRange<Int> { self == .abs ? 1...1 : 2...Int.max }

    public func apply(_ x: [Double]) -> Double {
        switch self {
        case .abs: return Swift.abs(x[0])
        // NaN (a seed that did not complete) stays NaN, so the claim fails rather than skipping it.
        case .min: return x.contains { $0.isNaN } ? .nan : x.min()!
        case .max: return x.contains { $0.isNaN } ? .nan : x.max()!
        }
    }
}
