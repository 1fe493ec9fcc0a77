import Experiments
import SwiftSyntax

/// Type checking the way Swift does it: literals take their type from the
/// context; named values keep theirs; API values convert to the protocols
/// they conform to.
extension ExpressionEvaluator {
    /// `value` as a value of type `expected`, or nil after a diagnostic (see `ValueRules.convert`).
    func convert(_ value: Evaluated, to expected: ValueKind, destination: ValueDestination,
                 in context: EvaluationContext) -> Evaluated? {
        rules(context).convert(value, to: expected, destination: destination)
    }

    /// Checks numeric bounds and counts (see `ValueRules.checkLimits`).
    @discardableResult
    func checkLimits(_ value: Evaluated, _ limits: Limits, name: String, in context: EvaluationContext) -> Bool {
        rules(context).checkLimits(value, limits, name: name)
    }
}
