import Experiments
import ResultsRendering

public enum ComparisonOperator: String, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    public func holds(_ a: Double, _ b: Double) -> Bool {
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
    public var statedDivergences: [String] {
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

    public var runNames: [String] {
        switch self {
        case .comparison(_, let a, let b): return a.runNames + b.runNames
        case .flag(let q): return q.runNames
        case .constant: return []
        case .not(let c): return c.runNames
        case .and(let a, let b), .or(let a, let b): return a.runNames + b.runNames
        }
    }

    /// Whether it holds, and the values that decided it (`got 0.41 vs 0.57`).
    func evaluate<Report: RunReport>(_ reports: [String: Report]) -> (Bool, String) {
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
