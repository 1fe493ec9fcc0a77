import Experiments

/// Turns a lesson's `swift parameters` / `swift experiment` / `swift expect`
/// blocks into a `LessonPlan`, by walking SwiftSyntax trees — nothing is
/// compiled or run. Only the described API can be constructed, so lesson code
/// cannot touch files, processes or the network.
public enum Evaluator {
    /// Evaluates every runnable block in order (later blocks see earlier names).
    /// `overrides` are `--set name=value` pairs (value as Swift source). Returns
    /// the plan, or every error found, sorted by location. `checksData` also checks each
    /// dataset's files (headers, shapes, counts) and that each model fits its images,
    /// as a run needs before anything trains; export leaves the files alone.
    public static func evaluate(_ lesson: Lesson, overrides: [String: String] = [:],
                                catalog: APICatalog = .standard, checksData: Bool = false) -> Result<LessonPlan, DiagnosticList> {
        evaluate(lesson, overrides: overrides, catalog: catalog, isSweepPoint: false, checksData: checksData)
    }

    /// `isSweepPoint`: the lesson evaluated again for one value of a sweep (no sweeps, no claims).
    static func evaluate(_ lesson: Lesson, overrides: [String: String], catalog: APICatalog,
                         isSweepPoint: Bool, checksData: Bool) -> Result<LessonPlan, DiagnosticList> {
        LessonEvaluation(lesson: lesson, catalog: catalog, overrides: overrides, isSweepPoint: isSweepPoint,
                         checksData: checksData).result()
    }
}
