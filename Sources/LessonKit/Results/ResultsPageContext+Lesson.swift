import Foundation

/// The page context of a run of a lesson: with `results.json`, everything its results
/// sections are drawn from (`PublishedResultsPage` re-renders them, natively or in
/// WebAssembly).
extension LessonResults {
    public var pageContext: ResultsPageContext {
        ResultsPageContext(
            lessonID: lessonID,
            comparisons: outcome.comparisons.enumerated().map { index, comparison in
                var dataset = comparison.dataset
                dataset?.previewPNG = []
                let preview = comparison.dataset.map { !$0.previewPNG.isEmpty } == true
                return ResultsPageContext.ComparisonPage(
                    show: (index < comparisons.count ? comparisons[index].show : nil)?.map(\.name), dataset: dataset,
                    preview: preview ? ResultsSections.previewName(datasetHash: comparison.datasetHash) : nil)
            },
            sweeps: outcome.sweeps.map { ResultsPageContext.SweepPage(metrics: $0.metrics, axisLabel: $0.axisLabel) },
            expectationBlocks: expectations.map(\.blockIndex))
    }

    /// The page context as canonical JSON (what the WebAssembly entry point reads beside `results.json`).
    public func encodedPageContext() throws -> Data { try CanonicalJSON.encode(pageContext) }
}
