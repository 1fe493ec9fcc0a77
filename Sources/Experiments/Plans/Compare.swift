/// Several runs trained and measured on one dataset, shown side by side.
public struct Compare: Codable, Hashable, Sendable {
    public var title: String
    public var dataset: DatasetSource
    public var runs: [Run]
    /// What the page shows after the block; nil: `ResultView.defaults`.
    public var show: [ResultView]?

    /// The form lesson code uses. In a Swift program (`lessons export`) it also
    /// records the comparison in `Notebook.shared`, so `results` can run it.
    @discardableResult
    public init(_ title: String, on dataset: any DatasetSpecification, runs: [Run], show: [ResultView]? = nil) {
        self.init(title: title, dataset: dataset.source, runs: runs, show: show)
        Notebook.shared.record(self)
    }

    /// Plain construction, recording nothing (what the evaluator uses).
    public init(title: String, dataset: DatasetSource, runs: [Run], show: [ResultView]? = nil) {
        self.title = title
        self.dataset = dataset
        self.runs = runs
        self.show = show
    }
}
