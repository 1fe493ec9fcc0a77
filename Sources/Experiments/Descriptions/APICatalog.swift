/// Every type lesson code may construct, described once. The evaluator looks
/// types up here; `lessons reference` renders this list.
public enum APICatalog {
    /// Most labels a dataset (and so any per-label list) may have.
    public static let maxLabels = 16

    /// In reference-page order: plans, models, training vocabulary, datasets.
    public static let types: [APITypeDescription] = [
        run, modelSpecification, mlp, cnn,
        head, loss, posWeight, classWeight, sampleWeight, optimizer, threshold, thresholdObjective, outputBias,
    ]

    private static let byName: [String: APITypeDescription] =
        Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    public static func type(named name: String) -> APITypeDescription? { byName[name] }

    /// True when a value of type `actual` may be passed where `expected` is wanted
    /// (the same type, or a type conforming to the protocol `expected`).
    public static func isAssignable(_ actual: String, to expected: String) -> Bool {
        actual == expected || (byName[actual]?.conformsTo.contains(expected) ?? false)
    }

    /// Types that may be passed as the protocol `name`.
    public static func conformers(of name: String) -> [String] {
        types.filter { $0.conformsTo.contains(name) }.map(\.name)
    }
}
