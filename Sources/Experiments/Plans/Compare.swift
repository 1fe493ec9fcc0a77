/// Several runs trained and measured on one dataset, shown side by side.
public struct Compare: Hashable, Encodable, Sendable {
    public var title: String
    public var dataset: any DatasetSpecification
    public var runs: [Run]

    /// The form lesson code uses. In a Swift program (`lessons export`) it also
    /// records the comparison in `Notebook.shared`, so `results` can run it.
    @discardableResult
    public init(_ title: String, on dataset: any DatasetSpecification, runs: [Run]) {
        self.init(title: title, dataset: dataset, runs: runs)
        Notebook.shared.record(self)
    }

    /// Plain construction, recording nothing (what the evaluator uses).
    public init(title: String, dataset: any DatasetSpecification, runs: [Run]) {
        self.title = title
        self.dataset = dataset
        self.runs = runs
    }

    public static func == (a: Compare, b: Compare) -> Bool {
        a.title == b.title && a.runs == b.runs && a.dataset.isEqual(to: b.dataset)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(runs)
        dataset.hash(into: &hasher)
    }

    private enum CodingKeys: String, CodingKey { case title, datasetType, dataset, runs }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(String(describing: type(of: dataset)), forKey: .datasetType)
        try c.encode(dataset, forKey: .dataset)
        try c.encode(runs, forKey: .runs)
    }
}
