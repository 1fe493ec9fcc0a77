import Experiments
import PlanResolution
import SwiftSyntax

/// `results["run"]` in syntax (the names themselves: `ClaimWords` in PlanResolution).
extension ClaimWords {
    /// True for the name `results` (the base of `results["run"]`).
    static func isResults(_ expr: ExprSyntax) -> Bool {
        expr.as(DeclReferenceExprSyntax.self)?.baseName.text == results
    }
}

/// What a top-level expression statement is, resolved once from its syntax:
/// the block kind then says whether it belongs there.
enum TopLevelStatement {
    /// `expect(...)`: a claim, the statement of expect blocks.
    case claim(FunctionCallExprSyntax)
    /// `Compare(...)` written out: a comparison, the statement of experiment blocks.
    case comparison
    /// Anything else: evaluated, then judged by the value it makes.
    case value

    init(_ expr: ExprSyntax) {
        guard let call = expr.as(FunctionCallExprSyntax.self),
              let callee = call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text else {
            self = .value
            return
        }
        switch callee {
        case ClaimWords.expect: self = .claim(call)
        case String(describing: Compare.self): self = .comparison
        default: self = .value
        }
    }
}

/// What the value of an experiment statement is, by the type the catalog
/// built: a comparison or a sweep is planned, anything else is an error.
enum ExperimentStatementValue {
    case comparison(Compare)
    case sweep(Sweep)
    case run
    case dataset
    case other

    init(_ value: Evaluated) {
        // Only a value of an API type itself (not an optional or an array of one) is a statement.
        guard case .api = value.kind else {
            self = .other
            return
        }
        let object = value.value.object
        if let compare = object?.value(as: Compare.self) {
            self = .comparison(compare)
        } else if let sweep = object?.value(as: Sweep.self) {
            self = .sweep(sweep)
        } else if object?.value(as: Run.self) != nil {
            self = .run
        } else if object?.dataset != nil {
            self = .dataset
        } else {
            self = .other
        }
    }
}
