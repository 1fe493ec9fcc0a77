/// Allowed values: numeric bounds apply to a number or to each number of an
/// array; count bounds to arrays, dictionaries and strings.
public struct Limits: Sendable, Equatable {
    public var min: Double?
    public var max: Double?
    /// When true the minimum itself is not allowed (`learningRate > 0`).
    public var exclusiveMin: Bool
    public var minCount: Int?
    public var maxCount: Int?

    public init(min: Double? = nil, max: Double? = nil, exclusiveMin: Bool = false,
                minCount: Int? = nil, maxCount: Int? = nil) {
        self.min = min
        self.max = max
        self.exclusiveMin = exclusiveMin
        self.minCount = minCount
        self.maxCount = maxCount
    }

    public static func range(_ r: ClosedRange<Double>) -> Limits { Limits(min: r.lowerBound, max: r.upperBound) }
    public static func positive(max: Double) -> Limits { Limits(min: 0, max: max, exclusiveMin: true) }
    /// One non-negative weight per label.
    public static let weights = Limits(min: 0, max: 1e6, minCount: 1, maxCount: LabelCount.most)
}
