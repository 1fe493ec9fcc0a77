import Experiments
import PortableSort

/// One checked claim and the lesson block it belongs to (its box goes right after it).
public struct CheckedExpectation: Sendable {
    public var blockIndex: Int
    public var record: ResultsDocument.ExpectationRecord

    public init(blockIndex: Int, record: ResultsDocument.ExpectationRecord) {
        self.blockIndex = blockIndex
        self.record = record
    }
}

/// Every results fragment of a lesson's page, from the results alone: the sections
/// after each experiment block (comparisons and sweeps, figures and tables numbered
/// in page order), and the claims box after each expect block. The one entry point
/// shared by `lessons run` and the page's rerun in WebAssembly, so both write the same bytes.
public struct ResultsSections {
    public var lessonID: String
    public var outcome: LessonRunOutcome
    /// Per comparison (outcome order), what its `show:` asks for; nil or missing: the defaults.
    public var shows: [[ResultView]?]
    public var expectations: [CheckedExpectation]
    /// Dataset previews already on the site (`dataset-<hash>.png`): linked even when the
    /// dataset carries no PNG (a page re-rendered from its published results).
    public var publishedPreviews: Set<String> = []

    public init(lessonID: String, outcome: LessonRunOutcome, shows: [[ResultView]?], expectations: [CheckedExpectation]) {
        self.lessonID = lessonID
        self.outcome = outcome
        self.shows = shows
        self.expectations = expectations
    }

    /// What the sections put on the page.
    public struct Rendered {
        /// HTML after each lesson block, by block index.
        public var afterBlock: [Int: String] = [:]
        /// Numbered results by element id ("results-1-loss" → "Figure 1").
        public var references: [String: String] = [:]
        /// Dataset preview PNGs the sections link to, by file name in `site/<lesson>/`.
        public var previews: [String: [UInt8]] = [:]
    }

    /// A dataset preview's file name in `site/<lesson>/`: named by the dataset's hash, so
    /// two comparisons on one dataset share the file.
    public static func previewName(datasetHash: String) -> String { "dataset-\(datasetHash.prefix(12)).png" }

    public func render() -> Rendered {
        var rendered = Rendered()
        var numbering = PageNumbering()
        // A dataset's card is drawn once per page; later comparisons on it link back.
        var cardOfDataset: [String: String] = [:]
        // Comparisons and sweeps in page order, so figures and tables are numbered as they appear.
        let sections = outcome.comparisons.indices.map { (block: outcome.comparisons[$0].blockIndex, order: 0, index: $0) }
            + outcome.sweeps.indices.map { (block: outcome.sweeps[$0].blockIndex, order: 1, index: $0) }
        for entry in sections.stablySorted(by: { ($0.block, $0.order, $0.index) < ($1.block, $1.order, $1.index) }) {
            if entry.order == 1 {
                let sweep = outcome.sweeps[entry.index]
                rendered.afterBlock[sweep.blockIndex, default: ""] += SweepSection(sweep: sweep, id: "sweep-\(entry.index + 1)")
                    .html(numbering: &numbering)
                continue
            }
            let index = entry.index, comparison = outcome.comparisons[index]
            var previewPath: String? = nil
            let name = Self.previewName(datasetHash: comparison.datasetHash)
            if let png = comparison.dataset?.previewPNG, !png.isEmpty {
                rendered.previews[name] = png
                previewPath = lessonID + "/" + name
            } else if publishedPreviews.contains(name) {
                previewPath = lessonID + "/" + name
            }
            let show = index < shows.count ? shows[index] : nil
            var section = ComparisonSection(title: comparison.title, dataset: comparison.dataset, previewPath: previewPath,
                                            runs: comparison.runs, id: "results-\(index + 1)", show: show,
                                            datasetShownAt: cardOfDataset[comparison.datasetHash],
                                            aggregates: comparison.series.map { $0.aggregate })
            // The claims of the expect blocks after this comparison, up to the next one.
            let next = outcome.comparisons.map { $0.blockIndex }.filter { $0 > comparison.blockIndex }.min() ?? Int.max
            section.claims = expectations.filter { $0.blockIndex > comparison.blockIndex && $0.blockIndex < next }.map { $0.record.source }
            section.seedResults = comparison.series.map { $0.results }
            if cardOfDataset[comparison.datasetHash] == nil, comparison.dataset != nil {
                cardOfDataset[comparison.datasetHash] = section.datasetCardID
            }
            rendered.afterBlock[comparison.blockIndex, default: ""] += section.html(numbering: &numbering)
        }
        var byBlock: [Int: [ResultsDocument.ExpectationRecord]] = [:]
        for checked in expectations { byBlock[checked.blockIndex, default: []].append(checked.record) }
        for (block, records) in byBlock {
            rendered.afterBlock[block, default: ""] += ExpectationBox(records: records).html()
        }
        rendered.references = numbering.names
        return rendered
    }
}
