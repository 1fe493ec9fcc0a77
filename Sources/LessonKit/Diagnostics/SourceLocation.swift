import PlanCore

/// A 1-based line and column in a lesson file (defined with the plan, which
/// records where each value was written; named here so it wins over SwiftSyntax's).
public typealias SourceLocation = PlanCore.SourceLocation
