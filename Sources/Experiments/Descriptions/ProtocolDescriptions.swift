/// Descriptions of the protocols lesson values are passed as.
extension APICatalog {
    static let modelSpecification = APITypeDescription(
        "ModelSpecification", doc: "A model a `Run` can train: `MLP(...)` or `CNN(...)`, or the `PrevalenceBaseline()`.",
        members: [])

    static let datasetSpecification = APITypeDescription(
        "DatasetSpecification", doc: "A dataset a `Compare` runs on: `Shapes(...)`, `FashionMosaics(...)`, ...", members: [])
}
