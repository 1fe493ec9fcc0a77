/// What the networks' declarations share.
enum ModelArguments {
    /// Widths of hidden Dense layers.
    static let widths = Limits(min: 1, max: 4096, minCount: 0, maxCount: 8)

    /// A model's dropout rate (`doc` says where it applies).
    static func dropout(_ doc: String) -> ArgumentKey<Double> {
        ArgumentKey("dropout", default: 0, limits: Limits(min: 0, max: 0.95), doc: doc)
    }
}
