/// Descriptions of the protocols lesson values are passed as, and the limits
/// their conformers share.
extension APICatalog {
    static let widths = Limits(min: 1, max: 4096, minCount: 0, maxCount: 8)
    static let dropout = Limits(min: 0, max: 0.95)

    /// A model's dropout rate (`doc` says where it applies).
    static func dropoutArgument(_ doc: String) -> APIArgument {
        APIArgument("dropout", .double, default: "0", limits: dropout, doc: doc)
    }

    static let modelSpecification = APITypeDescription(
        "ModelSpecification", doc: "A model a `Run` can train: `MLP(...)` or `CNN(...)`, or the `PrevalenceBaseline()`.",
        members: [])

    static let datasetSpecification = APITypeDescription(
        "DatasetSpecification", doc: "A dataset a `Compare` runs on: `Shapes(...)`, `FashionMosaics(...)`, ...", members: [])
}
