/// A dataset a `Compare` can run on (`Shapes(...)`, `FashionMosaics(...)`, ...):
/// a value that describes how to make the data, not the data itself. It is
/// Encodable and Hashable so the runner can put it in its cache key.
public protocol DatasetSpecification: Encodable, Sendable {
    /// Label names in label order, known without loading the data.
    var labelNames: [String] { get }
    /// Equality with another specification (of any type), for `Compare`'s `Hashable`.
    func isEqual(to other: any DatasetSpecification) -> Bool
    func hash(into hasher: inout Hasher)
}

extension DatasetSpecification where Self: Hashable {
    public func isEqual(to other: any DatasetSpecification) -> Bool {
        (other as? Self) == self
    }
}
