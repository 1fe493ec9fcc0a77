import Experiments

/// What a lesson's results sections need besides its published `results.json`: what
/// each comparison shows and its dataset card, what each sweep plots, and the block
/// of each claim. `results.json` plus this re-render the sections byte for byte.
public struct ResultsPageContext: Equatable, Sendable {
    public struct ComparisonPage: Equatable, Sendable {
        /// `show:` spelled as `ResultView.name` gives; nil: the defaults.
        public var show: [String]?
        /// The dataset card's numbers (its preview PNG left out: the page links the published file).
        public var dataset: DatasetSummary?
        /// The preview's file name in `site/<lesson>/`, when the dataset has one.
        public var preview: String?

        public init(show: [String]?, dataset: DatasetSummary?, preview: String?) {
            self.show = show
            self.dataset = dataset
            self.preview = preview
        }
    }

    public struct SweepPage: Equatable, Sendable {
        public var metrics: [SweepMetric]
        public var axisLabel: String

        public init(metrics: [SweepMetric], axisLabel: String) {
            self.metrics = metrics
            self.axisLabel = axisLabel
        }
    }

    /// The page's id (`03-weighted-loss`).
    public var lessonID: String
    /// In `results.json`'s order.
    public var comparisons: [ComparisonPage]
    public var sweeps: [SweepPage]
    /// The lesson block of each claim, in `results.json`'s order.
    public var expectationBlocks: [Int]

    public init(lessonID: String, comparisons: [ComparisonPage], sweeps: [SweepPage], expectationBlocks: [Int]) {
        self.lessonID = lessonID
        self.comparisons = comparisons
        self.sweeps = sweeps
        self.expectationBlocks = expectationBlocks
    }
}

#if !hasFeature(Embedded)
/// The JSON form, written natively (Embedded Swift has no Codable; `read` parses it there).
extension ResultsPageContext: Codable {}
extension ResultsPageContext.ComparisonPage: Codable {}
extension ResultsPageContext.SweepPage: Codable {}
#endif
