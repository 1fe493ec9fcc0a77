import Experiments

/// The two sides of one comparison in a claim, with its margin kept apart:
/// `a > b + 0.1` is shown as a = 0.85, b = 0.425, margin 0.1 — not as
/// "0.85 vs 0.525", where the reader cannot tell the metric from the margin.
public struct ClaimValues: Codable, Equatable, Sendable {
    /// The claim's left side, as written without the margin (`results["x"].recall("ring")`).
    public var left: String
    public var leftValue: Double
    /// `>`, `>=`, `<`, `<=`, `==`, `!=`.
    public var comparison: String
    public var right: String
    public var rightValue: Double
    /// What is added to the right side (or, for `a - b > m`, the least difference); nil: none.
    public var margin: Double?
    public var holds: Bool
}

extension Expectation {
    /// The comparisons this claim made, in the order written (empty for
    /// `approximately` and Boolean flags, whose detail says it all).
    public func comparedValues(_ reports: [String: any RunReport]) -> [ClaimValues] {
        guard case .condition(let condition) = check else { return [] }
        return condition.comparedValues(reports)
    }
}

extension Condition {
    func comparedValues(_ reports: [String: any RunReport]) -> [ClaimValues] {
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
    static func comparisonDetail(_ a: Quantity, _ b: Quantity, _ reports: [String: any RunReport]) -> String {
        let (left, right, margin) = split(a, b)
        let l = Quantity.claimNumber(left.value(reports)), r = Quantity.claimNumber(right.value(reports))
        guard let margin else { return "got \(l) vs \(r)" }
        if case .binary(.subtract, _, _) = a, case .constant = b {
            return "got \(l) − \(r) vs \(Quantity.claimNumber(margin))"
        }
        return "got \(l) vs \(r) \(margin < 0 ? "−" : "+") \(Quantity.claimNumber(abs(margin)))"
    }
}

extension Quantity {
    /// A claim's number with three decimals (`0.475`, `0.100`), so values line up and
    /// compare at a glance; very small or large values keep four significant digits.
    static func claimNumber(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        if v != 0, abs(v) < 0.001 || abs(v) >= 10_000 { return String(format: "%.4g", v) }
        let s = String(format: "%.3f", v)
        return s == "-0.000" ? "0.000" : s
    }

    /// Lesson spelling of the quantity (`results["pos_weight"].recall("ring")`, `0.1`).
    var spelled: String {
        switch self {
        case .constant(let v), .parameter(_, let v): return Quantity.format(v)
        case .metric(let run, let metric, let label):
            return "results[\"\(run)\"].\(metric)" + (label.map { "(\"\($0)\")" } ?? "")
        case .binary(let op, let a, let b): return "\(a.spelled) \(op.rawValue) \(b.spelled)"
        case .negated(let a): return "-\(a.spelled)"
        case .function(let f, let arguments): return "\(f.rawValue)(\(arguments.map(\.spelled).joined(separator: ", ")))"
        }
    }
}
