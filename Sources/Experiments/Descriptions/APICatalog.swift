/// Every type lesson code may construct, described once. The evaluator looks
/// types up here; `lessons reference` renders the list.
public struct APICatalog: Sendable {
    /// Most labels a dataset (and so any per-label list) may have.
    public static let maxLabels = LabelCount.most

    /// The API lessons are written in, in reference-page order.
    public static let standard = APICatalog(types: [
        Run.description, Compare.description, Seeds.description, Sweep.description, SweepMetric.description,
        ResultView.description, modelSpecification, MLP.description, CNN.description, PrevalenceBaseline.description,
        Head.description, Loss.description, PosWeight.description, ClassWeight.description, SampleWeight.description,
        Optimizer.description, Schedule.description, EarlyStopping.description, Threshold.description, ThresholdObjective.description, OutputBias.description,
        LogitShift.description, Augmentation.description, Flips.description,
        datasetSpecification, shapes, fashionMosaics, numpyDataset, idxDataset,
    ])

    public let types: [APITypeDescription]
    private let byName: [String: APITypeDescription]

    public init(types: [APITypeDescription]) {
        self.types = types
        var byName: [String: APITypeDescription] = [:]
        for type in types where byName[type.name] == nil { byName[type.name] = type }
        self.byName = byName
    }

    /// The catalog with more types (a test's own dataset, ...).
    public func adding(_ more: [APITypeDescription]) -> APICatalog { APICatalog(types: types + more) }

    public func type(named name: String) -> APITypeDescription? { byName[name] }

    /// True when a value of type `actual` may be passed where `expected` is wanted
    /// (the same type, or a type conforming to the protocol `expected`).
    public func isAssignable(_ actual: String, to expected: String) -> Bool {
        actual == expected || (byName[actual]?.conformsTo.contains(expected) ?? false)
    }

    /// Types that may be passed as the protocol `name`.
    public func conformers(of name: String) -> [String] {
        types.filter { $0.conformsTo.contains(name) }.map { $0.name }
    }
}
