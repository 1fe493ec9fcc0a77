import PlanCore
/// What a run of a lesson found: its runs, sweeps and checked claims, as
/// `results.json` records them. The page is drawn from it (`pageExtras()`).
public struct LessonResults {
    /// One checked claim and the block it belongs to.
    public typealias CheckedExpectation = ResultsRendering.CheckedExpectation

    public var lessonFile: String
    /// The page's id (`03-weighted-loss`): its extra files live in `site/<id>/`.
    public var lessonID: String
    public var title: String
    public var parameters: [ResultsDocument.Parameter]
    public var comparisons: [LessonRunner.Comparison]
    public var outcome: LessonRunOutcome
    public var expectations: [CheckedExpectation]
    /// Front matter `headline:` (nil: the best run by macro-F1).
    public var headline: Headline?
    /// The lesson's plan, published beside the results as `plan.json`.
    public var plan: LessonPlan?

    public init(lessonFile: String, lessonID: String, title: String, parameters: [ResultsDocument.Parameter],
                comparisons: [LessonRunner.Comparison], outcome: LessonRunOutcome, expectations: [CheckedExpectation],
                headline: Headline? = nil, plan: LessonPlan? = nil) {
        self.lessonFile = lessonFile
        self.lessonID = lessonID
        self.title = title
        self.parameters = parameters
        self.comparisons = comparisons
        self.outcome = outcome
        self.expectations = expectations
        self.headline = headline
        self.plan = plan
    }

    public var document: ResultsDocument {
        ResultsDocument(lessonFile: lessonFile, title: title, parameters: parameters, outcome: outcome,
                        expectations: expectations.map(\.record))
    }

    /// True when every run completed and every claim held.
    public var passed: Bool { document.status == "passed" }
}
