import Datasets
import Experiments
import PortableJSON

/// A comparison's dataset card made from its description, as `lessons run` makes it: the
/// data regenerated (as the run executor does), summarised, and named by its key's hash
/// (the preview is `dataset-<first 12 of hash>.png`). What lessons.wasm rebuilds when a
/// rerun changes the data: the card of results.json and of the page, and the preview's pixels.
public struct DatasetCard: Sendable {
    public var summary: DatasetSummary
    public var hash: String
    /// nil when the images have no preview (neither gray nor RGB).
    public var preview: PreviewGrid?

    /// `files`: the fingerprints of the files the data is drawn from (`DataFiles`); mosaics need `fashion`.
    public init(_ data: PairData, files: [String] = [], fashion: FashionImages? = nil) throws(PairError) {
        let dataset = try data.generate(fashion: fashion)
        preview = try? DatasetSummarizer.previewGrid(of: dataset)
        // The captions and columns as natively; the pixels come apart (the module writes no PNG).
        summary = DatasetSummarizer.summary(of: dataset, kind: data.kind, preview: preview.map { (png: [], grid: $0) })
        hash = DatasetKey(data, files: files).hash
    }
}

extension DatasetSummary {
    /// The summary as its Codable form writes it (what a page context's `dataset` holds).
    public var json: JSONValue {
        .object(["kind": .string(kind), "labels": .strings(labels), "trainCount": .int(trainCount),
                 "validationCount": .int(validationCount), "testCount": .int(testCount), "imageShape": .ints(imageShape),
                 "trainPrevalence": .doubles(trainPrevalence), "testPrevalence": .doubles(testPrevalence),
                 "labelCountShares": .doubles(labelCountShares), "balancedPosWeight": .doubles(balancedPosWeight),
                 "previewPNG": .ints(previewPNG.map { Int($0) }), "previewColumns": .int(previewColumns),
                 "previewLabels": .array(previewLabels.map { .strings($0) })])
    }
}

extension PairData {
    /// Label names in label order, and each one's share: what picks a sweep's rarest label.
    public var labels: [String] {
        switch self {
        case .shapes(let s): return s.labels
        case .fashionMosaics(let f): return f.categories
        }
    }

    public var prevalence: [Double] {
        switch self {
        case .shapes(let s): return s.prevalence
        case .fashionMosaics(let f): return f.prevalence
        }
    }
}
