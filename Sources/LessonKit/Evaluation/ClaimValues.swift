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
            var left = a, right = b, margin: Double? = nil
            if case .binary(let arithmetic, let base, .constant(let m)) = b, arithmetic == .add || arithmetic == .subtract,
               !base.runNames.isEmpty {
                // a > b + m: the margin sits on the right.
                right = base
                margin = arithmetic == .add ? m : -m
            } else if case .binary(.subtract, let x, let y) = a, case .constant(let m) = b,
                      !x.runNames.isEmpty, !y.runNames.isEmpty {
                // a - b > m: the margin is the least difference.
                left = x
                right = y
                margin = m
            }
            return [ClaimValues(left: left.spelled, leftValue: left.value(reports), comparison: op.rawValue,
                                right: right.spelled, rightValue: right.value(reports), margin: margin,
                                holds: op.holds(a.value(reports), b.value(reports)))]
        case .flag, .constant: return []
        case .not(let c): return c.comparedValues(reports)
        case .and(let x, let y), .or(let x, let y): return x.comparedValues(reports) + y.comparedValues(reports)
        }
    }
}

extension Quantity {
    /// Lesson spelling of the quantity (`results["pos_weight"].recall("ring")`, `0.1`).
    var spelled: String {
        switch self {
        case .constant(let v): return Quantity.format(v)
        case .metric(let run, let metric, let label):
            return "results[\"\(run)\"].\(metric)" + (label.map { "(\"\($0)\")" } ?? "")
        case .binary(let op, let a, let b): return "\(a.spelled) \(op.rawValue) \(b.spelled)"
        case .negated(let a): return "-\(a.spelled)"
        case .function(let f, let arguments): return "\(f.rawValue)(\(arguments.map(\.spelled).joined(separator: ", ")))"
        }
    }
}
