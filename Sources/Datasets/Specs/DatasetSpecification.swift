#if hasFeature(Embedded)
/// In lessons.wasm a dataset description is its canonical form and its labels: the
/// plan resolver reads them; the data is made from the run's JSON (PortableRun).
public protocol DatasetSpecification: Hashable, Sendable {
    var source: DatasetSource { get }
    var labelNames: [String]? { get }
}
#else
/// What every dataset description a lesson can write has in common: it is a plain
/// value (so it can be hashed into the run cache and stored as JSON) that turns
/// into a `Dataset` when the run needs the data.
public protocol DatasetSpecification: Codable, Hashable, Sendable {
    /// Materialises the data. Relative file paths resolve against `lessonFolder`
    /// (the current directory when nil) and may not leave it.
    func load(relativeTo lessonFolder: String?) throws -> Dataset

    /// Real paths of the files the data is read from, so a cache key can include their
    /// contents (a spec names files; editing a file must still invalidate results).
    func inputFiles(relativeTo lessonFolder: String?) throws -> [String]

    /// Sizes known before the data is made or read in full; for files, their headers,
    /// checked against each other (throws the first problem). nil: known only from the data.
    func inspect(relativeTo lessonFolder: String?) throws -> PlannedData?

    /// The canonical, Codable form the runner loads and hashes.
    var source: DatasetSource { get }
    /// Label names in label order when known without reading files (nil when
    /// they come from the data, e.g. a `NumpyDataset` without `names`).
    var labelNames: [String]? { get }
}

extension DatasetSpecification {
    public func inputFiles(relativeTo lessonFolder: String?) throws -> [String] { [] }
    public func inspect(relativeTo lessonFolder: String?) throws -> PlannedData? { nil }
}
#endif

/// Any of the dataset specs, as one Codable value for run specs and cache keys.
public enum DatasetSource: DatasetSpecification {
    case shapes(Shapes)
    case fashionMosaics(FashionMosaics)
    case numpy(NumpyDataset)
    case idx(IDXDataset)

    #if !hasFeature(Embedded)
    public var spec: any DatasetSpecification {
        switch self {
        case let .shapes(s): return s
        case let .fashionMosaics(s): return s
        case let .numpy(s): return s
        case let .idx(s): return s
        }
    }

    public func load(relativeTo lessonFolder: String?) throws -> Dataset {
        try spec.load(relativeTo: lessonFolder)
    }

    public func inputFiles(relativeTo lessonFolder: String?) throws -> [String] {
        try spec.inputFiles(relativeTo: lessonFolder)
    }

    public func inspect(relativeTo lessonFolder: String?) throws -> PlannedData? {
        try spec.inspect(relativeTo: lessonFolder)
    }
    #endif
}
