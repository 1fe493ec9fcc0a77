/// What each dataset description says of itself before any data is read: its
/// canonical form (`DatasetSource`, what runs hash) and its label names.
extension Shapes {
    public var source: DatasetSource { .shapes(self) }
    public var labelNames: [String]? { labels }
}

extension FashionMosaics {
    public var source: DatasetSource { .fashionMosaics(self) }
    public var labelNames: [String]? { categories }
}

extension NumpyDataset {
    public var source: DatasetSource { .numpy(self) }
    public var labelNames: [String]? { names }
}

extension IDXDataset {
    public var source: DatasetSource { .idx(self) }
    public var labelNames: [String]? { names }
}

extension DatasetSource {
    public var source: DatasetSource { self }
    public var labelNames: [String]? {
        switch self {
        case .shapes(let s): s.labelNames
        case .fashionMosaics(let s): s.labelNames
        case .numpy(let s): s.labelNames
        case .idx(let s): s.labelNames
        }
    }
}
