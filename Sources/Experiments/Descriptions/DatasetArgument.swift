import Foundation
import PortableJSON

/// A comparison's dataset: any `DatasetSpecification` in a lesson, its `DatasetSource` in
/// JSON. The dataset specs are not declared yet, so their JSON is read by their Codable form.
extension DatasetSource: ArgumentValue {
    public static func read(json: JSONValue?, _ path: String) throws(JSONError) -> DatasetSource {
        let text = try present(json, path).text
        do { return try JSONDecoder().decode(DatasetSource.self, from: Data(text.utf8)) } catch {
            throw JSONError("\(path): not a dataset (\(error))")
        }
    }
    public static var argumentKind: ValueKind { .api("DatasetSpecification") }
    public static func read(api value: APIValue) -> DatasetSource? { (value.object as? any DatasetSpecification)?.source }
    /// Never needed: no argument defaults to a dataset.
    public var swiftSource: String { preconditionFailure("a dataset is not spelled as a default") }
}
