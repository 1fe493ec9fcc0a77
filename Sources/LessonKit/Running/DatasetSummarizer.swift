import Experiments
import NeuralCore

/// The dataset card's numbers, from the datasets' own statistics (prevalence per
/// split, 0 / 1 / ≥2 label shares, balanced `pos_weight`), plus an optional preview.
public enum DatasetSummarizer {
    /// A preview: PNG bytes, images per row, and each cell's labels in reading order.
    public typealias Preview = (png: [UInt8], columns: Int, labels: [[String]])

    public static func summary(of dataset: Dataset, kind: String, preview: Preview? = nil) -> DatasetSummary {
        let statistics = dataset.statistics
        let train = statistics.train
        // A label without training positives has no balanced weight: shown as "–".
        let balanced = LabelStatistics.balancedPosWeight(count: train.count, positives: train.positives).map { $0 ?? .nan }
        return DatasetSummary(kind: kind, labels: dataset.labelNames, trainCount: dataset.train.count,
                              validationCount: dataset.validation.count, testCount: dataset.test.count,
                              imageShape: dataset.imageShape, trainPrevalence: train.prevalence,
                              testPrevalence: statistics.test.prevalence,
                              labelCountShares: [train.shareWithNoLabel, train.shareWithOneLabel, train.shareWithSeveralLabels],
                              balancedPosWeight: balanced, previewPNG: preview?.png ?? [],
                              previewColumns: preview?.columns ?? 0, previewLabels: preview?.labels ?? [])
    }
}
