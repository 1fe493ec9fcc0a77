import PortableJSON
import Experiments

extension Shapes {
    /// A `Shapes` description as `DatasetSource.shapes` writes it (`{"shapes": {"_0": {...}}}`);
    /// any other dataset kind is an error naming it (the module has no files to read).
    public init(source v: JSONValue, _ path: String = "dataset") throws(JSONError) {
        let (name, values) = try v.enumCase(path)
        guard name == "shapes" else {
            throw JSONError("\(path): \(name) data cannot be made in WebAssembly yet (only Shapes is generated there)")
        }
        let p = path + ".shapes"
        let s = try values.field("_0", p)
        var together: [String: String] = [:]
        guard case .object(let pairs) = try s.field("together", p) else { throw JSONError("\(p).together: expected an object") }
        for (key, value) in pairs { together[key] = try value.string(p + ".together." + key) }
        self.init(labels: try s.field("labels", p).strings(p + ".labels"), prevalence: try s.field("prevalence", p).doubles(p + ".prevalence"),
                  together: together, size: try s.field("size", p).int(p + ".size"), noise: try s.field("noise", p).double(p + ".noise"),
                  train: try s.field("train", p).int(p + ".train"), validation: try s.field("validation", p).int(p + ".validation"),
                  test: try s.field("test", p).int(p + ".test"), seed: try s.field("seed", p).int(p + ".seed"))
    }
}
