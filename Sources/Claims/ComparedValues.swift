import Experiments
import ResultsRendering

extension Expectation {
    /// The comparisons this claim made, in the order written (empty for
    /// `approximately` and Boolean flags, whose detail says it all).
    public func comparedValues(_ runs: [String: RunSeries]) -> [ClaimValues] { comparedValues(of: runs) }

    func comparedValues<Report: RunReport>(of reports: [String: Report]) -> [ClaimValues] {
        guard case .condition(let condition) = check else { return [] }
        return condition.comparedValues(reports)
    }
}

extension Condition {
    func comparedValues<Report: RunReport>(_ reports: [String: Report]) -> [ClaimValues] {
        switch self {
        case .comparison(let op, let a, let b):
            let (left, right, margin) = Self.split(a, b)
            return [ClaimValues(left: left.spelled, leftValue: left.value(reports), comparison: op.rawValue,
                                right: right.spelled, rightValue: right.value(reports), margin: margin,
                                holds: op.holds(a.value(reports), b.value(reports)))]
        case .flag, .constant: return []
        case .not(let c): return c.comparedValues(reports)
        case .and(let x, let y), .or(let x, let y): return x.comparedValues(reports) + y.comparedValues(reports)
        }
    }
}

extension Condition {
    /// A comparison's two sides with its margin apart: `a > b + m` gives (a, b, m),
    /// `a - b > m` gives (a, b, m) too (the least difference); otherwise (a, b, nil).
    static func split(_ a: Quantity, _ b: Quantity) -> (left: Quantity, right: Quantity, margin: Double?) {
        if case .binary(let arithmetic, let base, .constant(let m)) = b, arithmetic == .add || arithmetic == .subtract,
           !base.runNames.isEmpty {
            return (a, base, arithmetic == .add ? m : -m)
        }
        if case .binary(.subtract, let x, let y) = a, case .constant(let m) = b, !x.runNames.isEmpty, !y.runNames.isEmpty {
            return (x, y, m)
        }
        return (a, b, nil)
    }

    /// `got 0.975 vs 0.475 + 0.100`: each run's own value, the margin apart (never
    /// folded into the other side), three decimals.
    static func comparisonDetail<Report: RunReport>(_ a: Quantity, _ b: Quantity, _ reports: [String: Report]) -> String {
        let (left, right, margin) = split(a, b)
        let l = NumberText.claim(left.value(reports)), r = NumberText.claim(right.value(reports))
        guard let margin else { return "got \(l) vs \(r)" }
        if case .binary(.subtract, _, _) = a, case .constant = b {
            return "got \(l) − \(r) vs \(NumberText.claim(margin))"
        }
        return "got \(l) vs \(r) \(margin < 0 ? "−" : "+") \(NumberText.claim(abs(margin)))"
    }
}

extension Quantity {
    /// `results["a"]`, or `results["a", on: "noisy"]` for a run read on another test set.
    static func results(_ key: String) -> String {
        guard let (run, testSet) = RunSeries.split(key) else { return "results[\"\(key)\"]" }
        return "results[\"\(run)\", on: \"\(testSet)\"]"
    }

    /// Lesson spelling of the quantity (`results["pos_weight"].recall("ring")`, `0.1`).
    public var spelled: String {
        switch self {
        case .constant(let v), .parameter(_, let v): return Quantity.format(v)
        case .metric(let run, let metric, let label):
            return "\(Self.results(run)).\(metric)" + (label.map { "(\"\($0)\")" } ?? "")
        case .epochMetric(let run, let metric, let epoch):
            return "\(Self.results(run)).\(metric)(atEpoch: \(epoch.spelled))"
        case .binary(let op, let a, let b): return "\(a.spelled) \(op.rawValue) \(b.spelled)"
        case .negated(let a): return "-\(a.spelled)"
        case .function(let f, let arguments): return "\(f.rawValue)(\(arguments.map { $0.spelled }.joined(separator: ", ")))"
        }
    }
}
