/// What a checked claim records for the page and `results.json`: the values it
/// compared and, for a per-seed claim, each seed's check.

/// The two sides of one comparison in a claim, with its margin kept apart:
/// `a > b + 0.1` is shown as a = 0.85, b = 0.425, margin 0.1 — not as
/// "0.85 vs 0.525", where the reader cannot tell the metric from the margin.
public struct ClaimValues: Equatable, Sendable {
    /// The claim's left side, as written without the margin (`results["x"].recall("ring")`).
    public var left: String
    public var leftValue: Double
    /// `>`, `>=`, `<`, `<=`, `==`, `!=`.
    public var comparison: String
    public var right: String
    public var rightValue: Double
    /// What is added to the right side (or, for `a - b > m`, the least difference); nil: none.
    public var margin: Double?
    public var holds: Bool

    public init(left: String, leftValue: Double, comparison: String, right: String, rightValue: Double, margin: Double?,
                holds: Bool) {
        self.left = left
        self.leftValue = leftValue
        self.comparison = comparison
        self.right = right
        self.rightValue = rightValue
        self.margin = margin
        self.holds = holds
    }
}

/// A claim checked on one seed's runs.
public struct SeedCheck: Sendable, Equatable {
    public var seed: Int
    public var passed: Bool
    /// The values involved for that seed.
    public var detail: String

    public init(seed: Int, passed: Bool, detail: String) {
        self.seed = seed
        self.passed = passed
        self.detail = detail
    }
}

#if !hasFeature(Embedded)
extension ClaimValues: Codable {}
extension SeedCheck: Codable {}
#endif
