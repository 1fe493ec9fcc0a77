import Datasets
import Experiments
import NeuralCore
import PortableSort

/// The dataset card's numbers, from the datasets' own statistics (prevalence per
/// split, 0 / 1 / ≥2 label shares, balanced `pos_weight`), plus an optional preview:
/// natively for `lessons run`, and in lessons.wasm for a rerun whose data changed.
public enum DatasetSummarizer {
    /// The card's preview grid: 16 training images, 8 a row, each twice its size, 2 pixels apart.
    public static func previewGrid(of dataset: Dataset) throws(DatasetError) -> PreviewGrid {
        try dataset.previewGrid(split: .train, count: 16, columns: 8, scale: 2, padding: 2)
    }

    /// `preview`: the grid and its PNG (natively; the module has no PNG and passes nil).
    public static func summary(of dataset: Dataset, kind: String, preview: (png: [UInt8], grid: PreviewGrid)? = nil) -> DatasetSummary {
        let statistics = dataset.statistics
        let train = statistics.train
        // A label without training positives has no balanced weight: shown as "–".
        let balanced = LabelStatistics.balancedPosWeight(count: train.count, positives: train.positives).map { $0 ?? .nan }
        let cells = preview?.grid.cells.stablySorted { ($0.row, $0.column) < ($1.row, $1.column) } ?? []
        return DatasetSummary(kind: kind, labels: dataset.labelNames, trainCount: dataset.train.count,
                              validationCount: dataset.validation.count, testCount: dataset.test.count,
                              imageShape: dataset.imageShape, trainPrevalence: train.prevalence,
                              testPrevalence: statistics.test.prevalence,
                              labelCountShares: [train.shareWithNoLabel, train.shareWithOneLabel, train.shareWithSeveralLabels],
                              balancedPosWeight: balanced, previewPNG: preview?.png ?? [],
                              previewColumns: preview?.grid.columns ?? 0, previewLabels: cells.map { $0.labels })
    }
}
