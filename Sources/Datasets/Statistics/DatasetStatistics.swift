import NeuralCore

/// What a lesson's dataset card shows: how often each label occurs in each split,
/// how many labels images carry, which labels occur together, and the balanced
/// `posWeight` (negatives/positives per label on the training split, as PyTorch's
/// `BCEWithLogitsLoss(pos_weight=)` documentation suggests).
public struct DatasetStatistics: Hashable, Sendable {
    /// Counts and shares of one split.
    public struct Split: Hashable, Sendable {
        public var count: Int
        /// Images showing each label.
        public var positives: [Int]
        /// positives / count per label (0 for an empty split).
        public var prevalence: [Double]
        /// Mean number of labels per image.
        public var labelCardinality: Double
        /// Shares of images with no label, exactly one, and two or more.
        public var shareWithNoLabel: Double
        public var shareWithOneLabel: Double
        public var shareWithSeveralLabels: Double
        /// coOccurrence[i][j] = images showing both label i and label j; the diagonal is `positives`.
        public var coOccurrence: [[Int]]

        public init(_ images: LabeledImages) {
            let n = images.count, l = images.labels.shape.count == 2 ? images.labels.shape[1] : 0
            var positives = [Int](repeating: 0, count: l)
            var together = [[Int]](repeating: [Int](repeating: 0, count: l), count: l)
            var byCardinality = [0, 0, 0]
            var total = 0
            let hot = images.labels.storage
            for i in 0..<n {
                let present = (0..<l).filter { hot[i * l + $0] > 0.5 }
                for a in present {
                    positives[a] += 1
                    for b in present { together[a][b] += 1 }
                }
                total += present.count
                byCardinality[min(present.count, 2)] += 1
            }
            let share = { (k: Int) in n == 0 ? 0 : Double(k) / Double(n) }
            self.count = n
            self.positives = positives
            self.prevalence = positives.map(share)
            self.labelCardinality = share(total)
            self.shareWithNoLabel = share(byCardinality[0])
            self.shareWithOneLabel = share(byCardinality[1])
            self.shareWithSeveralLabels = share(byCardinality[2])
            self.coOccurrence = together
        }
    }

    public var labelNames: [String]
    public var train: Split
    public var validation: Split
    public var test: Split

    public init(_ dataset: Dataset) {
        labelNames = dataset.labelNames
        train = Split(dataset.train)
        validation = Split(dataset.validation)
        test = Split(dataset.test)
    }

    /// negatives / positives per label on the training split; a label with no positive
    /// training image has no such weight and is reported by name.
    public func balancedPosWeight() throws(DatasetError) -> [Double] {
        try zip(labelNames, LabelStatistics.balancedPosWeight(count: train.count, positives: train.positives)).map { name, weight throws(DatasetError) -> Double in
            guard let weight else { throw DatasetError.noPositives(label: name, split: "train") }
            return weight
        }
    }
}

extension Dataset {
    public var statistics: DatasetStatistics { DatasetStatistics(self) }
}

#if !hasFeature(Embedded)
extension DatasetStatistics: Codable {}
extension DatasetStatistics.Split: Codable {}
#endif
