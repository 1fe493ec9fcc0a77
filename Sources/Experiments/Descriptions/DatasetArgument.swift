import PortableJSON

/// A comparison's dataset: any `DatasetSpecification` in a lesson, the `DatasetSource` case in
/// JSON (`{"shapes": {"_0": {...}}}`, as Codable writes it), each read by its dataset's declaration.
extension DatasetSource: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> DatasetSource {
        let (name, values) = try present(json, path).enumCase(path)
        let p = path + "." + name
        switch name {
        case "shapes": return .shapes(try Shapes.read(json: values.field("_0", p), p))
        case "fashionMosaics": return .fashionMosaics(try FashionMosaics.read(json: values.field("_0", p), p))
        case "numpy": return .numpy(try NumpyDataset.read(json: values.field("_0", p), p))
        case "idx": return .idx(try IDXDataset.read(json: values.field("_0", p), p))
        default: throw JSONError("\(path): unknown dataset '\(name)'")
        }
    }
    public static var argumentKind: ValueKind { .api("DatasetSpecification") }
    public static func read(api value: APIValue) -> DatasetSource? { value.object?.dataset }
    #if !hasFeature(Embedded)
    public var swiftSource: String {
        switch self {
        case .shapes(let d): d.swiftSource
        case .fashionMosaics(let d): d.swiftSource
        case .numpy(let d): d.swiftSource
        case .idx(let d): d.swiftSource
        }
    }
    #endif
}
