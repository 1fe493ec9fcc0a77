/// Per-label `pos_weight` for `LossFunction.binaryCrossEntropy` (scales only the positive term).
public enum PositiveWeighting: Sendable, Equatable {
    case none
    /// negatives / positives per label, counted on the training labels.
    case balanced
    /// Given values, one per label (or one for all).
    case fixed([Float])

    /// The weights for training labels [N, L], or nil for `.none`. `labelNames` names
    /// the offending label in errors (indices are used when it is empty).
    public func resolve(labels: Tensor, labelNames: [String] = []) throws(WeightingError) -> [Float]? {
        switch self {
        case .none: return nil
        case .fixed(let w):
            let l = labels.shape[1]
            guard w.count == 1 || w.count == l else { throw WeightingError.wrongCount(expected: l, got: w.count) }
            return w
        case .balanced:
            return try LabelStatistics(labels).balancedPosWeight.enumerated().map { c, weight throws(WeightingError) -> Float in
                guard let weight else { throw WeightingError.noPositives(label: WeightingError.name(c, labelNames)) }
                return Float(weight)
            }
        }
    }
}

/// Why a weighting cannot be computed; the message names the label.
public enum WeightingError: Error, Equatable, CustomStringConvertible {
    case noPositives(label: String)
    case wrongCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .noPositives(let label):
            return "label '\(label)' has no positive example in the training data, so its balanced weight is undefined"
        case .wrongCount(let expected, let got):
            return "expected 1 or \(expected) weights (one per label), got \(got)"
        }
    }

    static func name(_ c: Int, _ names: [String]) -> String { c < names.count ? names[c] : "#\(c)" }
}

/// Positive counts per label of a multi-hot matrix [N, L] (a value > 0.5 counts as positive).
public struct LabelStatistics: Sendable, Equatable {
    public let count: Int
    public let labelCount: Int
    public let positives: [Int]

    public init(_ labels: Tensor) {
        precondition(labels.rank == 2, "labels must be [N, L]")
        count = labels.shape[0]
        labelCount = labels.shape[1]
        var p = [Int](repeating: 0, count: labelCount)
        for i in 0..<count { for c in 0..<labelCount where labels.storage[i * labelCount + c] > 0.5 { p[c] += 1 } }
        positives = p
    }

    /// Fraction of samples with each label.
    public var prevalence: [Double] { positives.map { count == 0 ? 0 : Double($0) / Double(count) } }

    /// The balanced `pos_weight`, negatives / positives of each label: the one
    /// formula training, dataset statistics and dataset cards all use (nil for a
    /// label with no positives, which has no such weight).
    public var balancedPosWeight: [Double?] {
        Self.balancedPosWeight(count: count, positives: positives)
    }

    public static func balancedPosWeight(count: Int, positives: [Int]) -> [Double?] {
        positives.map { p in p > 0 ? Double(count - p) / Double(p) : nil }
    }
}
