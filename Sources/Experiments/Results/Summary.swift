/// One number measured once per seed: the values in seed order and what a
/// table shows of them. `sd` is the sample standard deviation (n − 1 in the
/// denominator, numpy's `std(ddof=1)`), 0 for a single value.
public struct Summary: Hashable, Sendable {
    public var mean: Double
    public var sd: Double
    public var min: Double
    public var max: Double
    public var values: [Double]

    /// Nil for no values. A non-finite value makes every statistic NaN (a
    /// diverged seed must not vanish into a mean).
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        self.values = values
        guard values.allSatisfy({ $0.isFinite }) else {
            mean = .nan; sd = .nan; min = .nan; max = .nan
            return
        }
        let n = Double(values.count)
        // Pairwise-free but stable enough for ≤ 32 values in [0, 1]: two passes.
        let m = values.reduce(0, +) / n
        mean = m
        sd = values.count < 2 ? 0 : (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
        min = values.min()!
        max = values.max()!
    }
}

#if !hasFeature(Embedded)
extension Summary: Codable {}
#endif
