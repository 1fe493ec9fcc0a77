import PortableJSON
import Experiments

extension Shapes {
    /// A `Shapes` description as `DatasetSource.shapes` writes it (`{"shapes": {"_0": {...}}}`), read
    /// by its declaration; any other dataset kind is an error naming it (the module has no files to read).
    public init(source v: JSONValue, _ path: String = "dataset") throws(JSONError) {
        let (name, values) = try v.enumCase(path)
        guard name == "shapes" else {
            throw JSONError("\(path): \(name) data cannot be made in WebAssembly yet (only Shapes is generated there)")
        }
        let p = path + ".shapes"
        self = try Shapes.read(json: values.field("_0", p), p)
    }
}
