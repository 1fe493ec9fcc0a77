/// Per-sample weight schemes for multi-hot training labels [N, L].
public enum SampleWeighting: Sendable, Equatable {
    case none
    /// Each sample gets the balanced weight (negatives/positives) of its rarest positive
    /// label; a sample with no positive label gets 1.
    case rarestLabel
    /// Each sample is grouped by its rarest positive label ("no label" is a group of its
    /// own) and weighted N / (G · group size), G = number of non-empty groups — sklearn's
    /// `compute_class_weight("balanced")` on those groups. The weights average to 1.
    case inverseFrequency
    /// Keras `Model.fit(class_weight:)` on multi-hot targets: row i gets
    /// classWeight[argmax(zᵢ)], the weight of its *first* positive label; an all-zero
    /// row gets class 0's weight. Reproduces the pitfall on purpose.
    case kerasClassWeight([Float])

    /// The weights, or nil for `.none`.
    public func weights(labels: Tensor, labelNames: [String] = []) throws(WeightingError) -> [Float]? {
        let stats = LabelStatistics(labels)
        let n = stats.count, l = stats.labelCount
        switch self {
        case .none:
            return nil
        case .kerasClassWeight(let cw):
            guard cw.count == l else { throw WeightingError.wrongCount(expected: l, got: cw.count) }
            return (0..<n).map { i in cw[LossFunction.argmax(labels.storage, row: i, classes: l)] }
        case .rarestLabel:
            let balanced = try PositiveWeighting.balanced.resolve(labels: labels, labelNames: labelNames)!
            return (0..<n).map { i in
                rarest(labels, row: i, stats: stats).map { balanced[$0] } ?? 1
            }
        case .inverseFrequency:
            let groups = (0..<n).map { rarest(labels, row: $0, stats: stats) ?? l }
            var sizes = [Int](repeating: 0, count: l + 1)
            for g in groups { sizes[g] += 1 }
            let nonEmpty = sizes.filter { $0 > 0 }.count
            return groups.map { Float(Double(n) / (Double(nonEmpty) * Double(sizes[$0]))) }
        }
    }

    /// The positive label of row i with the fewest positives overall (lowest index on ties).
    private func rarest(_ labels: Tensor, row i: Int, stats: LabelStatistics) -> Int? {
        var best: Int? = nil
        for c in 0..<stats.labelCount where labels.storage[i * stats.labelCount + c] > 0.5 {
            if best == nil || stats.positives[c] < stats.positives[best!] { best = c }
        }
        return best
    }
}
