import Experiments
import PlanCore

/// Claims resolved with the parameters' values: each number read from parameters
/// (`Quantity.parameter`) becomes a constant, folded with its neighbours as the
/// claim compiler folds constants, so a claim reads exactly as if it had been
/// compiled with those values.
extension Expectation {
    /// The claim resolved by `value` (nil when a number does not resolve; its error is reported there).
    public func resolved(_ value: (PlanNode) -> Double?) -> Expectation? {
        var out = self
        switch check {
        case .condition(let c):
            guard let r = c.resolved(value) else { return nil }
            out.check = .condition(r)
        case .approximately(let v, let t, let tol):
            guard let rv = v.resolved(value), let rt = t.resolved(value), let rtol = tol.resolved(value) else { return nil }
            out.check = .approximately(rv, target: rt, tolerance: rtol)
        }
        return out
    }
}

extension Condition {
    public func resolved(_ value: (PlanNode) -> Double?) -> Condition? {
        switch self {
        case .comparison(let op, let a, let b):
            guard let ra = a.resolved(value), let rb = b.resolved(value) else { return nil }
            return .comparison(op, ra, rb)
        case .flag(let q): return q.resolved(value).map { .flag($0) }
        case .constant: return self
        case .not(let c): return c.resolved(value).map { .not($0) }
        case .and(let a, let b):
            guard let ra = a.resolved(value), let rb = b.resolved(value) else { return nil }
            return .and(ra, rb)
        case .or(let a, let b):
            guard let ra = a.resolved(value), let rb = b.resolved(value) else { return nil }
            return .or(ra, rb)
        }
    }
}

extension Quantity {
    /// Its value when it is known before any run: a constant, or a number read from parameters.
    public var known: Double? {
        switch self {
        case .constant(let v), .parameter(_, let v): return v
        default: return nil
        }
    }

    public func resolved(_ value: (PlanNode) -> Double?) -> Quantity? {
        switch self {
        case .constant, .metric: return self
        case .parameter(let node, _): return value(node).map { .constant($0) }
        case .epochMetric(let run, let metric, let epoch):
            return epoch.resolved(value).map { .epochMetric(run: run, metric: metric, epoch: $0) }
        case .binary(let op, let a, let b):
            guard let ra = a.resolved(value), let rb = b.resolved(value) else { return nil }
            if case .constant(let x) = ra, case .constant(let y) = rb { return .constant(op.apply(x, y)) }
            return .binary(op, ra, rb)
        case .negated(let a):
            guard let ra = a.resolved(value) else { return nil }
            if case .constant(let x) = ra { return .constant(-x) }
            return .negated(ra)
        case .function(let f, let arguments):
            var resolved: [Quantity] = []
            for a in arguments {
                guard let r = a.resolved(value) else { return nil }
                resolved.append(r)
            }
            let constants = resolved.compactMap { q -> Double? in if case .constant(let x) = q { return x }; return nil }
            if constants.count == resolved.count { return .constant(f.apply(constants)) }
            return .function(f, resolved)
        }
    }
}
