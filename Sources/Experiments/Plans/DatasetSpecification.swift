/// A dataset a `Compare` can run on (`Shapes(...)`, `FashionMosaics(...)`,
/// `NumpyDataset(...)`, `IDXDataset(...)`): a description of how to make the
/// data, not the data itself.
public protocol DatasetSpecification: Sendable {
    /// The canonical, Codable form the runner loads and hashes.
    var source: DatasetSource { get }
    /// Label names in label order when known without reading files (nil when
    /// they come from the data, e.g. a `NumpyDataset` without `names`).
    var labelNames: [String]? { get }
}

extension Shapes: DatasetSpecification {
    public var source: DatasetSource { .shapes(self) }
    public var labelNames: [String]? { labels }
}

extension FashionMosaics: DatasetSpecification {
    public var source: DatasetSource { .fashionMosaics(self) }
    public var labelNames: [String]? { categories }
}

extension NumpyDataset: DatasetSpecification {
    public var source: DatasetSource { .numpy(self) }
    public var labelNames: [String]? { names }
}

extension IDXDataset: DatasetSpecification {
    public var source: DatasetSource { .idx(self) }
    public var labelNames: [String]? { names }
}

extension DatasetSource: DatasetSpecification {
    public var source: DatasetSource { self }
    public var labelNames: [String]? { (spec as? any DatasetSpecification)?.labelNames }
}
