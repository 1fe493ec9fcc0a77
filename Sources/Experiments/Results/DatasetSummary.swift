/// What the page's dataset card shows, computed once per dataset spec and cached
/// with the runs (a warm rerun then needs no data at all).
public struct DatasetSummary: Hashable, Sendable {
    /// The dataset's kind and arguments as the lesson wrote them (e.g. "Shapes").
    public var kind: String
    public var labels: [String]
    public var trainCount: Int
    public var validationCount: Int
    public var testCount: Int
    /// Image height, width, channels.
    public var imageShape: [Int]
    /// Share of images carrying each label, per split, in label order.
    public var trainPrevalence: [Double]
    public var testPrevalence: [Double]
    /// Share of training images with 0, 1 and ≥2 labels.
    public var labelCountShares: [Double]
    /// Balanced `pos_weight` per label (negatives / positives, training split).
    public var balancedPosWeight: [Double]
    /// A PNG grid of sample images, row-major; `previewLabels[i]` are the labels of cell i.
    public var previewPNG: [UInt8]
    public var previewColumns: Int
    public var previewLabels: [[String]]

    public init(kind: String, labels: [String], trainCount: Int, validationCount: Int, testCount: Int,
                imageShape: [Int], trainPrevalence: [Double], testPrevalence: [Double],
                labelCountShares: [Double], balancedPosWeight: [Double],
                previewPNG: [UInt8], previewColumns: Int, previewLabels: [[String]]) {
        self.kind = kind
        self.labels = labels
        self.trainCount = trainCount
        self.validationCount = validationCount
        self.testCount = testCount
        self.imageShape = imageShape
        self.trainPrevalence = trainPrevalence
        self.testPrevalence = testPrevalence
        self.labelCountShares = labelCountShares
        self.balancedPosWeight = balancedPosWeight
        self.previewPNG = previewPNG
        self.previewColumns = previewColumns
        self.previewLabels = previewLabels
    }

    /// The label with the lowest training prevalence (first on ties).
    public var rarestLabel: String? {
        guard let low = trainPrevalence.min(), let i = trainPrevalence.firstIndex(of: low), i < labels.count else { return labels.last }
        return labels[i]
    }
}

#if !hasFeature(Embedded)
extension DatasetSummary: Codable {}
#endif
