/// Multi-label classification metrics with scikit-learn's definitions (1.9), computed in
/// Double. Inputs are [N, L] tensors: `yTrue` and `yPred` multi-hot (a value > 0.5 is a 1),
/// `yScore` any monotone score (probabilities or logits). Predictions from a softmax head
/// (threshold or top-k) are multi-hot too and go through the same functions.
public enum Metrics {
    /// How per-label (or per-sample) values are combined (sklearn's `average`).
    public enum Average: String, Sendable, Equatable, CaseIterable {
        /// Counts pooled over all N·L cells.
        case micro
        /// Unweighted mean over labels.
        case macro
        /// Mean over samples of each row's value.
        case samples
    }

    /// Confusion counts per label.
    public struct LabelCounts: Sendable, Equatable {
        public var truePositives: [Int], falsePositives: [Int], falseNegatives: [Int], trueNegatives: [Int]
        public var support: [Int] { zip(truePositives, falseNegatives).map { $0 + $1 } }
    }

    public static func counts(yTrue: Tensor, yPred: Tensor) -> LabelCounts {
        let (n, l) = dims(yTrue, yPred)
        var c = LabelCounts(truePositives: .init(repeating: 0, count: l), falsePositives: .init(repeating: 0, count: l),
                            falseNegatives: .init(repeating: 0, count: l), trueNegatives: .init(repeating: 0, count: l))
        for i in 0..<n {
            for k in 0..<l {
                switch (yTrue.storage[i * l + k] > 0.5, yPred.storage[i * l + k] > 0.5) {
                case (true, true): c.truePositives[k] += 1
                case (false, true): c.falsePositives[k] += 1
                case (true, false): c.falseNegatives[k] += 1
                case (false, false): c.trueNegatives[k] += 1
                }
            }
        }
        return c
    }

    // MARK: precision, recall, F1

    public static func precisionPerLabel(yTrue: Tensor, yPred: Tensor, zeroDivision: Double = 0) -> [Double] {
        perLabel(yTrue, yPred, zeroDivision, Ratio.precision)
    }

    public static func recallPerLabel(yTrue: Tensor, yPred: Tensor, zeroDivision: Double = 0) -> [Double] {
        perLabel(yTrue, yPred, zeroDivision, Ratio.recall)
    }

    /// F1 = 2TP / (2TP + FP + FN) per label; 0/0 gives `zeroDivision`.
    public static func f1PerLabel(yTrue: Tensor, yPred: Tensor, zeroDivision: Double = 0) -> [Double] {
        perLabel(yTrue, yPred, zeroDivision, Ratio.f1)
    }

    public static func precision(yTrue: Tensor, yPred: Tensor, average: Average, zeroDivision: Double = 0) -> Double {
        averaged(yTrue, yPred, average, zeroDivision, Ratio.precision)
    }

    public static func recall(yTrue: Tensor, yPred: Tensor, average: Average, zeroDivision: Double = 0) -> Double {
        averaged(yTrue, yPred, average, zeroDivision, Ratio.recall)
    }

    public static func f1(yTrue: Tensor, yPred: Tensor, average: Average, zeroDivision: Double = 0) -> Double {
        averaged(yTrue, yPred, average, zeroDivision, Ratio.f1)
    }

    /// Fraction of rows whose whole predicted label vector equals the true one.
    public static func subsetAccuracy(yTrue: Tensor, yPred: Tensor) -> Double {
        let (n, l) = dims(yTrue, yPred)
        guard n > 0 else { return 0 }
        var exact = 0
        for i in 0..<n where (0..<l).allSatisfy({ (yTrue.storage[i * l + $0] > 0.5) == (yPred.storage[i * l + $0] > 0.5) }) {
            exact += 1
        }
        return Double(exact) / Double(n)
    }

    /// Fraction of wrong cells.
    public static func hammingLoss(yTrue: Tensor, yPred: Tensor) -> Double {
        let (n, l) = dims(yTrue, yPred)
        guard n * l > 0 else { return 0 }
        var wrong = 0
        for i in 0..<(n * l) where (yTrue.storage[i] > 0.5) != (yPred.storage[i] > 0.5) { wrong += 1 }
        return Double(wrong) / Double(n * l)
    }

    // MARK: helpers

    typealias RatioFunction = @Sendable (_ tp: Int, _ fp: Int, _ fn: Int) -> (num: Double, den: Double)

    enum Ratio {
        static let precision: RatioFunction = { tp, fp, _ in (Double(tp), Double(tp + fp)) }
        static let recall: RatioFunction = { tp, _, fn in (Double(tp), Double(tp + fn)) }
        static let f1: RatioFunction = { tp, fp, fn in (Double(2 * tp), Double(2 * tp + fp + fn)) }
    }

    static func divide(_ r: (num: Double, den: Double), _ zeroDivision: Double) -> Double {
        r.den == 0 ? zeroDivision : r.num / r.den
    }

    static func perLabel(_ yTrue: Tensor, _ yPred: Tensor, _ zd: Double, _ f: RatioFunction) -> [Double] {
        let c = counts(yTrue: yTrue, yPred: yPred)
        return c.truePositives.indices.map {
            divide(f(c.truePositives[$0], c.falsePositives[$0], c.falseNegatives[$0]), zd)
        }
    }

    static func averaged(_ yTrue: Tensor, _ yPred: Tensor, _ average: Average, _ zd: Double, _ f: RatioFunction) -> Double {
        switch average {
        case .macro:
            let v = perLabel(yTrue, yPred, zd, f)
            return v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count)
        case .micro:
            let c = counts(yTrue: yTrue, yPred: yPred)
            return divide(f(c.truePositives.reduce(0, +), c.falsePositives.reduce(0, +), c.falseNegatives.reduce(0, +)), zd)
        case .samples:
            let (n, l) = dims(yTrue, yPred)
            guard n > 0 else { return 0 }
            var total = 0.0
            for i in 0..<n {
                var tp = 0, fp = 0, fn = 0
                for k in 0..<l {
                    switch (yTrue.storage[i * l + k] > 0.5, yPred.storage[i * l + k] > 0.5) {
                    case (true, true): tp += 1
                    case (false, true): fp += 1
                    case (true, false): fn += 1
                    default: break
                    }
                }
                total += divide(f(tp, fp, fn), zd)
            }
            return total / Double(n)
        }
    }

    static func dims(_ a: Tensor, _ b: Tensor) -> (Int, Int) {
        precondition(a.rank == 2 && a.shape == b.shape, "metric inputs must both be [N, L]: \(a.shape) vs \(b.shape)")
        return (a.shape[0], a.shape[1])
    }

    /// Column k of a [N, L] tensor as Doubles.
    static func column(_ t: Tensor, _ k: Int) -> [Double] {
        let n = t.shape[0], l = t.shape[1]
        return (0..<n).map { Double(t.storage[$0 * l + k]) }
    }
}
