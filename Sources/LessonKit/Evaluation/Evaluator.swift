import Experiments

/// Turns a lesson's `swift parameters` / `swift experiment` / `swift expect`
/// blocks into a `LessonPlan`, by walking SwiftSyntax trees — nothing is
/// compiled or run — and resolves it (`PlanResolver`) into the runs to train.
/// Only the described API can be constructed, so lesson code cannot touch
/// files, processes or the network.
public enum Evaluator {
    /// Evaluates every runnable block in order (later blocks see earlier names).
    /// `overrides` are `--set name=value` pairs (value as Swift source). Returns
    /// the lesson resolved with them, or every error found, sorted by location.
    /// `checksData` also checks each dataset's files (headers, shapes, counts) and
    /// that each model fits its images, as a run needs before anything trains;
    /// export leaves the files alone.
    public static func evaluate(_ lesson: Lesson, overrides: [String: String] = [:],
                                catalog: APICatalog = .standard, checksData: Bool = false) -> Result<ResolvedLesson, DiagnosticList> {
        lower(lesson, overrides: overrides, catalog: catalog, checksData: checksData).flatMap {
            PlanResolver.resolve($0.plan, settings: $0.settings, expectations: $0.expectations, path: lesson.path, catalog: catalog)
        }
    }

    /// The lesson's plan, and the `--set` values checked against their parameters
    /// and lowered, ready for the resolver.
    public static func lower(_ lesson: Lesson, overrides: [String: String] = [:], catalog: APICatalog = .standard,
                             checksData: Bool = false) -> Result<LoweredLesson, DiagnosticList> {
        LessonEvaluation(lesson: lesson, catalog: catalog, overrides: overrides, checksData: checksData).result()
    }
}

/// A lesson's plan with the `--set` values given for it, and its claims compiled.
public struct LoweredLesson: Sendable {
    public var plan: LessonPlan
    public var settings: [String: ParameterSetting]
    public var expectations: [Expectation]
}
